import { defineCheck } from './check';

/** A year that opens a sentence and is not the reporting year: last year's text left in. */
const OPENING = /(?:^|[。；;！？!?\n])[ \t\u3000\u00a0]*((?:19|20)\d{2})[ \u3000]*年(度)?/g;
const COMPARISON = /以来|至今|起|相比|比较|同比|较|以前|之前|前|年初以来|底/;

export default defineCheck({
  code: 'year-mismatch',
  severity: 'warning',
  description: '正文把其他年份写成报告年度，或统计期限有误',
  needsYear: true,
  // A generator: a crafted page can open a sentence with a year every few characters.
  *run(a) {
    if (a.year === null) return;
    const year = a.year;
    const text = a.doc.text;
    const titleEnd = a.meta.titleEnd ?? 0;
    for (const m of text.matchAll(OPENING)) {
      const y = Number(m[1]);
      const at = m.index + m[0].indexOf(m[1]!);
      if (at < titleEnd || y >= year || y < year - 3) continue;
      const after = text.slice(at + m[1]!.length, at + m[1]!.length + 14);
      if (COMPARISON.test(after.split(/[，,。]/)[0]!)) continue;
      // The quote ends at the sentence's end within 30 characters: a bounded look-ahead, so text
      // without a sentence end (a crafted page) costs 30 steps a match, not the rest of the text.
      const head = text.slice(at, at + 30);
      const stop = head.search(/[。\n]/);
      const end = at + (stop < 0 ? head.length : stop + 1);
      yield {
        actual: y,
        expected: year,
        message: `这是${year}年度的报告，但这句话写的是${y}年：“${text.slice(at, end).trim()}”——是否沿用了往年的文字？`,
        start: at,
        end,
      };
    }
    const p = a.meta.period;
    if (p?.years.some((y) => y !== year))
      yield {
        actual: p.years.find((y) => y !== year),
        expected: year,
        message: `统计期限写的是${p.years[0]}年1月1日至${p.years[1]}年12月31日，${year}年度报告应为${year}年1月1日至${year}年12月31日。`,
        start: p.start,
        end: p.end,
      };
  },
});
