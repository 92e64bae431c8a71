import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixesFor } from '../../lib/write/fixes';
import { fixSource, readSource } from '../../lib/write/fixes/apply';
import { fixPreview } from '../../lib/write/fixes/preview';
import { formatForYear } from '../../lib/format';
import { reportSkeleton } from '../../lib/write/snippets';
import { agedFile } from '../e2e/fixtures/editors/build';

/** draft-2023.html: seed 003 as editor HTML, aged to 2023 with four slips (see build.ts). */
const aged = readFileSync(agedFile, 'utf8');

/** The one run where two strings differ, as [old, new]: everything else is byte for byte the same. */
function changed(a: string, b: string): [string, string] {
  let s = 0;
  while (s < a.length && a[s] === b[s]) s++;
  let t = 0;
  while (t < a.length - s && t < b.length - s && a[a.length - 1 - t] === b[b.length - 1 - t]) t++;
  return [a.slice(s, a.length - t), b.slice(s, b.length - t)];
}

const offers = (html: string) => fixesFor(readSource(html).checked);
const keyOf = (html: string, code: string, test: (preview: string) => boolean = () => true) =>
  offers(html).find((f) => f.code === code && test(f.preview))!.key;

describe('fixes offered for the aged draft', () => {
  it('names each mend as 旧 → 新 in Chinese, from the format data', () => {
    const previews = offers(aged).map((f) => [f.code, f.preview]);
    expect(previews).toEqual([
      ['part-title', '四、依申请公开政府信息和不予公开政府信息的情况 → 四、政府信息公开行政复议、行政诉讼情况'],
      [
        'table-format',
        '「主动公开政府信息情况」表：2019年版格式 → 2021年版格式（带入 3 个数；待填：规章、行政规范性文件、行政事业性收费）',
      ],
      [
        'table-format',
        '「收到和处理政府信息公开申请情况」表：2019年版格式 → 2021年版格式（带入 154 个数；待填：1.申请人无正当理由逾期不…、2.申请人逾期未按收费通知…、3.其他）',
      ],
      ...['四、结转下年度继续办理', '（七）总计', '（七）总计'].map(() => [
        'sum-mismatch',
        '「收到和处理政府信息公开申请情况」表「（七）总计」行「自然人」列：3 → 0',
      ]),
      [
        'year-mismatch',
        '2022年，我乡政府信息公开工作虽然取得了一定成… → 2023年，我乡政府信息公开工作虽然取得了一定成…',
      ],
      ['year-mismatch', '所列数据的统计期限自2022年1月1日起至202… → 所列数据的统计期限自2023年1月1日起至202…'],
    ]);
  });

  it('offers none for a full date (the signing date is no slipped report year)', () => {
    const draft = aged.replace('2024年1月24日', '2022年1月24日');
    const codes = readSource(draft).checked.findings.filter((f) => f.code === 'year-mismatch').length;
    expect(codes).toBe(3);
    expect(offers(draft).filter((f) => f.code === 'year-mismatch')).toHaveLength(2);
  });

  it('prints the list the audit command shows with --fix-preview', () => {
    const text = fixPreview({ ...readSource(aged, { source: 'draft-2023.html' }).checked });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '■ draft-2023.html',
      '  标题：阳头升乡2023年政府信息公开工作年度报告',
      // The three sums broken by one wrong total share one mend: listed once.
      '  可修正 6 项：',
      '  1. 四、依申请公开政府信息和不予公开政府信息的情况 → 四、政府信息公开行政复议、行政诉讼情况',
    ]);
    expect(fixPreview(readSource(fixSource(aged, 'all').source, { source: 'x' }).checked)).not.toContain('2022');
  });
});

describe('each fix changes its text and nothing else', () => {
  it('part-title: the heading words, numbering and element kept', () => {
    const out = fixSource(aged, [keyOf(aged, 'part-title')]).source;
    expect(changed(aged, out)).toEqual(['依申请公开政府信息和不予公开政府信息的', '政府信息公开行政复议、行政诉讼']);
    expect(out).toContain('<p>四、政府信息公开行政复议、行政诉讼情况</p>');
  });

  it('part-title across inline elements: the new words where the old began, the tags kept', () => {
    const draft = aged.replace(
      '<p>四、依申请公开政府信息和不予公开政府信息的情况</p>',
      '<p><strong>四、依申请公开</strong><span>政府信息和不予公开政府信息的情况</span></p>',
    );
    const out = fixSource(draft, [keyOf(draft, 'part-title')]).source;
    expect(out).toContain('<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong><span></span></p>');
    expect(readSource(out).checked.findings.map((f) => f.code)).not.toContain('part-title');
  });

  it('year-mismatch: the sentence year, then the 统计期限 years', () => {
    const sentence = fixSource(aged, [keyOf(aged, 'year-mismatch', (p) => p.startsWith('2022年，'))]).source;
    expect(changed(aged, sentence)).toEqual(['2', '3']);
    const period = fixSource(aged, [keyOf(aged, 'year-mismatch', (p) => p.includes('统计期限'))]).source;
    expect(changed(aged, period)).toEqual(['2年1月1日起至2022', '3年1月1日起至2023']);
  });

  it('sum-mismatch: the wrong total gets the computed value', () => {
    const out = fixSource(aged, [keyOf(aged, 'sum-mismatch')]).source;
    expect(changed(aged, out)).toEqual(['3', '0']);
    expect(readSource(out).checked.findings.map((f) => f.code)).not.toContain('sum-mismatch');
  });

  it('a table with a typed cell that is not a number offers no sum fix (the sums would guess at it)', () => {
    const draft = aged.replace('（一）予以公开</td><td>0<', '（一）予以公开</td><td>1.5<');
    expect(draft).not.toBe(aged);
    expect(readSource(draft).checked.findings.map((f) => f.code)).toContain('sum-mismatch');
    expect(offers(draft).filter((f) => f.code === 'sum-mismatch')).toEqual([]);
  });

  it('table-format: the 2021 layout, values carried, the new rows blank; entities elsewhere untouched', () => {
    const draft = aged.replace('维护政府网站的信息权威性和严肃性', '维护政府网站的&ldquo;权威性&rdquo;&nbsp;和严肃性');
    const out = fixSource(draft, [keyOf(draft, 'table-format', (p) => p.startsWith('「收到'))]).source;
    expect(out).toContain('维护政府网站的&ldquo;权威性&rdquo;&nbsp;和严肃性');
    // Exactly the second <table>…</table> of the draft is replaced.
    const start = draft.indexOf('<table', draft.indexOf('三、收到和处理'));
    const end = draft.indexOf('</table>', start) + '</table>'.length;
    expect(out.slice(0, start)).toBe(draft.slice(0, start));
    expect(out.endsWith(draft.slice(end))).toBe(true);
    expect(out.slice(start, out.length - (draft.length - end))).toMatch(/^<table[\s\S]*逾期不补正[\s\S]*<\/table>$/);
    const t = readSource(out).checked.tables.find((x) => x.table === 'requests')!;
    expect([t.status, t.format]).toEqual(['ok', '2021']);
    expect(t.cells!.filter((c) => c.row.startsWith('other.')).every((c) => c.status === 'blank')).toBe(true);
    expect(t.cells!.find((c) => c.row === 'granted' && c.column === 'natural')!.status).toBe('ok');
  });

  it('blank cells: the table’s blank cells filled in one action, typed ones 0, totals by the rules', () => {
    const laid = fixSource(aged, [keyOf(aged, 'table-format', (p) => p.startsWith('「收到'))]).source;
    const blanks = offers(laid).filter((f) => f.code === 'cells-blank' && f.preview.startsWith('「收到'));
    expect(blanks.map((f) => f.preview)).toEqual([
      '「收到和处理政府信息公开申请情况」表 18 个空白单元格：空 → 0，3 个空白合计格按勾稽关系填上',
    ]);
    const out = fixSource(laid, [blanks[0]!.key]).source;
    const t = readSource(out).checked.tables.find((x) => x.table === 'requests')!;
    expect(t.cells!.filter((c) => c.status !== 'ok')).toEqual([]);
    // What is left of the table is the wrong （七）总计 the draft was given.
    const left = readSource(out).checked.findings.filter((f) => f.table === 'requests');
    expect(left.map((f) => f.code)).toEqual(['sum-mismatch', 'sum-mismatch', 'sum-mismatch']);
  });

  it('blank cells: no mend offered for a table nothing has been typed in (the untouched skeleton)', () => {
    const skeleton = reportSkeleton(formatForYear(2025), { year: 2025, unit: '城关镇' }).html;
    const all = offers(skeleton);
    expect(readSource(skeleton).checked.findings.filter((f) => f.code === 'cells-blank')).toHaveLength(3);
    expect(all.filter((f) => f.code === 'cells-blank' || f.code === 'cell-invalid')).toEqual([]);
    // One number typed: the table is begun, and its blanks are now the clerk's zeros.
    const begun = skeleton.replace(/<td([^>]*)><\/td>/, '<td$1>5</td>');
    expect(offers(begun).filter((f) => f.code === 'cells-blank')).toHaveLength(1);
  });

  it('part-missing: the part’s skeleton before the next part, without a table the draft has', () => {
    const draft = aged.replace('<p>五、存在的主要问题及改进情况</p>', '');
    const out = fixSource(draft, [keyOf(draft, 'part-missing')]).source;
    const at = draft.indexOf('<p>六、其他需要报告的事项</p>');
    expect(out.slice(0, at)).toBe(draft.slice(0, at));
    expect(out.endsWith(draft.slice(at))).toBe(true);
    expect(out.slice(at, out.length - (draft.length - at))).toMatch(
      /^<p><strong>五、存在的主要问题及改进情况<\/strong><\/p><p>2023年，阳头升乡[^<]*<\/p>$/,
    );
    expect(readSource(out).checked.findings.map((f) => f.code)).not.toContain('part-missing');
  });

  it('all at once: the four slips are gone, nothing else of the text moved', () => {
    const out = fixSource(aged, 'all').source;
    const codes = readSource(out).checked.findings;
    expect(
      codes.filter((f) => ['part-title', 'year-mismatch', 'sum-mismatch', 'table-format'].includes(f.code)),
    ).toEqual([]);
    const text = (html: string) => html.replace(/<table\b[\s\S]*?<\/table>/g, '<table/>');
    const [was, now] = changed(text(aged), text(out));
    expect(was.length).toBeLessThan(aged.length);
    expect(now).not.toContain('2022');
  });
});
