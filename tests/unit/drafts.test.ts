import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../lib/check/engine';
import { cellKey } from '../../lib/check/rules';
import { format2021 } from '../../lib/format';
import type { TableId } from '../../lib/format/schema';
import { partHeading, reportSkeleton, tableSnippet } from '../../lib/write/snippets';
import { report, random } from '../../scripts/gen-reports';
import { root } from '../paths';
import { generate } from '../support/report';

/** A clerk's draft at every stage, from the empty editor to the finished report; and the site's other pages. */

const YEAR = 2025;
const UNIT = '白水镇人民政府';
const TITLE = `${UNIT}${YEAR}年政府信息公开工作年度报告`;
const OPENING = `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求，编制本报告。本报告所列数据的统计期限为${YEAR}年1月1日至12月31日。`;
const PART_ONE = `${partHeading(format2021.parts[0]!)}\n${YEAR}年，${UNIT}扎实做好主动公开、依申请公开、政府信息管理、政府网站平台建设和监督保障工作，全年在政府网站发布信息312条。`;

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const skeleton = (unit = UNIT) => reportSkeleton(format2021, { year: YEAR, unit }).text;

/** The skeleton's table of `id` filled with balanced numbers (or all zero), as the filler writes it. */
function fillTable(text: string, id: TableId, zero = false): string {
  const values = new Map<string, number>();
  for (const [k, v] of generate(format2021, 11).get(id)!) {
    const [row, column] = k.split('|') as [string, string];
    values.set(cellKey(row, column), zero ? 0 : v);
  }
  return text.replace(tableSnippet(format2021, id).text, tableSnippet(format2021, id, values).text);
}

describe('the site’s other pages stay no report (precision on the negative set)', () => {
  const dir = join(root, 'tests/fixtures/pages/other');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it.each(files)('%s is not a report', (file) => {
    const r = checkText(readFileSync(join(dir, file), 'utf8'));
    expect(r.verdict).toBe('not-a-report');
    expect(codes(r)).toEqual(['not-a-report']);
  });
  it('holds at least the kinds the issue names', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });
  it('a 工作要点 stays no report even when the CMS title field is the only title', () => {
    const r = checkText(readFileSync(join(dir, 'work-points.txt'), 'utf8').split('\n').slice(1).join('\n'), {
      title: '某某县2024年政务公开工作要点',
    });
    expect(r.verdict).toBe('not-a-report');
  });
});

describe('a draft in progress is a report', () => {
  it('an empty editor is empty, not "no report", and runs no check', () => {
    for (const text of ['', '\n\n', '   \u3000 \n']) {
      const r = checkText(text, { title: TITLE });
      expect([r.verdict, r.findings]).toEqual(['empty', []]);
    }
  });

  it('opening paragraph and part 一 only, the title in the CMS field: parts 二–六 and the tables still to write', () => {
    const r = checkText(`${OPENING}\n${PART_ONE}`, { title: TITLE });
    expect([r.year, r.unit, r.format, r.verdict]).toEqual([YEAR, UNIT, '2021', 'in-progress']);
    expect(r.findings.filter((f) => f.code === 'part-missing').map((f) => f.part)).toEqual([2, 3, 4, 5, 6]);
    expect(r.findings.filter((f) => f.code === 'table-missing').map((f) => f.table)).toEqual([
      'active',
      'requests',
      'review',
    ]);
    expect(r.progress).toMatchObject({ partsWritten: 1, partsRequired: 6, tablesFilled: 0, tablesRequired: 3 });
    expect(r.parts[0]).toMatchObject({ status: 'ok', content: 'own', required: true });
  });

  it.each([
    ['the title alone', TITLE],
    ['the opening alone', OPENING],
    ['part 一 alone', PART_ONE],
    ['part 二 alone', `二、主动公开政府信息情况\n${UNIT}按照主动公开基本目录做好公开工作。`],
    ['a Markdown heading', `## 一、总体情况\n${YEAR}年，我镇持续推进政务公开。`],
    ['a bold heading', `**三、收到和处理政府信息公开申请情况**`],
    ['第一部分 as ordinal', `第一部分 总体情况\n${YEAR}年，我镇持续推进政务公开。`],
    ['an ordinal and a space', `一 总体情况\n${YEAR}年，我镇持续推进政务公开。`],
  ])('%s is recognised', (_, text) => {
    const r = checkText(text);
    expect(r.verdict).not.toBe('not-a-report');
    expect(codes(r)).not.toContain('not-a-report');
  });

  it('a draft with no year asks for it and names the checks it could not run; the year given runs them', () => {
    const text = `一、总体情况\n我镇持续推进政务公开，全年在政府网站发布信息312条。`;
    const r = checkText(text);
    expect([r.year, r.verdict]).toEqual([null, 'needs-year']);
    expect(r.progress.unchecked).toEqual(expect.arrayContaining(['part-missing', 'table-missing']));
    const withYear = checkText(text, { year: YEAR });
    expect([withYear.year, withYear.verdict, withYear.progress.unchecked]).toEqual([YEAR, 'in-progress', []]);
    expect(codes(withYear)).toContain('part-missing');
  });
});

describe('the skeleton, filled step by step', () => {
  it('the untouched skeleton: in progress, a handful of findings, every part template text', () => {
    const r = checkText(skeleton());
    expect(r.verdict).toBe('in-progress');
    expect(r.findings.length).toBeLessThanOrEqual(20);
    expect(r.progress.templateParts).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.progress.partsWritten).toBe(0);
    expect(r.findings.filter((f) => f.code === 'cells-blank').map((f) => f.table)).toEqual([
      'active',
      'requests',
      'review',
    ]);
    const requests = r.findings.find((f) => f.code === 'cells-blank' && f.table === 'requests')!;
    expect(requests.message).toMatch(/尚有 \d+ 格未填/);
    expect(requests.cells!.length).toBe(r.tables.find((t) => t.table === 'requests')!.blank);
    expect(r.findings.find((f) => f.code === 'template-text')!.message).toContain('第一、二、三、四、五、六部分');
  });

  it('a paragraph wrapped over lines (as a PDF gives it) reads as it does on one line (as the page gives it)', () => {
    /** Each long line cut every 28 characters, as pdf.js rebuilds a paragraph from the lines of a printed page. */
    const wrapped = (text: string) =>
      text
        .split('\n')
        .map((l) => (l.includes('\t') || l.length <= 40 ? l : (l.match(/.{1,28}/g) ?? []).join('\n')))
        .join('\n');
    const untouched = skeleton();
    expect(wrapped(untouched)).not.toBe(untouched);
    const asPdf = checkText(wrapped(untouched));
    const asPage = checkText(untouched);
    expect(asPdf.progress.templateParts).toEqual([1, 2, 3, 4, 5, 6]);
    expect(asPdf.parts.map((p) => p.content)).toEqual(asPage.parts.map((p) => p.content));
    expect(codes(asPdf).filter((c) => c === 'template-text')).toEqual(
      codes(asPage).filter((c) => c === 'template-text'),
    );
    // The finding points at the wrapped sentence's first line.
    const first = asPdf.findings.find((f) => f.code === 'template-text')!;
    expect(wrapped(untouched).slice(first.start, first.end)).toHaveLength(28);

    // One sentence of part 一 rewritten in the clerk's words: that part is written, wrapped or not.
    const boilerplate = format2021.parts[0]!.boilerplate!.map((b) =>
      b.replaceAll('{year}', String(YEAR)).replaceAll('{unit}', UNIT),
    );
    const own = untouched.replace(
      boilerplate.find((b) => untouched.includes(b))!,
      `${YEAR}年，我镇全年主动公开政府信息312条，办理依申请公开5件，均在法定期限内答复，未发生行政复议和诉讼。`,
    );
    expect(checkText(wrapped(own)).parts[0]!.content).toBe('own');
    expect(checkText(own).parts[0]!.content).toBe('own');
    // A finished report wrapped the same way is the clerk's own text throughout.
    const finished = report(YEAR, UNIT, 'township', random(3)).text;
    expect(checkText(wrapped(finished)).progress.templateParts).toEqual([]);
  });

  it('a skeleton inserted without a unit (本单位) and one with 某某 are template text too', () => {
    expect(checkText(skeleton('')).progress.templateParts).toEqual([1, 2, 3, 4, 5, 6]);
    const r = checkText(skeleton('某某镇人民政府'));
    expect(r.verdict).toBe('in-progress');
    expect(r.progress.templateParts).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('tables filled with zeros straight from the filler do not make the skeleton all clear', () => {
    let text = skeleton();
    for (const id of ['active', 'requests', 'review'] as const) text = fillTable(text, id, true);
    const r = checkText(text);
    expect(r.progress.tablesFilled).toBe(3);
    expect(codes(r)).not.toContain('cells-blank');
    expect(r.verdict).toBe('in-progress');
    expect(r.progress.templateParts).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('half filled: table 三 filled, parts 一 and 五 rewritten — progress counts them', () => {
    let text = fillTable(skeleton(), 'requests');
    const [one, five] = [format2021.parts[0]!, format2021.parts[4]!].map((p) =>
      (p.boilerplate ?? [])
        .map((b) => b.replaceAll('{year}', String(YEAR)).replaceAll('{unit}', UNIT))
        .find((b) => text.includes(b)),
    );
    text = text.replace(one!, `${YEAR}年，我镇全年主动公开政府信息312条，办理依申请公开5件。`);
    text = text.replace(five!, '存在的主要问题是更新不够及时，下一步将建立周更新制度。');
    const r = checkText(text);
    expect(r.verdict).toBe('in-progress');
    expect(r.progress.tablesFilled).toBe(1);
    expect(r.progress.templateParts).toEqual([2, 3, 4, 6]);
    expect(r.parts.map((p) => p.content)).toEqual(['own', 'template', 'template', 'template', 'own', 'template']);
    // part 一's sub-headings are still bare: named once
    expect(r.findings.filter((f) => f.code === 'template-text').map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('（一）主动公开')]),
    );
  });

  it('finished, but silent on a topic the format demands: a problem to mend, not work in progress', () => {
    const finished = report(YEAR, UNIT, 'township', random(3)).text;
    const silent = finished.replace(/考核|社会评议|责任追究/g, '工作');
    expect(silent).not.toBe(finished);
    const r = checkText(silent);
    expect(codes(r)).toEqual(['content-missing']);
    expect(r.progress).toMatchObject({ partsWritten: 6, partsRequired: 6, tablesFilled: 3, tablesRequired: 3 });
    expect(r.verdict).toBe('problems');
  });

  it('every template sentence replaced and every table filled: all clear', () => {
    const finished = report(YEAR, UNIT, 'township', random(3));
    const r = checkText(finished.text);
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe('all-clear');
    expect(r.progress).toMatchObject({ partsWritten: 6, partsRequired: 6, tablesFilled: 3, tablesRequired: 3 });
  });

  it('a finished report missing part 六 is never all clear', () => {
    const finished = report(YEAR, UNIT, 'township', random(3)).text;
    const six = finished.indexOf(partHeading(format2021.parts[5]!));
    const r = checkText(finished.slice(0, six));
    expect(r.verdict).not.toBe('all-clear');
    expect(codes(r)).toContain('part-missing');
  });
});
