import { describe, expect, it } from 'vitest';
import { asPrevious, checkText, type Checked } from '../../lib/check/engine';
import type { ReportJson } from '../../lib/check/report';
import { Summary } from '../../lib/review/audit';
import { unitKey, yearChains } from '../../lib/review/chains';
import { exportName } from '../../lib/review/export';
import { figures } from '../../lib/review/figures';
import { reviewReportHtml } from '../../lib/review/report-html';
import { random, report } from '../../scripts/gen-reports';

const withCells = ({ text: _t, period: _p, ...r }: Checked): ReportJson => r;

/** A unit's report of `year`, generated from the format data; `carried` makes it follow last year's. */
function generated(unit: string, year: number, seed: number, carried?: Record<string, number>) {
  const g = report(year, unit, 'township', random(seed), { carried });
  return { g, checked: checkText(g.text, { source: `${unit}-${year}.txt` }) };
}

describe('year-to-year chains', () => {
  it('pairs one unit’s consecutive years, by the name its reports state, the first of a year winning', () => {
    const items = [
      { unit: '洪泽区人民政府', year: 2023 },
      { unit: '淮安市洪泽区人民政府', year: 2024 },
      { unit: '城关镇人民政府', year: 2021 },
      { unit: '城关镇人民政府', year: 2023 }, // a year missing between: no chain
      null, // unreadable
      { unit: '城关镇 人民政府', year: 2022 },
      { unit: '城关镇人民政府', year: 2022 }, // the same year again: the first one is chained
      { unit: null, year: 2024 },
      { unit: '某市教育局', year: 2020 },
      { unit: '某市教育局', year: 2021 },
    ];
    expect(yearChains(items)).toEqual([
      { from: 0, to: 1 },
      { from: 5, to: 3 },
      { from: 2, to: 5 },
      { from: 8, to: 9 },
    ]);
  });

  it('matches a government with or without its province and city, a department only by its whole name', () => {
    expect(unitKey('江苏省淮安市洪泽区人民政府')).toBe(unitKey('洪泽区政府'));
    expect(unitKey('淮安市洪泽区高良涧街道办事处')).toBe(unitKey('洪泽区高良涧街道办事处'));
    expect(unitKey('甲县城关镇人民政府')).not.toBe(unitKey('乙县城关镇人民政府'));
    expect(unitKey('淮安市人民政府办公室')).not.toBe(unitKey('宿迁市人民政府办公室'));
  });
});

describe('figure-jump', () => {
  it('says when a total is five times last year’s or a fifth of it, from 20 up, and only then', () => {
    const last = generated('青山镇人民政府', 2022, 3).checked;
    const prev = asPrevious(last);
    const received = last.tables
      .find((t) => t.table === 'requests')!
      .cells!.find((c) => c.row === 'new' && c.column === 'total')!;
    const scaled = (factor: number) => ({
      ...prev,
      tables: prev.tables.map((t) => ({
        ...t,
        cells: t.cells?.map((c) => (c === received ? { ...c, value: Math.round(c.value! * factor) } : c)),
      })),
    });
    const jumps = (p: typeof prev) =>
      checkText(generated('青山镇人民政府', 2023, 4).g.text, { previous: p }).findings.filter(
        (f) => f.code === 'figure-jump',
      );
    const now = checkText(generated('青山镇人民政府', 2023, 4).g.text).tables.find((t) => t.table === 'requests')!
      .cells!;
    const thisYear = now.find((c) => c.row === 'new' && c.column === 'total')!.value!;
    const before = jumps(prev).map((f) => `${f.row}|${f.column}`);
    // Last year's figure set to six times this year's: a jump, named with both values; at twice: none.
    const six = jumps(scaled((6 * thisYear) / received.value!)).filter((f) => f.row === 'new' && f.column === 'total');
    expect(six).toHaveLength(1);
    expect(six[0]!.severity).toBe('info');
    expect(six[0]!.message).toContain(`为 ${thisYear}，上年为 ${6 * thisYear}`);
    const twice = jumps(scaled((2 * thisYear) / received.value!)).filter(
      (f) => f.row === 'new' && f.column === 'total',
    );
    expect(twice).toEqual([]);
    expect(before).not.toContain('new|total');
    // Without last year's report there is nothing to compare.
    expect(checkText(generated('青山镇人民政府', 2023, 4).g.text).findings.some((f) => f.code === 'figure-jump')).toBe(
      false,
    );
  });
});

describe('the review report page', () => {
  const a = generated('青山镇人民政府', 2022, 1);
  const b = generated('青山镇人民政府', 2023, 2, { ...a.g.carryover, natural: a.g.carryover.natural! + 3 });
  const chained = checkText(b.g.text, { source: '青山镇人民政府-2023.txt', previous: asPrevious(a.checked) });
  const hostile = checkText(generated('<script>alert(1)</script>镇人民政府', 2023, 5).g.text, { source: 'x.txt' });
  const late = { ...withCells(generated('白水镇人民政府', 2021, 6).checked), publishedAt: '2022-05-01' };
  late.findings = [
    ...late.findings,
    { code: 'deadline', severity: 'warning', message: '发布时间 2022-05-01 晚于法定期限 2022-01-31。' },
  ];
  const reports = [withCells(a.checked), withCells(chained), withCells(hostile), late];
  const html = reviewReportHtml({
    reports,
    chains: [{ from: 0, to: 1 }],
    unreadable: ['a.pdf 不是网页或文本文件（PDF）'],
    links: ['file:///tmp/a.txt', 'javascript:alert(1)', undefined, 'https://www.example.gov.cn/nb.html'],
    checkedAt: new Date(2025, 2, 1),
  });
  const doc = new DOMParser().parseFromString(html, 'text/html');

  it('needs nothing from outside: no external file, no request, a policy that forbids them', () => {
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b|\bsrc=|url\(|@import/i);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain(
      "default-src 'none'",
    );
    expect(doc.querySelectorAll('svg.chart').length).toBeGreaterThanOrEqual(2);
  });

  it('one row per report, the overview counting what the reports hold, each broken chain listed', () => {
    expect(doc.querySelectorAll('#reports tbody tr')).toHaveLength(4);
    const card = (key: string) => doc.querySelector(`[data-card="${key}"] b`)!.textContent;
    expect(card('reports')).toBe('4');
    expect(card('late')).toBe('1');
    expect(card('carryover')).toBe('1');
    expect(card('unreadable')).toBe('1');
    const chain = doc.querySelector('#chains tbody tr')!;
    expect(chain.className).toBe('broken');
    expect(chain.textContent).toContain('不一致（2 列）');
    expect(chain.textContent).toContain('上年报告「四、结转下年度继续办理」为');
    expect(doc.querySelector('#reports tbody tr:nth-child(4) td.late')!.textContent).toBe('2022-05-01（逾期）');
    expect(doc.querySelector('#reports tbody tr:nth-child(2)')!.getAttribute('data-flags')).toContain('carryover');
  });

  it('names checks in Chinese, marks the failing cells in the grids, and links only safe addresses', () => {
    const checkBars = [...doc.querySelectorAll('svg[data-chart="checks"] title')].map((t) => t.textContent);
    expect(checkBars.some((t) => t!.startsWith('上年结转申请数与上年报告的结转下年度数不一致：'))).toBe(true);
    expect(doc.querySelector('#overview')!.textContent).not.toMatch(/[a-z]+-[a-z]+/);
    const bad = [...doc.querySelectorAll('#r-1 table[data-table="requests"] td.bad')];
    expect(bad).toHaveLength(2);
    expect(bad.every((td) => td.getAttribute('title')!.includes('上年结转'))).toBe(true);
    expect(doc.querySelector('#r-0 a[href="file:///tmp/a.txt"]')).not.toBeNull();
    expect(doc.querySelector('#r-1 a[href^="javascript"]')).toBeNull();
    expect(doc.querySelector('#r-3 a[href="https://www.example.gov.cn/nb.html"]')).not.toBeNull();
  });

  it('escapes what the reports say: a unit name with markup stays text', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(1); // its own
    expect(doc.querySelector('#reports tbody tr:nth-child(3) td')!.textContent).toBe(
      '<script>alert(1)</script>镇人民政府',
    );
  });

  it('draws the cross-unit figures from the tables, one small chart each', () => {
    const f = figures(reports[0]!);
    const cell = (row: string, column: string) =>
      reports[0]!.tables.find((t) => t.table === 'requests')!.cells!.find((c) => c.row === row && c.column === column)!
        .value!;
    expect(f.received).toBe(cell('new', 'total'));
    expect(f.grantedShare).toBeCloseTo(cell('granted', 'total') / cell('total', 'total'));
    const review = reports[0]!.tables.find((t) => t.table === 'review')!.cells!;
    const v = (column: string) => review.find((c) => c.column === column)!.value!;
    expect(f.litigation).toBe(v('direct.total') + v('after.total'));
    expect(f.corrected).toBe(v('review.corrected') + v('direct.corrected') + v('after.corrected'));
    for (const key of ['received', 'grantedShare', 'reconsideration', 'litigation', 'corrected'])
      expect(doc.querySelector(`svg[data-chart="${key}"]`)!.querySelectorAll('rect')).toHaveLength(4);
  });

  it('for one report (the side panel’s 导出审阅报告): its title, no cross-unit section', () => {
    const one = new DOMParser().parseFromString(reviewReportHtml({ reports: [reports[1]!] }), 'text/html');
    expect(one.querySelector('h1')!.textContent).toBe('审阅报告：青山镇人民政府 2023');
    expect(one.querySelectorAll('#reports tbody tr')).toHaveLength(1);
    expect(one.querySelector('#figures')).toBeNull();
  });
});

describe('names and summaries for people', () => {
  it('export file names carry unit and year', () => {
    expect(exportName({ unit: '城关镇人民政府', year: 2025 }, 'csv')).toBe('城关镇-2025-审阅.csv');
    expect(exportName({ unit: '某县/教育局', year: null }, 'html')).toBe('某县教育局-审阅.html');
    expect(exportName({ unit: null, year: 2024 }, 'md')).toBe('2024-审阅.md');
  });

  it('the summary names each check by its Chinese description, with the reports it found something in', () => {
    const s = new Summary();
    s.add({ findings: [{ code: 'deadline', severity: 'warning' }] });
    s.add({
      findings: [
        { code: 'sum-mismatch', severity: 'error' },
        { code: 'deadline', severity: 'warning' },
      ],
    });
    expect(s.toString()).toBe(
      '共检查 2 份报告，1 份有错误。\n  发布时间晚于法定期限：2 份\n  统计表的勾稽关系（合计、总计）不成立：1 份\n',
    );
    expect(s.toMarkdown()).toContain('\n- 发布时间晚于法定期限：2 份\n');
  });
});
