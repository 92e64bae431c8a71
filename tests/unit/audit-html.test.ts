// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkText } from '../../lib/engine';
import { binaryKind, checkBytes, checkHtml, decodeBytes, declaredCharset } from '../../lib/html';
import { countyReport2021, encodeGbk, page, random, report } from '../../scripts/gen-reports';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...s].map((c) => c.charCodeAt(0))).buffer)]);
const 报告 = '某某镇2021年政府信息公开工作年度报告';

describe('decoding saved pages and texts', () => {
  it('a GB2312 page by its <meta charset>, and by http-equiv', () => {
    const html = `<html><head><meta charset="gb2312"></head><body>${报告}</body></html>`;
    expect(decodeBytes(encodeGbk(html), { html: true })).toBe(html);
    const equiv = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body>${报告}</body></html>`;
    expect(declaredCharset(encodeGbk(equiv))).toBe('GBK');
    expect(decodeBytes(encodeGbk(equiv), { html: true })).toBe(equiv);
  });

  it('the server’s charset wins over none; BOMs win over everything', () => {
    expect(decodeBytes(encodeGbk(报告), { html: true, charset: 'gbk' })).toBe(报告);
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(报告)]), { html: true, charset: 'gbk' })).toBe(报告);
    expect(decodeBytes(utf16le(报告))).toBe(报告);
  });

  it('undeclared or wrongly declared GBK falls back to GB18030; undeclared UTF-8 stays UTF-8; an unknown label is ignored', () => {
    expect(decodeBytes(encodeGbk(报告))).toBe(报告);
    const lying = `<meta charset="utf-8">${报告}`;
    expect(decodeBytes(encodeGbk(lying), { html: true })).toBe(lying);
    expect(decodeBytes(utf8(报告))).toBe(报告);
    expect(decodeBytes(utf8(`<meta charset="utf8mb4">${报告}`), { html: true })).toBe(`<meta charset="utf8mb4">${报告}`);
  });

  it('binary files are named by kind; text, even UTF-16 with its NUL bytes, is not binary', () => {
    expect(binaryKind(utf8('%PDF-1.4\n'))).toBe('PDF');
    expect(binaryKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('PNG');
    expect(binaryKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toContain('docx');
    expect(binaryKind(new Uint8Array([0x41, 0x00, 0x42]))).toBe('二进制');
    expect(binaryKind(utf16le(报告))).toBeNull();
    expect(binaryKind(encodeGbk(报告))).toBeNull();
    expect(() => checkBytes(utf8('%PDF-1.4'), 'a/b.html')).toThrow(/a\/b\.html.*PDF/);
  });
});

describe('checking a saved page', () => {
  it('the article is found inside the site chrome: the same reading as the report’s own text', () => {
    const unit = '白水镇人民政府';
    const r = report(2021, unit, 'township', random(11));
    const fromPage = checkHtml(page(`${unit}2021年政府信息公开工作年度报告`, r.html, unit, '2022-01-20'), { source: 'p.html' });
    const fromText = checkText(r.text, { source: 'p.html' });
    expect(fromPage.text).not.toContain('繁體版');
    expect(fromPage.text).not.toContain('备案号');
    expect([fromPage.year, fromPage.unit, fromPage.format, fromPage.tables.map((t) => t.status)]).toEqual([2021, unit, '2021', ['ok', 'ok', 'ok']]);
    expect(fromPage.findings.map((f) => f.code)).toEqual(fromText.findings.map((f) => f.code));
    expect(fromPage.publishedAt).toBe('2022-01-20');
  });

  it('the large county report: 2021 format, three tables read and balanced, about 20,000 characters', () => {
    const c = countyReport2021();
    const r = checkBytes(utf8(c.page), 'county.html');
    expect(r.text.length).toBeGreaterThan(19000);
    expect([r.format, r.level, r.tables.map((t) => [t.status, t.format])]).toEqual(['2021', 'county', [['ok', '2021'], ['ok', '2021'], ['ok', '2021']]]);
    expect(r.findings).toEqual([]);
  });

  it('a .txt source is read as text even when it holds markup-like characters; a GBK .txt as GBK', () => {
    const r = report(2020, '红旗镇人民政府', 'township', random(12));
    const asTxt = checkBytes(encodeGbk(r.text), 'r.txt');
    expect([asTxt.year, asTxt.unit, asTxt.format]).toEqual([2020, '红旗镇人民政府', '2019']);
    expect(asTxt.findings).toEqual(checkText(r.text, { source: 'r.txt' }).findings);
  });
});
