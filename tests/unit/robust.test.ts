import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDom, checkText } from '../../lib/check/engine';
import { seedsDir } from '../paths';

const seed001 = readFileSync(resolve(seedsDir, '001_c97c571f5e04231d.txt'), 'utf8');
const seed003 = readFileSync(resolve(seedsDir, '003_422ee649bd0c999e.txt'), 'utf8');
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

/** Seed 001's requests table row, tab-separated as pasted: label, spanning blank, seven numbers. */
const row = (label: string) => new RegExp(`${label}[^\\n]*`);
const setRow = (text: string, label: string, cells: string[]) =>
  text.replace(row(label), (line) => `${line.split('\t')[0]}\t\t${cells.join('\t')}\t`);

describe('cells that are not numbers', () => {
  it('reads full-width digits and thousands separators as numbers', () => {
    let t = setRow(seed001, '一、本年新收政府信息公开申请数量', ['1,200', '0', '0', '0', '0', '0', '１２００']);
    t = setRow(t, '\\(七\\) 总计', ['1200', '0', '0', '0', '0', '0', '１，２００']);
    t = t.replace(/\(一\) 予以公开\t0\t0\t0\t0\t0\t0\t0/, '(一) 予以公开\t１２００\t0\t0\t0\t0\t0\t1200');
    const r = checkText(t);
    const requests = r.tables.find((x) => x.table === 'requests')!.cells!;
    expect(requests.find((c) => c.row === 'new' && c.column === 'natural')!.value).toBe(1200);
    expect(requests.find((c) => c.row === 'new' && c.column === 'total')!.value).toBe(1200);
    expect(requests.find((c) => c.row === 'total' && c.column === 'total')!.value).toBe(1200);
    expect(requests.find((c) => c.row === 'granted' && c.column === 'natural')!.value).toBe(1200);
    expect(r.findings.filter((f) => f.code === 'sum-mismatch' || f.code === 'cell-invalid')).toEqual([]);
  });

  it('reads a dash, 无 and / as not applicable: 0 in sums, no finding, the other equations still checked', () => {
    const t = setRow(seed001, '二、上年结转政府信息公开申请数量', ['—', '无', '/', '0', '0', '0', '0']);
    const r = checkText(t);
    const carried = r.tables.find((x) => x.table === 'requests')!.cells!.filter((c) => c.row === 'carried');
    expect(carried.slice(0, 3).map((c) => [c.status, c.value])).toEqual([
      ['na', 0],
      ['na', 0],
      ['na', 0],
    ]);
    expect(codes(r)).not.toContain('cell-invalid');
    expect(codes(r)).not.toContain('cells-blank');
    expect(codes(r)).not.toContain('sum-mismatch');
  });

  it('reports a blank total once as cells-blank with the value it should hold, not as a sum-mismatch', () => {
    const t = setRow(seed001, '一、本年新收政府信息公开申请数量', ['3', '1', '0', '0', '0', '0', '']);
    const r = checkText(t);
    const blank = r.findings.filter((f) => f.code === 'cells-blank' && f.row === 'new' && f.column === 'total');
    expect(blank).toHaveLength(1);
    expect(blank[0]!.expected).toBe(4);
    // the real imbalance remains: 一 + 二 no longer equals 七 + 四 in the natural-person and business
    // columns, and in the total column once the blank total is computed as 4 from its own row
    expect(r.findings.filter((f) => f.code === 'sum-mismatch').map((f) => f.column)).toEqual([
      'natural',
      'business',
      'total',
    ]);
  });

  it('accepts 减4 in 本年增/减 and refuses a decimal count', () => {
    const t = seed003.replace(/行政许可\n\t0\n\t0\n\t0/, '行政许可\n\t6\n\t减4\n\t2.5');
    const r = checkText(t);
    const cells = r.tables.find((x) => x.table === 'active')!.cells!.filter((c) => c.row === 'licensing');
    expect(cells.map((c) => [c.value, c.status])).toEqual([
      [6, 'ok'],
      [-4, 'ok'],
      [2.5, 'invalid'],
    ]);
    expect(r.findings.filter((f) => f.code === 'cell-invalid').map((f) => f.column)).toEqual(['decisions']);
  });
});

describe('text against the tables', () => {
  it('finds 未收到政府信息公开申请 beside a table that counts some', () => {
    let t = setRow(seed001, '一、本年新收政府信息公开申请数量', ['2', '0', '0', '0', '0', '0', '2']);
    t = t.replace(/\(一\) 予以公开\t0\t0\t0\t0\t0\t0\t0/, '(一) 予以公开\t2\t0\t0\t0\t0\t0\t2');
    t = setRow(t, '\\(七\\) 总计', ['2', '0', '0', '0', '0', '0', '2']);
    t = t.replace('未受理依申请公开政府信息', '全年未收到政府信息公开申请');
    const r = checkText(t);
    expect(r.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
    const m = r.findings.filter((f) => f.code === 'text-table-mismatch');
    // seed 001 says it once more further on (未收到信息公开的申请)
    // each finding marks the whole sentence that says it, and quotes the words
    const sentences = m.map((f) => r.text.slice(f.start, f.end));
    expect(sentences.map((s) => /未收到[^，。；]*申请/.exec(s)?.[0])).toEqual([
      '未收到政府信息公开申请',
      '未收到信息公开的申请',
    ]);
    expect(sentences.every((s) => /[。；]$/.test(s))).toBe(true);
    expect(m[0]!.message).toContain('未收到政府信息公开申请');
    expect(m.every((f) => f.row === 'new' && f.expected === 2 && f.actual === 0)).toBe(true);
  });
});

describe('inputs that are not reports or are broken', () => {
  it('says a page is not a report and runs no other check', () => {
    const r = checkText('欢迎访问某某县人民政府网站\n首页 | 政务公开 | 办事服务\n今日天气晴。');
    expect(codes(r)).toEqual(['not-a-report']);
  });

  it('survives truncated and malformed HTML at every cut', () => {
    const html = `<h1>某乡2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><table border=1><tr><td rowspan=2>一、本年新收政府信息公开申请数量</td><td colspan=2>1</td><td>0</td></tr><tr><td><table><tr><td>nested</td></tr></table></td></tr></table><p>四、政府信息公开行政复议、行政诉讼情况</p>`;
    for (let cut = 0; cut <= html.length; cut += 7) {
      const div = document.createElement('div');
      div.innerHTML = `${html.slice(0, cut)}<td><tr></table></b></i>`;
      expect(() => checkDom(div)).not.toThrow();
    }
  });

  it('walks a page nested ten thousand elements deep without overflowing the stack', () => {
    const div = document.createElement('div');
    div.innerHTML = `${'<div>'.repeat(10000)}2021年政府信息公开工作年度报告${'</div>'.repeat(10000)}`;
    expect(checkDom(div).title).toBe('2021年政府信息公开工作年度报告');
  });

  it('reads 5 MB of text without throwing', () => {
    const big = `${seed001}\n${'政府信息公开工作稳步推进，公开内容不断丰富。\t0\t—\n'.repeat(5_000_000 / 30)}`;
    const r = checkText(big);
    expect(r.year).toBe(2019);
    expect(r.tables.map((t) => t.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('reads shuffled rows without inventing numbers', () => {
    const lines = seed001.split('\n');
    const start = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const shuffled = [
      ...lines.slice(0, start),
      ...lines.slice(start, start + 24).reverse(),
      ...lines.slice(start + 24),
    ].join('\n');
    const r = checkText(shuffled);
    const requests = r.tables.find((t) => t.table === 'requests')!;
    expect(requests.cells!.every((c) => c.value === 0 || c.value === null)).toBe(true);
  });
});

describe('reading the DOM', () => {
  it('reads an HTML table with merged cells and maps a finding back to its cell', () => {
    const div = document.createElement('div');
    div.innerHTML = `<p>某县2021年政府信息公开工作年度报告</p><p>四、政府信息公开行政复议、行政诉讼情况</p>
      <table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
      <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
      <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
      <tr><td>2</td><td>1</td><td>0</td><td>0</td><td><b>4</b></td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table>`;
    const r = checkDom(div);
    const m = r.findings.filter((f) => f.code === 'sum-mismatch');
    expect(m.map((f) => [f.table, f.column, f.expected, f.actual])).toEqual([['review', 'review.total', 3, 4]]);
    const range = r.locate(m[0]!.start!, m[0]!.end!)!;
    expect(range.toString()).toBe('4');
    expect(range.startContainer.parentElement!.tagName).toBe('B');
  });
});

describe('drafts kept as HTML source', () => {
  it('reads a textarea value with tags as markup and plain text as text', async () => {
    const { checkSource } = await import('../../lib/check/engine');
    const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
    const html = seed003
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('');
    const asHtml = checkSource(html, parse);
    expect(asHtml.parts.map((p) => p.status)).toEqual(['ok', 'ok', 'ok', 'retitled', 'ok', 'ok']);
    expect(asHtml.text).not.toContain('<p>');
    const asText = checkSource(seed003, parse);
    expect(asText.text).toBe(seed003);
  });
});
