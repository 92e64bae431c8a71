import type { FormatDef } from '../../lib/format/schema';
import { leavesOf } from '../../lib/check/rules';
import { key, type Values } from './report';

/**
 * Narrative sentences written from a report's own tables by a small set of templates, each with the
 * cells it states, so a property can change one of them and expect exactly that sentence flagged.
 * The templates are written here from how real reports phrase their figures, not from the claim data.
 */
export interface Cell {
  table: string;
  row: string;
  column: string;
}
export interface Sentence {
  text: string;
  cells: Cell[];
}
type Tables = Map<string, Values>;

const ORGS = ['business', 'research', 'nonprofit', 'legal', 'otherOrg'];

function reader(format: FormatDef, tables: Tables) {
  const def = (table: string) => format.tables.find((t) => t.id === table)!;
  /** The cells a group of rows and columns stands for (a group row is its leaves). */
  const cells = (table: string, rows: string[], columns: string[]): Cell[] =>
    rows.flatMap((r) => leavesOf(def(table), r).flatMap((row) => columns.map((column) => ({ table, row, column }))));
  const sum = (cs: Cell[]) => cs.reduce((s, c) => s + tables.get(c.table)!.get(key(c.row, c.column))!, 0);
  return { cells, sum };
}

const pct = (part: number, whole: number) => ((part / whole) * 100).toFixed(1);

/** One sentence per template; `pick` chooses among a template's phrasings. */
export function narrative(format: FormatDef, tables: Tables, pick: number): Sentence[] {
  const { cells, sum } = reader(format, tables);
  const say = (parts: [string, Cell[]][], end = '。'): Sentence => ({
    text: parts.map(([words, cs]) => (cs.length ? `${words}${sum(cs)}件` : words)).join('，') + end,
    cells: parts.flatMap(([, cs]) => cs),
  });
  const req = (rows: string[], columns = ['total']) => cells('requests', rows, columns);
  const rev = (columns: string[]) => cells('review', ['count'], columns);
  const alt = <T>(...xs: T[]) => xs[pick % xs.length]!;
  const out: Sentence[] = [];

  if (format.id === '2021') {
    const doc = (row: string, column: string) => cells('active', [row], [column]);
    out.push(
      alt(
        say([
          ['本年度制发行政规范性文件', doc('normative', 'issued')],
          ['废止', doc('normative', 'repealed')],
          ['现行有效', doc('normative', 'inForce')],
        ]),
        say([
          ['集中发布现行有效行政规范性文件', doc('normative', 'inForce')],
          ['动态更新本年度制发的规范性文件', doc('normative', 'issued')],
          ['废止规范性文件', doc('normative', 'repealed')],
        ]),
      ),
      say([
        [alt('全年作出行政许可决定', '行政许可'), doc('licensing', 'decisions')],
        ['行政处罚', doc('penalty', 'decisions')],
        ['行政强制', doc('enforcement', 'decisions')],
      ]),
      {
        text: `全年收取行政事业性收费${sum(doc('fees', 'amount'))}万元。`,
        cells: doc('fees', 'amount'),
      },
    );
  } else {
    const doc = (row: string, column: string) => cells('active', [row], [column]);
    out.push(
      say([
        ['本年新制作规范性文件', doc('normative', 'made')],
        ['新公开', doc('normative', 'published')],
      ]),
      {
        text: `政府集中采购项目${sum(doc('procurement', 'count'))}个，采购总金额${sum(doc('procurement', 'amount'))}万元。`,
        cells: [...doc('procurement', 'count'), ...doc('procurement', 'amount')],
      },
    );
  }

  const received = req(['new']);
  const natural = req(['new'], ['natural']);
  const share = sum(received) > 0 ? `，占${pct(sum(natural), sum(received))}%` : '';
  out.push(
    {
      text: `${alt('本年度共收到政府信息公开申请', '全年新收政府信息公开申请', '共受理政府信息公开申请')}${sum(received)}件，其中自然人${sum(natural)}件${share}，法人或其他组织${sum(req(['new'], ORGS))}件。`,
      cells: [...received, ...natural, ...req(['new'], ORGS)],
    },
    say([
      ['上年结转政府信息公开申请', req(['carried'])],
      [alt('本年度办结', '已办结', '均已办结'), req(['total'])],
    ]),
    alt(
      say([
        ['予以公开', req(['granted'])],
        ['部分公开', req(['partial'])],
      ]),
      say([['予以公开及部分公开', req(['granted', 'partial'])]]),
    ),
    say([
      ['不予公开', req(['denied'])],
      ['其中属于国家秘密', req(['denied.secret'])],
    ]),
    say([
      ['无法提供', req(['unable'])],
      ['不予处理', req(['ignored'])],
      ['其他处理', req(['other'])],
    ]),
    say([[alt('结转下年度继续办理', '结转下年度'), req(['carryover'])]]),
    say([
      ['政府信息公开行政复议', rev(['review.total'])],
      ['其中结果维持', rev(['review.upheld'])],
      ['结果纠正', rev(['review.corrected'])],
      ['其他结果', rev(['review.other'])],
      ['尚未审结', rev(['review.pending'])],
    ]),
    say([
      ['政府信息公开行政诉讼', rev(['direct.total', 'after.total'])],
      ['其中结果维持', rev(['direct.upheld', 'after.upheld'])],
    ]),
    say([['复议后起诉', rev(['after.total'])]]),
  );
  return out;
}
