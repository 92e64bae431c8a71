import { type FormatDef, formatForYear, type TableId } from '../../lib/format';
import { fillTable } from '../../lib/write/filler';
import { partHeading, reportTitle, tableSnippet } from '../../lib/write/snippets';
import { cellKey } from '../../lib/check/rules';

/**
 * A township's report as a clerk finishes it from the skeleton: every template sentence replaced by
 * her own, a sentence under each sub-heading, the three tables filled through the filler's rules
 * (totals computed, so balanced). The end of the journey, where the verdict must be 全部通过.
 */
const OWN: Record<number, string> = {
  1: '{year}年，{unit}围绕群众关切推进政务公开，公开工作总体平稳有序。',
  2: '{unit}按照主动公开基本目录，及时公开行政规范性文件和行政许可、行政处罚等信息，数据见下表。',
  3: '{unit}通过信函、网络等渠道受理政府信息公开申请，均在法定期限内答复，数据见下表。',
  4: '{unit}本年度没有因政府信息公开引发的行政复议和行政诉讼，数据见下表。',
  5: '{unit}的公开工作还有不足：部分栏目更新慢，政策解读偏少。下一步将明确专人负责栏目维护，每季度开展一次自查。',
  6: '{unit}本年度未收取信息处理费，无其他需要报告的事项。',
};

/** One sentence of her own under each of part 一's sub-headings, in the format's order. */
const UNDER_SUBHEADINGS = [
  '通过门户网站和政务新媒体公开财政预决算、惠民补贴等信息。',
  '依申请公开事项均按法定时限办理，答复规范。',
  '健全信息发布审查制度，拟公开信息逐条进行保密审查。',
  '完善政府网站信息公开专栏，及时更新栏目内容。',
  '将政务公开纳入年度工作考核，主动接受社会评议，未发生责任追究情况。',
];

/** Leaf numbers a township might type (row|column → value); totals are the filler's. */
const TYPED: Record<TableId, Record<string, string>> = {
  active: {
    [cellKey('normative', 'issued')]: '2',
    [cellKey('normative', 'inForce')]: '5',
    [cellKey('licensing', 'decisions')]: '10',
    [cellKey('penalty', 'decisions')]: '3',
  },
  requests: {
    [cellKey('new', 'natural')]: '5',
    [cellKey('new', 'business')]: '1',
    [cellKey('granted', 'natural')]: '3',
    [cellKey('partial', 'natural')]: '1',
    [cellKey('granted', 'business')]: '1',
  },
  review: {},
};

export function filledTable(format: FormatDef, id: TableId): string {
  const { values } = fillTable(format, id, new Map(Object.entries(TYPED[id])));
  return tableSnippet(format, id, values).html;
}

export function finishedReport(year: number, unit: string): string {
  const format = formatForYear(year);
  const fill = (s: string) => s.replaceAll('{year}', String(year)).replaceAll('{unit}', unit);
  const out = [`<p style="text-align:center"><strong>${reportTitle({ year, unit })}</strong></p>`];
  for (const part of format.parts) {
    out.push(`<p><strong>${partHeading(part)}</strong></p>`, `<p>${fill(OWN[part.number] ?? '')}</p>`);
    (part.subheadings ?? []).forEach((s, i) => {
      out.push(`<p><strong>（${'一二三四五六七八九十'[i]}）${s}</strong></p>`, `<p>${UNDER_SUBHEADINGS[i] ?? ''}</p>`);
    });
    for (const t of format.tables.filter((x) => x.part === part.number)) out.push(filledTable(format, t.id));
  }
  return out.join('');
}
