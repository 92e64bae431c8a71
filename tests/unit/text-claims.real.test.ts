import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveRealReports } from '../support/real';
import { checkText } from '../../lib/check/engine';
import { realDir, seedNames, seedsDir } from '../paths';

/** text-table-mismatch on real reports (read in place) and the seeds: what remains, and why it is right. */
const mismatches = (text: string) => {
  const r = checkText(text);
  return r.findings
    .filter((f) => f.code === 'text-table-mismatch')
    .map((f) => ({
      row: f.row,
      said: f.actual,
      table: f.expected,
      sentence: r.text.slice(f.start, f.end).replace(/\s+/g, ''),
    }));
};

describe('the seeds', () => {
  it.each(seedNames)('%s: no text-table-mismatch', (name) => {
    // 000, 002 and 004 have no tables; 001 and 003 print all-zero tables and their prose states no
    // count (001's 发文201件 and 依申请公开129条 are not table 三's counts, and its 未收到申请 agrees with 0).
    expect(mismatches(readFileSync(resolve(seedsDir, name), 'utf8'))).toEqual([]);
  });
});

describe.runIf(haveRealReports('text against tables in real reports'))('real reports', () => {
  const real = (name: string) => readFileSync(resolve(realDir, name), 'utf8');

  it('淮安市 2024 and 洪泽区 2023: every figure the prose states agrees with the tables', () => {
    expect(mismatches(real('huaian-city-2024.txt'))).toEqual([]);
    expect(mismatches(real('hongze-district-2023.txt'))).toEqual([]);
  });

  it('洪泽区 2024: the one figure that contradicts table 三', () => {
    // The prose says the district government (through its office) received 17 requests; the table of the
    // same report counts 95 new ones. Whichever is wrong, the report contradicts itself: a reviewer marks it.
    expect(mismatches(real('hongze-district-2024.txt'))).toEqual([
      {
        row: 'new',
        said: 17,
        table: 95,
        sentence: '2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。',
      },
    ]);
  });

  it('淮安市 2024: each figure of the prose, changed by one, is flagged at its cell; the others are not claims', () => {
    const text = real('huaian-city-2024.txt');
    const flagged: string[] = [];
    const notClaimed: string[] = [];
    const tables = checkText(text).tables.filter((t) => t.start !== undefined);
    for (const m of text.matchAll(/(\d+)(\s*)(万元|元|件|个|条|次)/g)) {
      if (tables.some((t) => m.index >= t.start! && m.index < t.end!)) continue;
      const changed = text.slice(0, m.index) + String(Number(m[1]) + 1) + text.slice(m.index + m[1]!.length);
      const found = mismatches(changed);
      (found.length ? flagged : notClaimed).push(`${m[1]}${m[3]}`);
      if (found.length) expect(found.map((f) => f.said! - f.table!)).toEqual([1]);
    }
    // 规章; 受理, 答复, 上年度结转 and 顺延到下年度 申请; 行政复议 and 行政诉讼 with their four results each
    expect(flagged).toHaveLength(15);
    expect(notClaimed).toEqual([
      '11件', // 政策性文件, not 规范性文件
      '21个', // 政策解读
      '95个', // 政务新媒体
      '4次', // 检查
      '3940元', // 信息处理费, not 行政事业性收费
    ]);
  });
});
