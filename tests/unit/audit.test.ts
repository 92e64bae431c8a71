// @vitest-environment node
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveRealReports } from '../support/real';
import { REPORT_CSV_HEADER } from '../../lib/review/audit';
import { checks } from '../../lib/check/checks';
import { AuditOutput, type ReportJson } from '../../lib/check/report';
import { encodeGbk, generateFolder, page, random, report, type ManifestEntry } from '../../scripts/gen-reports';
import { realDir, root, seedNames, seedsDir } from '../paths';
import { parseCsv } from '../support/csv';
import { audit } from '../support/cli';

const seeds = seedNames.map((n) => join(seedsDir, n));
const seedYears = [2019, 2019, 2018, 2020, 2017];

/** The summary's `  检查项：N 份` lines, by check name. */
const summaryCounts = (stderr: string) =>
  Object.fromEntries([...stderr.matchAll(/^ {2}(.+)：(\d+) 份$/gm)].map((m) => [m[1]!, Number(m[2])]));
/** A column of the batch CSV by its (Chinese) header. */
const col = (name: (typeof REPORT_CSV_HEADER)[number]) => REPORT_CSV_HEADER.indexOf(name);
const checkName = (code: string) => checks.find((c) => c.code === code)!.description;

describe('audit command on the seeds', () => {
  it('--json prints one array that the output schema accepts, a report per seed with its year, every read table with its cells, no text', async () => {
    const { code, stdout } = await audit('--json', ...seeds);
    const reports = AuditOutput.parse(JSON.parse(stdout));
    expect(reports.map((r) => [r.source, r.year])).toEqual(seeds.map((s, i) => [s, seedYears[i]]));
    const raw = JSON.parse(stdout) as Record<string, unknown>[];
    expect(raw.every((r) => !('text' in r))).toBe(true);
    // A table read carries its cells, so a reader tells it from a table merely found.
    for (const r of reports)
      for (const t of r.tables) {
        if (t.status !== 'ok') continue;
        expect(t.cells!.length).toBeGreaterThan(0);
        for (const c of t.cells!)
          expect(Object.keys(c)).toEqual(expect.arrayContaining(['row', 'column', 'value', 'raw', 'status']));
      }
    expect(reports.some((r) => r.tables.some((t) => t.status === 'ok'))).toBe(true);
    expect(reports[0]!.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(code).toBe(1);
  });

  it('exits 0 when no finding is an error (seed 003: warnings only), 1 when one is (seed 000)', async () => {
    const ok = await audit('--json', seeds[3]!);
    const [r] = JSON.parse(ok.stdout) as ReportJson[];
    expect(r!.findings.length).toBeGreaterThan(0);
    expect(r!.findings.every((f) => f.severity !== 'error')).toBe(true);
    expect(ok.code).toBe(0);
    expect((await audit('--json', seeds[0]!)).code).toBe(1);
  });

  it('--csv: a header and one row per report, the codes matching --json; the summary on stderr', async () => {
    const [csv, json] = await Promise.all([audit('--csv', ...seeds), audit('--json', ...seeds)]);
    const rows = parseCsv(csv.stdout.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([...REPORT_CSV_HEADER]);
    expect(rows.length).toBe(1 + seeds.length);
    const reports = JSON.parse(json.stdout) as ReportJson[];
    rows.slice(1).forEach((row, i) => {
      const r = reports[i]!;
      expect(row[col('来源')]).toBe(r.source);
      expect(row[col('年度')]).toBe(String(r.year));
      expect(row[col('格式代码')]).toBe(r.format);
      expect(row[col('格式')]).toMatch(/版格式|未识别|2019年以前/);
      expect(Number(row[col('错误')])).toBe(r.findings.filter((f) => f.severity === 'error').length);
      const codes = [...new Set(r.findings.map((f) => f.code))];
      expect(row[col('问题代码')]!.split(' ').filter(Boolean).sort()).toEqual(codes.sort());
      for (const code of codes) expect(row[col('发现的问题')]).toContain(checkName(code));
    });
    // The summary names each check in Chinese, never by its code.
    expect(csv.stderr).not.toMatch(/[a-z]+-[a-z]+/);
    expect(csv.stderr).toContain('共检查 5 份报告，1 份有错误');
    expect(csv.code).toBe(1);
  });

  it('the default view names the report, its year, unit and format, and each finding', async () => {
    const { stdout, code } = await audit(seeds[3]!);
    expect(stdout).toContain('阳头升乡2020年政府信息公开工作年度报告');
    expect(stdout).toContain('年度：2020');
    expect(stdout).toContain('2019年版格式');
    expect(stdout).toMatch(/\[警告\].*规章.*‹不合常理的数字/);
    expect(stdout).not.toContain('value-implausible');
    expect(code).toBe(0);
  });

  it('--md: a review sheet with a section per report and a closing summary', async () => {
    const { stdout } = await audit('--md', seeds[0]!, seeds[4]!);
    expect(stdout.match(/^## /gm)!.length).toBe(3);
    expect(stdout).toContain('## 亮甲山乡政府2019年信息公开工作年度报告');
    expect(stdout).toMatch(/\| 1 \| 错误 \|.*缺少第六部分/);
    expect(stdout).toContain('## 汇总');
  });

  it('--fix-preview right before a path takes it as a path, like the other flags', async () => {
    const { stdout, stderr } = await audit('--fix-preview', seeds[0]!, seeds[4]!);
    expect(stderr).not.toContain('请给出');
    expect(stdout.match(/^■ /gm)).toHaveLength(2);
    expect(stdout).toContain(`■ ${seeds[0]}`);
  });
});

describe('audit command: bad usage and unreadable input exit 2, naming the file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-bad-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a missing path', async () => {
    const missing = join(dir, 'nope.html');
    const { code, stdout, stderr } = await audit('--json', seeds[0]!, missing);
    expect(code).toBe(2);
    expect(stderr).toContain(missing);
    expect(stdout).toBe('');
  });

  it('a binary file saved as .html, among good ones: the others are still reported', async () => {
    const bad = join(dir, 'scan.html');
    await writeFile(bad, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0x00]));
    const { code, stdout, stderr } = await audit('--json', bad, seeds[3]!);
    expect(code).toBe(2);
    expect(stderr).toContain(bad);
    expect(stderr).toContain('PDF');
    expect((JSON.parse(stdout) as ReportJson[]).map((r) => r.source)).toEqual([seeds[3]]);
  });

  it('a --prev that cannot be read', async () => {
    const { code, stderr } = await audit('--prev', join(dir, 'last-year.txt'), seeds[3]!);
    expect(code).toBe(2);
    expect(stderr).toContain(join(dir, 'last-year.txt'));
  });

  it('no path, two output modes, an unknown option, a file type it does not read', async () => {
    const pdf = join(dir, 'report.pdf');
    await writeFile(pdf, '%PDF-1.7');
    const [none, both, unknown, type] = await Promise.all([
      audit(),
      audit('--json', '--csv', seeds[0]!),
      audit('--jsn', seeds[0]!),
      audit(pdf),
    ]);
    expect(none.code).toBe(2);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--json')]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('--jsn')]);
    expect([type.code, type.stderr]).toEqual([2, expect.stringContaining(pdf)]);
    // Four commands at once, one loading pdf.js through tsx (seconds of CPU): a loaded machine needs more than 30 s.
  }, 120_000);

  it('a URL that cannot be fetched is named', async () => {
    const url = 'http://127.0.0.1:9/nianbao-report.html';
    const { code, stderr } = await audit('--json', url);
    expect(code).toBe(2);
    expect(stderr).toContain(url);
  });
});

describe('audit command: pages as government sites serve them', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-pages-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a GB2312 page and the same page in UTF-8 read the same; --prev finds the carry-over that differs and the copied paragraphs', async () => {
    const unit = '青山县人民政府';
    const before = report(2022, unit, 'county', random(7));
    const after = report(2023, unit, 'county', random(8));
    const title = `${unit}2023年政府信息公开工作年度报告`;
    const html = page(title, after.html, unit, '2024-01-20', 'gb2312');
    await writeFile(join(dir, 'gbk.html'), encodeGbk(html));
    await writeFile(join(dir, 'utf8.html'), html.replace('charset="gb2312"', 'charset="utf-8"'));
    await writeFile(join(dir, 'before.txt'), before.text);
    const plain = JSON.parse(
      (await audit('--json', join(dir, 'gbk.html'), join(dir, 'utf8.html'))).stdout,
    ) as ReportJson[];
    expect(plain[0]!.title).toBe(title);
    expect({ ...plain[0], source: '' }).toEqual({ ...plain[1], source: '' });
    expect(plain[0]!.findings).toEqual([]);

    const { code, stdout } = await audit('--json', '--prev', join(dir, 'before.txt'), join(dir, 'gbk.html'));
    const [r] = JSON.parse(stdout) as ReportJson[];
    // The generator carries 500 into every column; last year's 结转下年度 was computed from its own leaves.
    const carry = r!.findings.filter((f) => f.code === 'carryover-mismatch');
    expect(carry.length).toBeGreaterThan(0);
    expect(
      carry.every(
        (f) => f.table === 'requests' && f.row === 'carried' && f.actual !== f.expected && f.actual! % 500 === 0,
      ),
    ).toBe(true);
    expect(r!.findings.some((f) => f.code === 'copied-text')).toBe(true);
    expect(code).toBe(1);
  });
});

describe('audit command on URLs', () => {
  let server: Server;
  let base: string;
  const unit = '南岗县人民政府';
  const html = page(
    `${unit}2022年政府信息公开工作年度报告`,
    report(2022, unit, 'county', random(21)).html,
    unit,
    '2023-01-16',
    'gbk',
  );
  beforeAll(async () => {
    // The server says GBK in its header only: the page's <meta> is taken out.
    const body = encodeGbk(html.replace('<meta charset="gbk">', ''));
    server = createServer((req, res) => {
      if (req.url === '/nb/2022.html') res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('fetches only the URL given, decodes it by the server’s charset, and names a failing one', async () => {
    const [ok, missing] = await Promise.all([
      audit('--json', `${base}/nb/2022.html`),
      audit('--json', `${base}/nb/2022.html`, `${base}/nb/none.html`),
    ]);
    const [r] = JSON.parse(ok.stdout) as ReportJson[];
    expect([r!.source, r!.title, r!.unit, r!.publishedAt, r!.format]).toEqual([
      `${base}/nb/2022.html`,
      `${unit}2022年政府信息公开工作年度报告`,
      unit,
      '2023-01-16',
      '2021',
    ]);
    expect(ok.code).toBe(0);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${base}/nb/none.html`);
    expect(missing.stderr).toContain('404');
    expect((JSON.parse(missing.stdout) as ReportJson[]).length).toBe(1);
  });
});

describe('audit command on a generated folder of 2,000 reports', () => {
  let dir: string;
  let manifest: ManifestEntry[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-2000-'));
    manifest = await generateFolder(dir, 2000, 42);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('one CSV row per report in input order, and a summary whose counts match the rows and the wrong totals put in', async () => {
    const { code, stdout, stderr } = await audit('--csv', '--jobs', '2', dir);
    const rows = parseCsv(stdout.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([...REPORT_CSV_HEADER]);
    const body = rows.slice(1);
    expect(body.length).toBe(2000);
    expect(body.map((r) => r[col('来源')])).toEqual(manifest.map((m) => join(dir, m.file)));
    expect(body.map((r) => Number(r[col('年度')]))).toEqual(manifest.map((m) => m.year));
    expect(body.map((r) => r[col('单位')])).toEqual(manifest.map((m) => m.unit));
    expect(body.map((r) => r[col('发布日期')])).toEqual(manifest.map((m) => m.published));

    const codesOf = (r: string[]) => r[col('问题代码')]!.split(' ').filter(Boolean);
    const fromRows: Record<string, number> = {};
    for (const r of body) for (const c of codesOf(r)) fromRows[checkName(c)] = (fromRows[checkName(c)] ?? 0) + 1;
    expect(summaryCounts(stderr)).toEqual(fromRows);
    const rowsWith = (code: string) => body.filter((r) => codesOf(r).includes(code)).map((r) => r[col('来源')]);
    const files = (pick: (m: ManifestEntry) => boolean) => manifest.filter(pick).map((m) => join(dir, m.file));
    expect(rowsWith('sum-mismatch')).toEqual(files((m) => m.wrongTotal));
    // The planted year-to-year breaks, found without --prev: the batch chains each unit's two years.
    expect(rowsWith('carryover-mismatch')).toEqual(files((m) => m.carryBreak));
    expect(rowsWith('deadline')).toEqual(files((m) => m.late));
    const withErrors = body.filter((r) => Number(r[col('错误')]) > 0).length;
    expect(stderr).toContain(`共检查 2000 份报告，${withErrors} 份有错误`);
    expect(code).toBe(1);
  }, 300_000);
});

// Beside the project, read in place and never copied in.
const realPath = (name: string) => resolve(realDir, name);

describe.runIf(haveRealReports('audit command on the real reports'))(
  'audit command on the real reports (read in place)',
  () => {
    it('洪泽区 2024 with 2023 as --prev: carry-over agrees, 2023 shows its two review-table imbalances', async () => {
      const [pair, alone] = await Promise.all([
        audit('--json', '--prev', realPath('hongze-district-2023.txt'), realPath('hongze-district-2024.txt')),
        audit('--json', realPath('hongze-district-2023.txt'), realPath('huaian-city-2024.txt')),
      ]);
      const [r2024] = JSON.parse(pair.stdout) as ReportJson[];
      expect(r2024!.year).toBe(2024);
      expect(r2024!.findings.filter((f) => f.code === 'carryover-mismatch')).toEqual([]);
      const [r2023, huaian] = JSON.parse(alone.stdout) as ReportJson[];
      expect(
        r2023!.findings.filter((f) => f.code === 'sum-mismatch').map((f) => [f.table, f.expected, f.actual]),
      ).toEqual([
        ['review', 11, 0],
        ['review', 5, 0],
      ]);
      expect(huaian!.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
      expect(alone.code).toBe(1);
    });
  },
);

describe('audit command: -o, and the HTML review report of a county’s batch', () => {
  let dir: string;
  let out: string;
  let manifest: ManifestEntry[];
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'audit-out-'));
    dir = join(out, 'reports');
    manifest = await generateFolder(dir, 36, 7);
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('year-to-year chains give the same findings whether the earlier year comes first or last, in one thread or in several', async () => {
    const files = manifest.map((m) => join(dir, m.file));
    // Earlier year first in one thread: each chain is made while reading; reversed, or with threads, after the pass.
    const runs = await Promise.all([
      audit('--json', '--jobs', '1', ...files),
      audit('--json', '--jobs', '1', ...[...files].reverse()),
      audit('--json', '--jobs', '2', ...files),
    ]);
    const bySource = (stdout: string) =>
      new Map((JSON.parse(stdout) as ReportJson[]).map((r) => [r.source, r.findings.map((f) => [f.code, f.message])]));
    const [forward, reversed, threads] = runs.map((r) => bySource(r.stdout));
    expect(reversed).toEqual(forward);
    expect(threads).toEqual(forward);
    const broken = [...forward].filter(([, fs]) => fs.some(([code]) => code === 'carryover-mismatch')).map(([s]) => s);
    expect(broken).toEqual(manifest.filter((m) => m.carryBreak).map((m) => join(dir, m.file)));
    expect(broken.length).toBeGreaterThan(0);
  });

  it('-o writes exactly the bytes stdout gets, in every format; npm run --silent gives the same', async () => {
    const modes = [[], ['--json'], ['--csv'], ['--md'], ['--html']];
    for (const mode of modes) {
      const file = join(out, `out${mode[0] ?? ''}`);
      const [piped, written] = await Promise.all([audit(...mode, ...seeds), audit(...mode, '-o', file, ...seeds)]);
      expect(written.stdout).toBe('');
      expect(written.stderr).toContain(`已写入 ${file}`);
      expect(readFileSync(file)).toEqual(Buffer.from(piped.stdout, 'utf8'));
      expect(written.code).toBe(piped.code);
    }
    const npm = await new Promise<Buffer>((done, fail) => {
      const child = spawn('npm', ['run', '--silent', 'audit', '--', '--csv', ...seeds], { cwd: root });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => chunks.push(b));
      child.on('error', fail);
      child.on('close', () => done(Buffer.concat(chunks)));
    });
    expect(readFileSync(join(out, 'out--csv'))).toEqual(npm);
    const csv = readFileSync(join(out, 'out--csv'), 'utf8');
    expect(csv.startsWith('\uFEFF来源,单位,级别,年度,发布日期,')).toBe(true);
    expect(AuditOutput.parse(JSON.parse(readFileSync(join(out, 'out--json'), 'utf8')))).toHaveLength(seeds.length);
  }, 240_000);

  it('-o into a folder that does not exist: exit 2 and the path named, before any checking', async () => {
    const file = join(out, 'no-such-dir', 'x.csv');
    const { code, stderr } = await audit('--csv', '-o', file, ...seeds);
    expect(code).toBe(2);
    expect(stderr).toContain(file);
  });

  it('--html over generated reports and the real ones: a row per report, every planted carry-over break listed', async () => {
    const real = existsSync(realPath('README.md'))
      ? [realPath('hongze-district-2023.txt'), realPath('hongze-district-2024.txt')]
      : [];
    const file = join(out, 'report.html');
    const { code, stderr } = await audit('--html', '-o', file, dir, ...real);
    expect(code).toBe(1);
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    expect(document.querySelectorAll('#reports tbody tr').length).toBe(manifest.length + real.length);
    const chains = [...document.querySelectorAll('#chains tbody tr')];
    const chained = manifest.filter((m) => m.previous);
    expect(chains.length).toBe(chained.length + (real.length ? 1 : 0));
    const broken = chains
      .filter((tr) => tr.getAttribute('class') === 'broken')
      .map((tr) => tr.getAttribute('data-chain'));
    expect(broken).toEqual(manifest.filter((m) => m.carryBreak).map((m) => m.unit));
    // 洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024: one unit, and its carry-over agrees.
    if (real.length) expect(chains.at(-1)!.querySelector('td.ok')!.textContent).toBe('一致');
    const late = [...document.querySelectorAll('#reports tbody tr td.late')].length;
    expect(late).toBe(manifest.filter((m) => m.late).length);
    // Pages with the meta tags of 政府网站 name their site and column.
    expect(document.querySelector('#details')!.textContent).toContain('政府信息公开年报');
    expect(stderr).toContain('上年结转申请数与上年报告的结转下年度数不一致：');
  }, 120_000);
});
