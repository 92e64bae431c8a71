#!/usr/bin/env node
/**
 * npm start: installs what is missing, builds the extension, serves a local demo CMS page (the sample
 * draft in TinyMCE) on 127.0.0.1 and opens Chromium with the extension loaded. Without a display it
 * says so, prints the folder to load by hand, and runs the command-line audit on the same draft.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output/chrome-mv3');
const seed = 'tests/fixtures/003_422ee649bd0c999e.txt';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args) {
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(join(root, 'node_modules'))) {
  console.log('首次运行：安装依赖（npm ci）… / First run: installing dependencies (npm ci)…');
  run(['ci']);
}
run(['run', 'build']);

const browserPath = [
  process.env.CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p) => p && existsSync(p));
const display =
  process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32';

if (!display || !browserPath) {
  console.log(`
没有图形界面${browserPath ? '' : '（或未找到 Chromium）'}，无法打开浏览器。
No display${browserPath ? '' : ' (or no Chromium found)'}: the browser cannot be opened here.

在有图形界面的电脑上，把这个文件夹作为“已解压的扩展程序”加载：
On a machine with a display, load this folder as an unpacked extension:
  ${extension}

下面是命令行检查示例稿件的结果，也就是侧边栏会显示的内容：
Below, the command-line audit of the sample draft — what the side panel would show:
`);
  // The audit exits 1 when the draft has errors: that is its answer, not a failure of npm start.
  const audit = spawnSync(npm, ['run', '--silent', 'audit', '--', seed], { cwd: root, stdio: 'inherit' });
  process.exit(audit.status === 2 ? 2 : 0);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.gif': 'image/gif',
};
const mounts = [
  ['/node_modules/', join(root, 'node_modules')],
  ['/', join(root, 'tests/e2e/fixtures')],
];
const server = createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir + sep) || !(await stat(file)).isFile()) throw new Error('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404).end('not found');
  }
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  // A gov.cn name mapped to 127.0.0.1, so the extension runs there as it does on real government sites.
  const url = `http://xxgk.demo.gov.cn:${port}/demo.html`;
  console.log(
    `演示页面 / Demo page: ${url}（127.0.0.1:${port}）\n扩展文件夹 / Extension folder: ${extension}\n按 Alt+Shift+N 或点工具栏按钮打开检查面板。 / Press Alt+Shift+N or use the toolbar button to open the panel.`,
  );
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-demo-'));
  const browser = spawn(
    browserPath,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      `--host-resolver-rules=MAP *.gov.cn 127.0.0.1`,
      url,
    ],
    { stdio: 'ignore' },
  );
  browser.on('exit', () => server.close());
  process.on('SIGINT', () => browser.kill());
});
