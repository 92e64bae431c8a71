import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { escapeHtml } from '../lib/write/snippets/table';

const root = resolve(fileURLToPath(import.meta.url), '../..');

/**
 * The engine under `lib` (this tree's, or one taken from another revision) as one script for a page,
 * setting globalThis[name] = { checkDom, checkPage }; written into `dir`, its path returned.
 */
export async function bundleEngine(dir: string, name = 'nianbao', lib = join(root, 'lib')): Promise<string> {
  const entry = join(dir, `${name}.ts`);
  await writeFile(entry, `export { checkDom, checkPage } from ${JSON.stringify(join(lib, 'check/engine'))};\n`);
  const out = join(dir, `${name}.js`);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: name,
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    outfile: out,
    // A lib taken out of another revision finds its libraries in this tree's node_modules.
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'error',
  });
  return out;
}

/** What npm run bench and scripts/bench-ab.ts check in Chromium: the seed reports, as published pages. */
export const SEEDS = [
  '000_44aebc5475f13285.txt',
  '001_c97c571f5e04231d.txt',
  '002_b149f0f934cd76e1.txt',
  '003_422ee649bd0c999e.txt',
  '004_90225ff58829eda7.txt',
];

/** A seed as a published page shows it: one paragraph per line, inside a little site chrome. */
export const seedPage = (text: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="nav">首页 政务公开</div><div id="zoom">${text
    .split('\n')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}</div><div class="footer">备案号</div></body></html>`;
