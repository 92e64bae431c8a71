import { expect } from 'vitest';
import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { LOADER_KEY } from '../../lib/extension/engine-link';
import { CHROMIUM_ARGS } from '../../scripts/chromium';
import { PageStatus } from '../../lib/extension/messages';

/**
 * The end-to-end harness: a static server on 127.0.0.1 and Debian's Chromium with the built
 * extension. Fixture pages are opened at http://xxgk.test.gov.cn:<port>/… (mapped to 127.0.0.1) so
 * the content script's default *.gov.cn match applies. Every request the browser makes is recorded.
 */
const root = process.cwd();
export const extensionDir = resolve(root, '.output/chrome-mv3');
const MOUNTS: [string, string][] = [
  ['/node_modules/', resolve(root, 'node_modules')],
  ['/seeds/', resolve(root, 'tests/fixtures')],
  ['/fixtures/', resolve(root, 'tests/e2e/fixtures')],
  ['/', resolve(root, 'tests/e2e/fixtures')],
];
export const HOST = 'xxgk.test.gov.cn';

/** The few chrome.* calls made inside the service worker (evaluated there, typed here). */
declare const chrome: {
  tabs: {
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  scripting: {
    executeScript(o: {
      target: { tabId: number; frameIds: number[] };
      func: (key: string) => boolean;
      args: [string];
    }): Promise<{ result?: unknown }[]>;
  };
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Fixture pages name a seed instead of copying it: {{seed-lines:003}} becomes one <p> per line,
 * {{seed-text:003}} the escaped text (for a textarea), {{seed-json:003}} a JS string literal.
 */
async function expandSeeds(html: string): Promise<string> {
  const names = new Set([...html.matchAll(/\{\{seed-(?:lines|text|json):(\d{3})\}\}/g)].map((m) => m[1]!));
  for (const n of names) {
    const dir = MOUNTS[1]![1];
    const file = (await readdir(dir)).find((f) => f.startsWith(`${n}_`));
    if (!file) throw new Error(`no seed ${n}`);
    const text = (await readFile(join(dir, file), 'utf8')).replace(/\r\n?/g, '\n');
    const lines = text
      .split('\n')
      .map((l) => `<p>${escapeHtml(l) || '<br>'}</p>`)
      .join('\n');
    html = html
      .replaceAll(`{{seed-lines:${n}}}`, lines)
      .replaceAll(`{{seed-text:${n}}}`, escapeHtml(text))
      .replaceAll(`{{seed-json:${n}}}`, JSON.stringify(text).replace(/</g, '\\u003c'));
  }
  return html;
}

/** Files a test makes while it runs (a PDF it printed), served under /generated/. */
type Generated = Map<string, { body: Uint8Array; type: string }>;

function serve(generated: Generated): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const made = generated.get(path);
      if (made) {
        res.writeHead(200, { 'content-type': made.type, 'cache-control': 'no-store' });
        res.end(made.body);
        return;
      }
      const [prefix, dir] = MOUNTS.find(([p]) => path.startsWith(p))!;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir + sep)) throw new Error('outside');
      const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      let body: Buffer | string = await readFile(target);
      if (type.startsWith('text/html')) body = await expandSeeds(body.toString('utf8'));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export interface Opened {
  page: Page;
  tabId: number;
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  port: number;
  /** A fixture page's address on the mapped gov.cn host. */
  url(path: string): string;
  /** Opens a fixture page in a new tab and returns it with its tab id. */
  open(path: string, host?: string): Promise<Opened>;
  tabIdOf(page: Page): Promise<number>;
  /** sidepanel.html?tab=<tabId> in a tab of its own (Playwright cannot see the real side panel). */
  openPanel(tabId: number): Promise<Page>;
  /** popup.html, options.html … */
  extensionPage(name: string): Promise<Page>;
  /** Asks a tab's content script (frame 0) what it found, as the side panel does. */
  status(tabId: number): Promise<PageStatus>;
  /** Polls a tab's status until `ok` holds of it (edits are checked after a debounce), and returns it. */
  statusWhen(tabId: number, ok: (s: PageStatus) => boolean, timeout?: number): Promise<PageStatus>;
  /** Sends any message to a tab's content script (frame 0) and returns its answer. */
  send(tabId: number, message: unknown): Promise<unknown>;
  /** Serves bytes the test made at /generated/<name>, returning that path. */
  put(name: string, body: Uint8Array, type: string): string;
  /** Every URL requested during the run. */
  requests: string[];
  /** Requests that went anywhere but 127.0.0.1, the mapped host and the extension itself. */
  foreignRequests(): string[];
  close(): Promise<void>;
}

export const chromiumArgs = (dir: string) => [
  `--disable-extensions-except=${dir}`,
  `--load-extension=${dir}`,
  ...CHROMIUM_ARGS,
  // Panels open as tabs beside the page under test: keep the page's timers running at full speed.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  `--host-resolver-rules=MAP *.gov.cn 127.0.0.1`,
  '--lang=zh-CN',
];

export async function launch(): Promise<Harness> {
  await stat(join(extensionDir, 'manifest.json')).catch(() => {
    throw new Error(`no built extension in ${extensionDir}: run npm run build first`);
  });
  const generated: Generated = new Map();
  const server = await serve(generated);
  const port = (server.address() as AddressInfo).port;
  const profile = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  // A copy of the build, so that a build started meanwhile cannot pull files from under the browser.
  const loaded = join(profile, 'extension');
  await cp(extensionDir, loaded, { recursive: true });
  const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1100, height: 900 },
    args: chromiumArgs(loaded),
    // Chromium on Linux takes its UI language (and so the extension's locale) from LANGUAGE. LANG stays a
    // locale the machine has (C.UTF-8): under one it lacks (zh_CN.UTF-8 here) the C library falls back to
    // ASCII, and Chromium names a download with Chinese characters "download".
    env: { ...process.env, LANGUAGE: 'zh_CN:zh', LANG: 'C.UTF-8' },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  for (const p of context.pages()) await p.close().catch(() => {});

  const url = (path: string, host = HOST) => `http://${host}:${port}/${path.replace(/^\//, '')}`;
  const tabIdOf = async (page: Page) => {
    await page.bringToFront();
    const id = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    if (id < 0) throw new Error('no active tab');
    return id;
  };
  // As the panel does (components/panel/page.ts): a content script that does not listen yet, on a
  // page that holds no report, is woken and asked once more.
  const send = (tabId: number, message: unknown) =>
    worker.evaluate(
      async ([id, m, key]) => {
        const ask = () => chrome.tabs.sendMessage(id, m, { frameId: 0 });
        try {
          return await ask();
        } catch (error) {
          const [woken] = await chrome.scripting.executeScript({
            target: { tabId: id, frameIds: [0] },
            func: (k: string) => (globalThis as unknown as Record<string, { listen(): boolean }>)[k]?.listen() ?? false,
            args: [key],
          });
          if (woken?.result !== true) throw error;
          return ask();
        }
      },
      [tabId, message, LOADER_KEY] as const,
    );
  const allowed = (u: string) => {
    const { protocol, hostname, port: p } = new URL(u);
    if (['chrome-extension:', 'data:', 'blob:', 'about:', 'javascript:'].includes(protocol)) return true;
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    return (hostname === '127.0.0.1' || hostname.endsWith('.gov.cn')) && p === String(port);
  };

  return {
    context,
    worker,
    extensionId,
    port,
    url,
    requests,
    put(name, body, type) {
      const path = `/generated/${name}`;
      generated.set(path, { body, type });
      return path;
    },
    async open(path, host) {
      const page = await context.newPage();
      await page.goto(url(path, host));
      return { page, tabId: await tabIdOf(page) };
    },
    tabIdOf,
    async openPanel(tabId) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
      return page;
    },
    async extensionPage(name) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}`);
      return page;
    },
    async status(tabId) {
      return PageStatus.parse(await send(tabId, { type: 'status' }));
    },
    async statusWhen(tabId, ok, timeout = 10_000) {
      let last: PageStatus | undefined;
      await expect
        .poll(
          async () => {
            last = PageStatus.parse(await send(tabId, { type: 'status' }));
            return ok(last);
          },
          { timeout },
        )
        .toBe(true);
      return last!;
    },
    send,
    foreignRequests: () => requests.filter((u) => !allowed(u)),
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Closes the browser, then asserts nothing it loaded went anywhere but the test server and the extension. */
export async function closeWithoutForeignRequests(h: Harness | undefined): Promise<void> {
  const foreign = h?.foreignRequests() ?? [];
  await h?.close();
  expect(foreign).toEqual([]);
}

/** The editor's own content, through the fixture page's `__getContent()` (its editor API). */
export const getContent = (page: Page) =>
  page.evaluate(() => (window as unknown as { __getContent(): string }).__getContent());
