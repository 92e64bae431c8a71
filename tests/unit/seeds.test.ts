import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../lib/check/engine';
import { ReportJson } from '../../lib/check/report';
import { seedNames, seedsDir } from '../paths';

const seed = (name: string) => {
  const file = resolve(seedsDir, name);
  return checkText(readFileSync(file, 'utf8'), { source: name });
};
const codes = (r: ReturnType<typeof seed>, code: string) => r.findings.filter((f) => f.code === code);
const statuses = (r: ReturnType<typeof seed>) => Object.fromEntries(r.parts.map((p) => [p.part, p.status]));

describe('seed 000 (2019, parts renamed, no tables)', () => {
  const r = seed('000_44aebc5475f13285.txt');
  it('reads title, year, unit and level', () => {
    expect(r.year).toBe(2019);
    expect(r.title).toBe('亮甲山乡政府2019年信息公开工作年度报告');
    expect(r.unit).toBe('亮甲山乡政府');
    expect(r.level).toBe('township');
    expect(r.format).toBe('2019');
    expect(r.expectedFormat).toBe('2019');
  });
  it('finds parts 1, 3, 4, 5 retitled, part 2 under its standard title, part 6 missing', () => {
    // The acceptance list says "parts 1 to 5 retitled"; part 2's heading is 二、主动公开政府信息情况
    // verbatim, the standard title, so calling it retitled would be a false finding.
    expect(statuses(r)).toEqual({ 1: 'retitled', 2: 'ok', 3: 'retitled', 4: 'retitled', 5: 'retitled', 6: 'missing' });
    expect(codes(r, 'part-missing').map((f) => f.part)).toEqual([6]);
    expect(codes(r, 'part-title').map((f) => f.part)).toEqual([1, 3, 4, 5]);
  });
  it('reports all three tables missing', () => {
    expect(r.tables.map((t) => t.status)).toEqual(['missing', 'missing', 'missing']);
    expect(codes(r, 'table-missing').map((f) => f.table)).toEqual(['active', 'requests', 'review']);
    expect(codes(r, 'table-missing').every((f) => f.severity === 'error')).toBe(true);
  });
});

describe('seed 001 (2019, complete)', () => {
  const r = seed('001_c97c571f5e04231d.txt');
  it('has six parts and three tables in the 2019 format that balance', () => {
    expect(r.parts.every((p) => p.status !== 'missing')).toBe(true);
    expect(r.tables.map((t) => [t.table, t.status, t.format])).toEqual([
      ['active', 'ok', '2019'],
      ['requests', 'ok', '2019'],
      ['review', 'ok', '2019'],
    ]);
    expect(codes(r, 'sum-mismatch')).toEqual([]);
    expect(codes(r, 'table-format')).toEqual([]);
  });
  it('reads every cell of the requests table', () => {
    const requests = r.tables.find((t) => t.table === 'requests')!;
    expect(requests.cells).toHaveLength(23 * 7);
    expect(requests.cells!.every((c) => c.status === 'ok' && c.value === 0)).toBe(true);
  });
});

describe('seed 002 (2018, old structure)', () => {
  const r = seed('002_b149f0f934cd76e1.txt');
  it('is recognised as the old structure without demanding the new parts', () => {
    expect(r.year).toBe(2018);
    expect(r.format).toBe('pre2019');
    expect(r.expectedFormat).toBe('pre2019');
    expect(codes(r, 'old-format')).toHaveLength(1);
    expect(codes(r, 'old-format')[0]!.severity).toBe('info');
    expect(codes(r, 'part-missing')).toEqual([]);
    expect(codes(r, 'table-missing')).toEqual([]);
    expect(codes(r, 'format-outdated')).toEqual([]);
  });
});

describe('seed 003 (2020, part 4 misnamed, 规章 in a township)', () => {
  const r = seed('003_422ee649bd0c999e.txt');
  it('has six parts with part 4 retitled', () => {
    expect(statuses(r)).toEqual({ 1: 'ok', 2: 'ok', 3: 'ok', 4: 'retitled', 5: 'ok', 6: 'ok' });
    expect(codes(r, 'part-title').map((f) => f.part)).toEqual([4]);
    expect(r.parts[3]!.heading).toBe('四、依申请公开政府信息和不予公开政府信息的情况');
  });
  it('reads three 2019-format tables', () => {
    expect(r.tables.map((t) => [t.status, t.format])).toEqual([
      ['ok', '2019'],
      ['ok', '2019'],
      ['ok', '2019'],
    ]);
    const active = r.tables[0]!.cells!;
    expect(active.filter((c) => c.row === 'regulations').map((c) => c.value)).toEqual([13, 13, 1]);
    expect(codes(r, 'sum-mismatch')).toEqual([]);
  });
  it('flags the 规章 row as implausible', () => {
    const implausible = codes(r, 'value-implausible');
    expect(implausible.length).toBeGreaterThanOrEqual(1);
    expect(implausible.every((f) => f.table === 'active' && f.row === 'regulations')).toBe(true);
    expect(implausible.some((f) => f.message.includes('乡镇'))).toBe(true);
  });
  it('points every table finding at the cell in the text', () => {
    const text = readFileSync(resolve(seedsDir, '003_422ee649bd0c999e.txt'), 'utf8');
    const f = codes(r, 'value-implausible').find((x) => x.column === 'made')!;
    expect(text.slice(f.start, f.end)).toBe('13');
  });
});

describe('seed 004 (2017, old structure, last year left in)', () => {
  const r = seed('004_90225ff58829eda7.txt');
  it('is the old structure with the 2016 slip found', () => {
    expect(r.year).toBe(2017);
    expect(r.format).toBe('pre2019');
    expect(codes(r, 'old-format')).toHaveLength(1);
    const slips = codes(r, 'year-mismatch');
    expect(slips).toHaveLength(1);
    expect(slips[0]!.actual).toBe(2016);
    expect(r.text.slice(slips[0]!.start, slips[0]!.end)).toContain('2016年度没有发生');
  });
  it('reads the publication date and finds it within the old deadline', () => {
    expect(r.publishedAt).toBe('2018-03-29');
    expect(codes(r, 'deadline')).toEqual([]);
  });
});

describe('every seed', () => {
  it('produces output that the CLI schema accepts', () => {
    for (const name of seedNames) {
      const { text: _text, ...json } = seed(name);
      expect(() => ReportJson.parse(json)).not.toThrow();
    }
  });
});
