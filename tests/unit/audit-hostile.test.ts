// @vitest-environment node
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource, expand, InputError } from '../../scripts/audit/input';
import { root, seedNames, seedsDir } from '../paths';

/** Issue 14, items 4, 8 and 9: hostile servers and files against the `audit` command's reading. */

const seed = join(seedsDir, seedNames[3]!);
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-hostile-'));
  // 25 MiB of a page that compresses to some 25 kB: a small download that would fill the memory.
  const bomb = gzipSync(Buffer.alloc(25 * 1024 * 1024, ' '));
  const big = Buffer.alloc(2 * 1024 * 1024, 'x');
  server = createServer((req, res) => {
    if (req.url === '/bomb.html')
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
    else if (req.url === '/big.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end(big);
    else if (req.url === '/moved.txt') res.writeHead(302, { location: '/report.txt' }).end();
    else if (req.url === '/report.txt')
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('2023年政府信息公开工作年度报告\n');
    // Headers and a first chunk at once, then nothing: the body never ends.
    else if (req.url === '/stall.txt') res.writeHead(200, { 'content-type': 'text/plain' }).write('2023年');
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
    // It never held the 25 MiB it would have expanded to, let alone more.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('the cap is an option (--max-size)', async () => {
    expect((await failure(checkSource(`${base}/big.txt`, { maxMb: 1 })))!.message).toContain('超过 1 MB');
    await expect(checkSource(`${base}/big.txt`, { maxMb: 3 })).resolves.toMatchObject({ source: `${base}/big.txt` });
  });

  it('a body that stops coming is named when the time is up', async () => {
    const e = await failure(checkSource(`${base}/stall.txt`, { timeoutMs: 500 }));
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toContain(`${base}/stall.txt`);
    expect(e!.message).toContain('没有下载完');
  });

  it('a redirect is followed and reported', async () => {
    const notices: string[] = [];
    const r = await checkSource(`${base}/moved.txt`, { notice: (m) => notices.push(m) });
    expect(r.year).toBe(2023);
    expect(notices).toEqual([expect.stringMatching(/moved\.txt.*跳转到了.*report\.txt/)]);
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
    expect(e!.message).toContain(fifo);
    expect(e!.message).toContain('命名管道');
    await expect(failure(expand([fifo]).next())).resolves.toBeInstanceOf(InputError);
    const notices: string[] = [];
    const found: string[] = [];
    for await (const s of expand([fifos], { notice: (m) => notices.push(m) })) found.push(s);
    expect(found).toEqual([]);
    expect(notices).toEqual([expect.stringContaining(fifo)]);
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
    await symlink(join(tree, 'self.txt'), join(tree, 'self.txt')).catch(() => {}); // a link to itself
    const notices: string[] = [];
    const found: string[] = [];
    for await (const s of expand([tree], { notice: (m) => notices.push(m) })) found.push(s);
    expect(found).toEqual([join(tree, 'a.txt'), join(tree, 'linked', 'far.txt')]);
    // Each skipped path named once, after what was skipped and why.
    expect(notices.map((n) => n.slice(n.indexOf('：') + 1)).sort()).toEqual(
      ['b.txt', 'c.html', 'self.txt', join('sub', 'up')].map((p) => join(tree, p)).sort(),
    );
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
      {
        cwd: root,
        env: { ...process.env, TMPDIR: temp },
      },
    );
    child.stderr.resume();
    await new Promise<void>((ok) => child.stdout.once('data', () => ok()));
    if (stop === 'pipe')
      child.stdout.destroy(); // `| head`: the reader goes away
    else child.kill(stop);
    await new Promise((ok) => child.on('close', ok));
    return (await readdir(temp)).filter((n) => n.startsWith('nianbao'));
  }

  it('after a broken pipe, Ctrl-C and a kill', async () => {
    const left = await Promise.all([stopped('pipe'), stopped('SIGINT'), stopped('SIGTERM')]);
    expect(left).toEqual([[], [], []]);
  }, 120_000);
});
