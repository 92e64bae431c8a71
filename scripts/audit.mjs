#!/usr/bin/env node
/**
 * npm run audit: runs scripts/audit.ts from one plain-JavaScript bundle kept in node_modules/.cache,
 * made again by esbuild whenever one of its sources is newer. Starting through a TypeScript loader
 * costs seconds on a small machine; this costs a few file stats.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const cache = join(root, 'node_modules/.cache/nianbao');
const bundle = join(cache, 'audit.mjs');
const inputs = join(cache, 'audit.inputs.json');

function fresh() {
  if (!existsSync(bundle) || !existsSync(inputs)) return false;
  const built = statSync(bundle).mtimeMs;
  try {
    return JSON.parse(readFileSync(inputs, 'utf8')).every((f) => statSync(join(root, f)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (!fresh()) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(root, 'scripts/audit.ts')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    write: false,
    // Small libraries go into the bundle (resolving and compiling dozens of module files is most of
    // a start); the file readers load from node_modules only when a file needs them, esbuild as itself.
    external: ['pdfjs-dist', 'mammoth', 'word-extractor', 'esbuild'],
    // CommonJS libraries in an ESM bundle call require for Node's own modules.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    // The one module that reads its own location: scripts/audit/run.ts finds worker.ts beside itself.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'scripts/audit/run.ts')).href) },
    metafile: true,
    logLevel: 'error',
  });
  // Written aside and renamed into place: test runs start several audits at once.
  mkdirSync(cache, { recursive: true });
  const put = (file, data) => {
    writeFileSync(`${file}.${process.pid}`, data);
    renameSync(`${file}.${process.pid}`, file);
  };
  put(bundle, result.outputFiles[0].contents);
  put(inputs, JSON.stringify(Object.keys(result.metafile.inputs)));
}

// Bare imports in the bundle resolve from node_modules/.cache/nianbao, that is from the project's node_modules.
await import(pathToFileURL(bundle).href);
