// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checked } from '../../lib/check/engine';
import { checkFile, fileKind } from '../../lib/review/files';
import WordExtractor from 'word-extractor';
import { readDocText, rowBreaks } from '../../lib/review/files/doc-text';
import { checkHtml } from '../../lib/review/html';
import { attachmentSource } from '../../scripts/audit/input';
import { root } from '../paths';
import { audit } from '../support/cli';
import { sameReading } from '../support/reading';

const files = resolve(root, 'tests/fixtures/files');
const bytes = async (name: string) => new Uint8Array(await readFile(join(files, name)));
/** Where the WordDocument stream starts in the fixture (its FIB's magic 0xA5EC at a sector start). */
const findWord = (doc: Uint8Array) => {
  for (let at = 512; at < doc.length; at += 512) if (doc[at] === 0xec && doc[at + 1] === 0xa5) return at;
  throw new Error('no WordDocument stream');
};
const source = async () => checkHtml(await readFile(join(files, 'report-2023.html'), 'utf8'));

describe('Word files read like the page they were made from', () => {
  it('a .docx (LibreOffice export, merged cells) gives the same parts, cells and findings as its HTML', async () => {
    const docx = await checkFile(await bytes('report-2023.docx'), 'report-2023.docx');
    expect(sameReading(docx)).toEqual(sameReading(await source()));
    // The planted wrong total is found, in its cell.
    expect(docx.findings.filter((f) => f.code === 'sum-mismatch').map((f) => [f.row, f.column])).toContainEqual([
      'total',
      'total',
    ]);
  });

  it('a .doc (Word 97) gives the same, its rows rebuilt from the cell marks', async () => {
    const doc = await checkFile(await bytes('report-2023.doc'), 'report-2023.doc');
    expect(sameReading(doc)).toEqual(sameReading(await source()));
  });

  it('the .doc reader without Node (the extension’s) gives word-extractor’s text, and refuses broken files in Chinese', async () => {
    const doc = await bytes('report-2023.doc');
    const body = (await new WordExtractor().extract(Buffer.from(doc))).getBody();
    expect(readDocText(doc)).toBe(body);
    // Cut short, its sectors zeroed, or its piece table pointing outside: a message, never a crash or a hang.
    const zeroed = doc.slice();
    zeroed.fill(0, 512, 4096);
    const badClx = doc.slice();
    new DataView(badClx.buffer).setUint32(0x1a2 + findWord(doc), 0x7fffffff, true);
    for (const broken of [doc.slice(0, 1500), zeroed, badClx])
      expect(() => readDocText(broken)).toThrow('Word 文件（.doc）已损坏或无法解析');
  });

  it('rowBreaks ends a row before the next row label or the paragraph after the table, nowhere else', () => {
    expect(rowBreaks('一、新收\t1\t2\t\t二、结转\t3\t4\t\t正文接着写。\n')).toBe(
      '一、新收\t1\t2\t\t\n二、结转\t3\t4\t\t\n正文接着写。\n',
    );
    // Two empty cells inside a row are not a row's end.
    expect(rowBreaks('信息内容\t\t\t本年\t\n')).toBe('信息内容\t\t\t本年\t\n');
    expect(rowBreaks('（五）不予处理\t1.信访\t2\t\t\t2.重复\t0\t\n')).toBe(
      '（五）不予处理\t1.信访\t2\t\t\n\t2.重复\t0\t\n',
    );
  });
});

describe('file kinds and broken files', () => {
  it('knows a file by its bytes, not its name', async () => {
    expect(fileKind(await bytes('report-2023.docx'))).toBe('docx');
    expect(fileKind(await bytes('report-2023.doc'))).toBe('doc');
    expect(fileKind(await bytes('scanned.pdf'))).toBe('pdf');
    expect(fileKind(new TextEncoder().encode('<html>…'))).toBeNull();
    // A zip that is no Word file (a spreadsheet) is not taken for one.
    expect(
      fileKind(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('xl/workbook.xml')])),
    ).toBeNull();
  });

  it('a truncated PDF, .docx or .doc is a message naming the file, never a crash or an empty report', async () => {
    for (const name of ['scanned.pdf', 'report-2023.docx', 'report-2023.doc']) {
      const cut = (await bytes(name)).subarray(0, 600);
      await expect(checkFile(cut, `坏的/${name}`)).rejects.toThrow(`坏的/${name}`);
    }
  });

  it('a scanned PDF gives one clear error and no all-clear', async () => {
    const r = await checkFile(await bytes('scanned.pdf'), 'scanned.pdf');
    const scanned = r.findings.filter((f) => f.code === 'scanned-file');
    expect(scanned).toHaveLength(1);
    expect(scanned[0]).toMatchObject({ severity: 'error' });
    expect(scanned[0]!.message).toContain('扫描件');
  });
});

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>平潭县公安局2020年政府信息公开工作年度报告</title></head><body><div class="nav"><a href="/">首页</a><a href="/gk/zn.pdf">政府信息公开指南.pdf</a></div><div id="zoom"><h1>平潭县公安局2020年政府信息公开工作年度报告</h1>${body}</div></body></html>`;

describe('a page whose report is an attachment', () => {
  it('names the attachment in a finding, not an all-clear, and does not list six missing parts', () => {
    const r = checkHtml(
      page('<p>附件：<a href="/attach/P020210125.doc">平潭县公安局2020年政府信息公开工作年度报告.doc</a></p>'),
    );
    const found = r.findings.filter((f) => f.code === 'attachment-only');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('平潭县公安局2020年政府信息公开工作年度报告.doc');
    expect(r.attachment).toEqual({
      name: '平潭县公安局2020年政府信息公开工作年度报告.doc',
      href: '/attach/P020210125.doc',
    });
    expect(r.findings.filter((f) => f.code === 'part-missing')).toEqual([]);
  });

  it('a full report that also links its PDF copy is checked as a page, with no attachment finding', async () => {
    const html = (await readFile(join(files, 'report-2023.html'), 'utf8')).replace(
      '</body>',
      '<p>附件：<a href="r.pdf">2023年政府信息公开工作年度报告.pdf</a></p></body>',
    );
    const r = checkHtml(html);
    expect(r.findings.some((f) => f.code === 'attachment-only')).toBe(false);
    expect(r.attachment).toBeUndefined();
  });

  it('an attachment is looked for beside a saved page, or on the page’s own site only', () => {
    expect(attachmentSource('/存档/页面.html', '附件/报告%20全文.pdf')).toBe('/存档/附件/报告 全文.pdf');
    expect(attachmentSource('http://www.pt.gov.cn/a/b.html', '/u/r.doc')).toBe('http://www.pt.gov.cn/u/r.doc');
    expect(attachmentSource('http://www.pt.gov.cn/a/b.html', 'http://xxgk.pt.gov.cn/u/r.doc')).toBe(
      'http://xxgk.pt.gov.cn/u/r.doc',
    );
    expect(attachmentSource('http://www.pt.gov.cn/a/b.html', 'http://evil.example/r.doc')).toBeNull();
    expect(attachmentSource('http://www.pt.gov.cn/a/b.html', 'http://www.other.gov.cn/r.doc')).toBeNull();
    expect(attachmentSource('/存档/页面.html', 'file:///etc/passwd')).toBeNull();
  });
});

describe('audit command on files', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-files-'));
    for (const name of ['report-2023.docx', 'report-2023.doc', 'scanned.pdf'])
      await copyFile(join(files, name), join(dir, name));
    await writeFile(
      join(dir, 'page.html'),
      page('<p><a href="report-2023.docx">青山县人民政府2023年政府信息公开工作年度报告.docx</a></p>'),
    );
    server = createServer(async (req, res) => {
      const name = decodeURIComponent(req.url ?? '/').slice(1);
      if (name === 'page.html') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page('<p><a href="/report-2023.doc">2023年政府信息公开工作年度报告.doc</a></p>'));
      } else if (name === 'elsewhere.html') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page('<p><a href="http://evil.example/report.doc">2023年政府信息公开工作年度报告.doc</a></p>'));
      } else {
        try {
          res.end(await readFile(join(dir, name)));
        } catch {
          res.statusCode = 404;
          res.end();
        }
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes .docx, .doc and .pdf files and folders of them', async () => {
    const { stdout, code } = await audit('--json', dir);
    const reports = JSON.parse(stdout) as Checked[];
    expect(reports.map((r) => r.source.slice(dir.length + 1)).sort()).toEqual(
      ['page.html', 'report-2023.doc', 'report-2023.docx', 'scanned.pdf'].sort(),
    );
    const word = reports.filter((r) => /\.docx?$/.test(r.source));
    expect(word.every((r) => r.findings.some((f) => f.code === 'sum-mismatch'))).toBe(true);
    expect(code).toBe(1);
  }, 180_000);

  it('an attachment-only page is a warning; with --follow-attachments the attachment is checked in its place', async () => {
    const plain = await audit(join(dir, 'page.html'));
    expect(plain.stdout).toContain('报告正文在附件中');
    expect(plain.code).toBe(0);
    const followed = await audit('--follow-attachments', '--json', join(dir, 'page.html'), `${base}/page.html`);
    const [saved, served] = JSON.parse(followed.stdout) as Checked[];
    expect(saved!.source).toBe(join(dir, 'report-2023.docx'));
    expect(served!.source).toBe(`${base}/report-2023.doc`);
    for (const r of [saved!, served!]) {
      expect(r.findings.some((f) => f.code === 'attachment-only')).toBe(false);
      expect(r.findings.filter((f) => f.code === 'sum-mismatch').length).toBeGreaterThan(0);
    }
  }, 120_000);

  it('never fetches an attachment from another site, and says so', async () => {
    const { stderr, code } = await audit('--follow-attachments', `${base}/elsewhere.html`);
    expect(stderr).toContain('附件不在本网站');
    expect(code).toBe(2);
  }, 60_000);
});
