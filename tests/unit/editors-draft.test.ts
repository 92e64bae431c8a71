import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDom } from '../../lib/check/engine';
import { format2019 } from '../../lib/format';
import { draftFile, seedFile, seedToHtml } from '../e2e/fixtures/editors/build';

/** The draft every editor fixture loads: seed 003 as the HTML an editor holds. */
const html = readFileSync(draftFile, 'utf8');

describe('draft-003.html', () => {
  it('is what build.ts makes of seed 003 (regenerate it when the seed or the format changes)', () => {
    expect(seedToHtml(readFileSync(seedFile, 'utf8'))).toBe(html);
  });

  it('holds the three tables with the official merged cells and every number of the seed', () => {
    const div = document.createElement('div');
    div.innerHTML = html;
    const tables = Array.from(div.querySelectorAll('table'));
    expect(tables.map((t) => t.getAttribute('border'))).toEqual(['1', '1', '1']);
    // 三、本年度办理结果 spans its 20 result rows; the corner note spans the three header rows.
    const requests = tables[1]!;
    expect(requests.querySelector('td[rowspan="20"]')?.textContent).toBe('三、本年度办理结果');
    expect(requests.querySelector('td[rowspan="3"][colspan="3"]')?.textContent).toBe(format2019.tables[1]!.note);
    expect(tables[2]!.rows[0]!.textContent).toBe('行政复议行政诉讼');
    const seedNumbers = readFileSync(seedFile, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^\d+$/.test(l));
    const cellNumbers = tables
      .flatMap((t) => Array.from(t.querySelectorAll('td'), (td) => td.textContent!.trim()))
      .filter((v) => /^\d+$/.test(v));
    expect(cellNumbers).toEqual(seedNumbers);
  });

  it('reads in the engine as seed 003 does: six parts, part 4 misnamed, three 2019 tables, 规章 flagged', () => {
    const div = document.createElement('div');
    div.innerHTML = html;
    const checked = checkDom(div);
    expect(checked.year).toBe(2020);
    expect(checked.parts.map((p) => p.status)).toEqual(['ok', 'ok', 'ok', 'retitled', 'ok', 'ok']);
    expect(checked.tables.map((t) => [t.table, t.status, t.format])).toEqual([
      ['active', 'ok', '2019'],
      ['requests', 'ok', '2019'],
      ['review', 'ok', '2019'],
    ]);
    expect(checked.findings.filter((f) => f.code === 'value-implausible').map((f) => f.row)).toContain('regulations');
    expect(checked.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
  });
});
