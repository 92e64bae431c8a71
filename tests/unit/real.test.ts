import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveRealReports } from '../support/real';
import { asPrevious, checkText } from '../../lib/check/engine';
import { realDir } from '../paths';

const real = (name: string, opts = {}) =>
  checkText(readFileSync(resolve(realDir, name), 'utf8'), { source: name, ...opts });

describe.runIf(haveRealReports('real reports (2021 format, PDF text)'))('real reports (2021 format, PDF text)', () => {
  it('洪泽区 2023: the two hand-checked imbalances of the review table, nothing else out of balance', () => {
    const r = real('hongze-district-2023.txt');
    expect(r.year).toBe(2023);
    expect(r.unit).toBe('洪泽区人民政府');
    expect(r.level).toBe('county');
    const sums = r.findings.filter((f) => f.code === 'sum-mismatch');
    expect(sums.map((f) => [f.table, f.column, f.expected, f.actual])).toEqual([
      ['review', 'review.total', 11, 0],
      ['review', 'after.total', 5, 0],
    ]);
  });

  it('洪泽区: （六）其他处理 printed as one row is the old layout (table-format)', () => {
    for (const name of ['hongze-district-2023.txt', 'hongze-district-2024.txt']) {
      const r = real(name);
      const tf = r.findings.filter((f) => f.code === 'table-format');
      expect(tf.map((f) => f.table)).toEqual(['requests']);
      expect(tf[0]!.message).toContain('逾期不补正');
      expect(r.tables.find((t) => t.table === 'active')!.format).toBe('2021');
    }
  });

  it('淮安市 2024 and 洪泽区 2024: all three tables balance', () => {
    for (const name of ['huaian-city-2024.txt', 'hongze-district-2024.txt']) {
      const r = real(name);
      expect(r.tables.map((t) => t.status)).toEqual(['ok', 'ok', 'ok']);
      expect(r.findings.filter((f) => f.code === 'sum-mismatch' || f.code === 'cell-invalid')).toEqual([]);
      expect(r.findings.filter((f) => f.code === 'part-missing' || f.code === 'table-missing')).toEqual([]);
    }
    expect(real('huaian-city-2024.txt').level).toBe('city');
  });

  it('the 2023 carry-over matches the 2024 上年结转 column by column', () => {
    const before = real('hongze-district-2023.txt');
    const after = real('hongze-district-2024.txt', { previous: asPrevious(before) });
    expect(after.findings.filter((f) => f.code === 'carryover-mismatch')).toEqual([]);
    const carried = after.tables.find((t) => t.table === 'requests')!.cells!.filter((c) => c.row === 'carried');
    const carryover = before.tables.find((t) => t.table === 'requests')!.cells!.filter((c) => c.row === 'carryover');
    expect(carried.map((c) => c.value)).toEqual(carryover.map((c) => c.value));
  });

  it('洪泽区 2024 beside 2023: copied passages of its own prose, not the opening, the table headers or the 勾稽关系 note', () => {
    const before = real('hongze-district-2023.txt');
    const after = real('hongze-district-2024.txt', { previous: asPrevious(before) });
    const copied = after.findings.filter((f) => f.code === 'copied-text');
    const passages = copied.slice(1).map((f) => after.text.slice(f.start, f.end));
    expect(copied[0]!.message).toContain(`有 ${passages.length} 段`);
    // The PDF's lines of one paragraph are one passage: a handful, not a warning per line.
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.length).toBeLessThan(6);
    expect(passages.some((p) => p.includes('主动公开情况') && p.split('\n').length > 1)).toBe(true);
    const firstPart = after.text.indexOf('总体情况');
    for (const f of copied.slice(1)) expect(f.start).toBeGreaterThan(firstPart);
    for (const p of passages) {
      expect(p).not.toContain('勾稽关系');
      expect(p).not.toContain('本年制发件数');
    }
  });
});
