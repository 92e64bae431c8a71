import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDom } from '../../lib/read/dom';
import { compact } from '../../lib/read/text';
import { checkDom, checkText } from '../../lib/check/engine';
import { escapeHtml } from '../../lib/write/snippets/table';
import { seedNames, seedsDir } from '../paths';

/**
 * The DOM reader builds the flat text and its compact form in one walk: the compact form must be
 * exactly what a second pass over the text gives, and text pasted as tab-separated rows must read
 * as it does from a .txt file.
 */
const seeds = seedNames.map((n) => readFileSync(resolve(seedsDir, n), 'utf8').replace(/\r\n?/g, '\n'));

function editor(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim());
const cellValues = (c: ReturnType<typeof checkText>) =>
  c.tables.map((t) => [t.table, t.status, t.cells?.map((x) => `${x.row} ${x.column} ${x.value} ${x.status}`)]);
const codes = (c: ReturnType<typeof checkText>) => c.findings.map((f) => `${f.code} ${f.table ?? ''}`).sort();

describe('readDom', () => {
  it('folds the compact form as it walks, the same as a second pass over its text', () => {
    const pieces = [
      '<p>２０２３年　政府信息公开〔年度〕报告</p>',
      '<table><tr><td>一、 本年新收</td><td>１，２３４</td><td><img src="x.png"></td></tr></table>',
      '<div>  一行\n\t\t下一行</div><p>a<br>b</p>',
    ];
    for (const html of [...pieces, ...seeds.slice(0, 3).map((s) => s.split('\n').map(escapeHtml).join('<br>'))]) {
      const { doc } = readDom(editor(html));
      const again = compact(doc.text);
      expect(doc.compact.text).toBe(again.text);
      expect(Array.from(doc.compact.map)).toEqual(Array.from(again.map));
    }
  });

  it('keeps each document its own compact form while the next one is read (the builder reuses its buffers)', () => {
    const first = readDom(editor('<p>２０２３年　政府信息公开年度报告</p><p>本年新收 １，２３４ 件</p>')).doc;
    const text = first.compact.text;
    const map = Array.from(first.compact.map);
    const second = readDom(editor(`<p>${'完全不同的一段文字，'.repeat(400)}</p>`)).doc;
    compact('再折叠一段：ＡＢＣ　１２３');
    expect(first.compact.text).toBe(text);
    expect(Array.from(first.compact.map)).toEqual(map);
    expect(first.compact.text).toBe(compact(first.text).text);
    expect(second.compact.text).toBe(compact(second.text).text);
  });

  it('keeps a tab between words a tab (a row pasted as tab-separated text) and reads such a draft as its .txt', () => {
    const tabbed = seeds.filter((s) => s.includes('\t'));
    expect(tabbed.length).toBeGreaterThan(0);
    for (const seed of tabbed) {
      const html = seed
        .split('\n')
        .map((l) => `<p>${escapeHtml(l) || '<br>'}</p>`)
        .join('');
      const fromDom = checkDom(editor(html));
      const fromText = checkText(seed);
      // Blank lines aside, the draft's text comes through the DOM as it was written, tabs included.
      expect(lines(fromDom.text)).toEqual(lines(seed));
      expect(cellValues(fromDom)).toEqual(cellValues(fromText));
      expect(codes(fromDom)).toEqual(codes(fromText));
    }
  });

  it('turns the page source’s line breaks and indentation into spaces, not cells', () => {
    const { doc } = readDom(
      editor('<div>\n\t\t<p>\n\t\t\t一、总体情况\n\t\t</p>\n\t</div><p>本年新制作数量\t12\t0</p>'),
    );
    expect(doc.text).not.toMatch(/\t.*总体情况|总体情况.*\t/);
    expect(doc.text).toContain('本年新制作数量\t12\t0');
    // Inside a table cell a tab is a space: cells are the table's own.
    const cell = readDom(editor('<table><tr><td>本年\t新收</td><td>3</td></tr></table>')).doc.text;
    expect(cell.trim()).toBe('本年 新收\t3');
  });
});
