// @vitest-environment node
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../lib/check/engine';
import { reportJson } from '../../lib/review/export';
import { checkSource, expand, InputError } from '../../scripts/audit/input';
import { outcome, render } from '../../scripts/audit/render';
import { root, seedNames, seedsDir } from '../paths';
import { audit } from '../support/cli';

/** Issue 14, items 4, 8 and 9: hostile servers and files against the `audit` command's reading. */

const seed = join(seedsDir, seedNames[3]!);
const TITLE = '2023年政府信息公开工作年度报告';
const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>平潭县公安局${TITLE}</title></head><body><div id="zoom"><h1>平潭县公安局${TITLE}</h1>${body}</div></body></html>`;
const linking = (href: string) => page(`<p>附件：<a href="${href}">平潭县公安局${TITLE}.doc</a></p>`);

let dir: string;
let server: Server;
let base: string;
/** Every request the server saw, as host + path: what left the command. */
const requests: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-hostile-'));
  // 25 MiB of a page that compresses to some 25 kB: a small download that would fill the memory.
  const bomb = gzipSync(Buffer.alloc(25 * 1024 * 1024, ' '));
  const big = Buffer.alloc(2 * 1024 * 1024, 'x');
  const doc = await readFile(resolve(root, 'tests/fixtures/files/report-2023.doc'));
  server = createServer((req, res) => {
    requests.push(`${req.headers.host}${req.url}`);
    const port = (server.address() as AddressInfo).port;
    const html = (s: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(s);
    const to = (location: string) => res.writeHead(302, { location }).end();
    if (req.url === '/bomb.html')
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
    else if (req.url === '/big.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end(big);
    else if (req.url === '/moved.txt') to('/report.txt');
    else if (req.url === '/report.txt')
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`${TITLE}\n`);
    else if (req.url === '/circle.txt') to('/circle.txt');
    // Headers and a first chunk at once, then nothing: the body never ends.
    else if (req.url === '/stall.txt') res.writeHead(200, { 'content-type': 'text/plain' }).write('2023年');
    // The page moved within its site; its attachment is relative to where it ended up.
    else if (req.url === '/old/page.html') to('/new/page.html');
    else if (req.url === '/new/page.html') html(linking('report.doc'));
    else if (req.url === '/new/report.doc') res.end(doc);
    // An attachment on the page's own site that redirects to another host.
    else if (req.url === '/leaves.html') html(linking('/leave.doc'));
    else if (req.url === '/leave.doc') to(`http://localhost:${port}/report.doc`);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await rm(dir, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: Error) => e,
  );

describe('item 4: downloads are streamed and capped, and every error names its URL', () => {
  it('a gzip bomb stops at 20 MB decoded, with a named error', async () => {
    const before = process.memoryUsage().rss;
    const e = await failure(checkSource(`${base}/bomb.html`));
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toContain(`${base}/bomb.html`);
    expect(e!.message).toContain('超过 20 MB');
    // It never held much more than the cap, where the whole body would have been read at once before.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('the cap is an option (--max-size), for URLs and files alike', async () => {
    expect((await failure(checkSource(`${base}/big.txt`, { maxMb: 1 })))!.message).toContain('超过 1 MB');
    await expect(checkSource(`${base}/big.txt`, { maxMb: 3 })).resolves.toMatchObject({ source: `${base}/big.txt` });
    const small = await audit('--max-size', '1', '--json', `${base}/big.txt`);
    expect(small.code).toBe(2);
    expect(small.stderr).toContain(`网址 ${base}/big.txt 的内容 超过 1 MB`);
    expect((await audit('--max-size', 'x', seed)).stderr).toContain('--max-size 应为整数');
  }, 60_000);

  it('a body that stops coming is named when the time is up', async () => {
    const e = await failure(checkSource(`${base}/stall.txt`, { timeoutMs: 500 }));
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toContain(`${base}/stall.txt`);
    expect(e!.message).toContain('没有下载完');
  });

  it('a redirect is followed and reported; a circle of redirects stops, named', async () => {
    const notices: string[] = [];
    const r = await checkSource(`${base}/moved.txt`, { notice: (m) => notices.push(m) });
    expect(r.year).toBe(2023);
    expect(notices).toEqual([`网址 ${base}/moved.txt 跳转到了 ${base}/report.txt，检查的是跳转后的页面`]);
    expect((await failure(checkSource(`${base}/circle.txt`)))!.message).toContain(`${base}/circle.txt 跳转超过`);
  });

  it('--follow-attachments: links resolve from where a page ended up; an attachment that redirects to another site is never requested there', async () => {
    const notices: string[] = [];
    const moved = await checkSource(`${base}/old/page.html`, {
      followAttachments: true,
      notice: (m) => notices.push(m),
    });
    expect(moved.source).toBe(`${base}/new/report.doc`);
    expect(moved.findings.some((f) => f.code === 'sum-mismatch')).toBe(true);
    expect(notices).toEqual([expect.stringContaining(`跳转到了 ${base}/new/page.html`)]);

    const e = await failure(checkSource(`${base}/leaves.html`, { followAttachments: true }));
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toContain('跳转到了其他网站，未下载');
    expect(e!.message).toContain(`${base}/leave.doc`);
    expect(requests.filter((r) => r.startsWith('localhost'))).toEqual([]);
  });
});

describe('item 9: special files and links', () => {
  it('a FIFO named as a file is refused at once instead of hanging; inside a folder it is skipped with a notice', async () => {
    const fifos = join(dir, 'fifos');
    await mkdir(fifos);
    const fifo = join(fifos, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    const e = await failure(checkSource(fifo));
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toBe(`不能检查命名管道（FIFO）：${fifo}`);
    await expect(failure(expand([fifo]).next())).resolves.toBeInstanceOf(InputError);
    const notices: string[] = [];
    const found: string[] = [];
    for await (const s of expand([fifos], { notice: (m) => notices.push(m) })) found.push(s);
    expect(found).toEqual([]);
    expect(notices).toEqual([`跳过命名管道（FIFO）：${fifo}`]);
  });

  it('a named file of a kind it cannot read (folder/* with its notes) is skipped with a notice; the reports beside it are checked', async () => {
    const notes = join(dir, 'README.md');
    await writeFile(notes, '# 说明');
    const notices: string[] = [];
    const found: string[] = [];
    for await (const s of expand([notes, seed], { notice: (m) => notices.push(m) })) found.push(s);
    expect(found).toEqual([seed]);
    expect(notices).toEqual([`跳过：只能检查 .html、.htm、.txt、.pdf、.docx、.doc 文件、文件夹或网址：${notes}`]);
    const alone = await audit(notes);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('没有找到');
  });

  it('a device behind a report’s name (a link to /dev/zero) is refused, not read forever', async () => {
    const zero = join(dir, 'zero.html');
    await symlink('/dev/zero', zero);
    expect((await failure(checkSource(zero)))!.message).toBe(`不能检查设备文件：${zero}`);
    await expect(failure(expand([zero]).next())).resolves.toBeInstanceOf(InputError);
  });

  it('links are followed once: a loop, a duplicate and a broken link are each skipped with a notice', async () => {
    const tree = join(dir, 'tree');
    const outside = join(dir, 'outside');
    await mkdir(join(tree, 'sub'), { recursive: true });
    await mkdir(outside);
    await copyFile(seed, join(tree, 'a.txt'));
    await copyFile(seed, join(outside, 'far.txt'));
    await symlink(join(tree, 'a.txt'), join(tree, 'b.txt')); // the same report again
    await symlink(tree, join(tree, 'sub', 'up')); // a loop back to the top
    await symlink(join(tree, 'gone.txt'), join(tree, 'c.html')); // broken
    await symlink(outside, join(tree, 'linked')); // a folder elsewhere: followed
    await symlink(join(tree, 'self.txt'), join(tree, 'self.txt')); // a link to itself
    const notices: string[] = [];
    const found: string[] = [];
    for await (const s of expand([tree], { notice: (m) => notices.push(m) })) found.push(s);
    expect(found).toEqual([join(tree, 'a.txt'), join(tree, 'linked', 'far.txt')]);
    // Each skipped path named once, after what was skipped and why.
    expect(notices.sort()).toEqual(
      [
        `跳过重复的文件（链接到已检查的文件）：${join(tree, 'b.txt')}`,
        `跳过指向不存在文件的链接：${join(tree, 'c.html')}`,
        `跳过循环的符号链接：${join(tree, 'self.txt')}`,
        `跳过已检查过的文件夹（链接循环或重复）：${join(tree, 'sub', 'up')}`,
      ].sort(),
    );
    // A loop named on the command line is an error, naming it.
    expect((await failure(expand([join(tree, 'self.txt')]).next()))!.message).toContain('符号链接循环');
  });
});

describe('the command’s output carries no raw terminal controls', () => {
  it('C1 and bidirectional controls in page text are written as \\u escapes: the same value once parsed', () => {
    const title = `\u009b2J\u0090\u202e\u2066${TITLE}`;
    const r = reportJson(checkText(`${title}\n一、总体情况\n本机关2023年主动公开信息。`));
    expect(r.title).toBe(title);
    const out = render('json', r);
    expect(out).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('\\u009b2J\\u0090\\u202e\\u2066');
    expect(JSON.parse(out).title).toBe(title);
  });

  it('--fix-preview quotes the page’s title without its escapes', async () => {
    const file = join(dir, 'escapes.txt');
    await writeFile(
      file,
      `\u001b]0;改掉的标题\u0007\u001b[1A\u009b2K${TITLE}\n一、总体情况\n本机关2023年主动公开信息。`,
    );
    const { out } = await outcome(file, 'fix', {});
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the test
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('改掉的标题');
  });
});

describe('item 8: the worker pool leaves nothing in the temp folder', () => {
  /** The command over a folder big enough for worker threads, stopped after its first output by `stop`. */
  async function stopped(stop: 'pipe' | 'SIGINT' | 'SIGTERM') {
    const temp = await mkdtemp(join(dir, `tmp-${stop}-`));
    const folder = join(dir, `many-${stop}`);
    await mkdir(folder);
    for (let i = 0; i < 12; i++)
      await copyFile(join(seedsDir, seedNames[i % seedNames.length]!), join(folder, `${i}.txt`));
    const child = spawn(
      resolve(root, 'node_modules/.bin/tsx'),
      [resolve(root, 'scripts/audit.ts'), '--jobs', '2', '--csv', folder],
      { cwd: root, env: { ...process.env, TMPDIR: temp } },
    );
    child.stderr.resume();
    // The header comes before the pool starts; the first report's row comes from a worker.
    let seen = '';
    await new Promise<void>((ok) =>
      child.stdout.on('data', (b: Buffer) => {
        seen += b.toString();
        if (seen.includes('.txt,')) ok();
      }),
    );
    if (stop === 'pipe')
      child.stdout.destroy(); // `| head`: the reader goes away
    else child.kill(stop);
    await new Promise((ok) => child.on('close', ok));
    // tsx keeps its own compile cache there; the command itself leaves nothing.
    return (await readdir(temp)).filter((n) => !n.startsWith('tsx-'));
  }

  it('after a broken pipe, Ctrl-C and a kill', async () => {
    const left = await Promise.all([stopped('pipe'), stopped('SIGINT'), stopped('SIGTERM')]);
    expect(left).toEqual([[], [], []]);
  }, 120_000);
});
