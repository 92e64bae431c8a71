import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { checkText } from '../lib/check/engine';
import { checkHtml, parsePage } from '../lib/review/html';
import { escapeHtml } from '../lib/write/snippets/table';
import { countyReport2021, generateFolder, hugePage } from './gen-reports';

/** Where docs/benchmarks.md's mutation-testing section starts (written by hand from `npm run mutate`). */
const MUTATION_MARKER = '<!-- mutation -->';

/**
 * npm run bench: the engine's time per report in Node and in Chromium beside the floor (reading the
 * same page's text once), axe-core's axe.run for scale, and the audit command's throughput and peak
 * memory on generated folders. Writes docs/benchmarks.md and the README's performance table.
 */

const root = resolve(fileURLToPath(import.meta.url), '../..');
const SEEDS = [
  '000_44aebc5475f13285.txt',
  '001_c97c571f5e04231d.txt',
  '002_b149f0f934cd76e1.txt',
  '003_422ee649bd0c999e.txt',
  '004_90225ff58829eda7.txt',
];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

interface Case {
  name: string;
  html: string;
  /** The plain text, where the case has one (the seeds are .txt files). */
  text?: string;
}

/** A seed as a published page shows it: one paragraph per line, inside a little site chrome. */
const seedPage = (text: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="nav">首页 政务公开</div><div id="zoom">${text
    .split('\n')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}</div><div class="footer">备案号</div></body></html>`;

/**
 * Median time per call over `samples` samples, each long enough (≥ minMs) for a coarse timer:
 * Chromium's performance.now() resolves 0.1 ms. The same source runs in the page.
 */
function measure(fn: () => unknown, minMs: number, samples: number): number {
  fn();
  let n = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    if (performance.now() - t >= minMs || n >= 1 << 20) break;
    n *= 2;
  }
  const per: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    per.push((performance.now() - t) / n);
  }
  per.sort((a, b) => a - b);
  return per[samples >> 1]!;
}

const big = (c: Case) => c.html.length > 1_000_000;
const settings = (c: Case) => (big(c) ? { minMs: 1, samples: 5 } : { minMs: 60, samples: 11 });

/** One TreeWalker pass collecting every text node: what merely reading the page costs. */
function walkText(root: Node, doc: Document): number {
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
  return parts.join('').length;
}

function nodeTimes(c: Case) {
  const { minMs, samples } = settings(c);
  const check = measure(() => checkHtml(c.html), minMs, samples);
  // The same parse the check uses, then one pass over the body's text.
  const floor = measure(() => (parsePage(c.html).body?.textContent ?? '').length, minMs, samples);
  const text = c.text === undefined ? null : measure(() => checkText(c.text!), minMs, samples);
  return { check, floor, text };
}

async function bundleEngine(dir: string): Promise<string> {
  const entry = join(dir, 'entry.ts');
  await writeFile(entry, `export { checkDom, checkPage } from ${JSON.stringify(join(root, 'lib/check/engine'))};\n`);
  const out = join(dir, 'engine.js');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'nianbao',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    outfile: out,
    logLevel: 'error',
  });
  return out;
}

interface BrowserTimes {
  check: number;
  floor: number;
  axe?: number;
}

async function browserTimes(
  cases: Case[],
  bundle: string,
  axeCase: string,
): Promise<{ version: string; times: Map<string, BrowserTimes> }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const times = new Map<string, BrowserTimes>();
  try {
    const page = await browser.newPage();
    for (const c of cases) {
      await page.setContent(c.html, { waitUntil: 'load' });
      await page.addScriptTag({ path: bundle });
      await page.addScriptTag({
        content: `var __name = (f) => f; window.measure = ${measure.toString()}; window.walkText = ${walkText.toString()};`,
      });
      const t = await page.evaluate(({ minMs, samples }) => {
        const w = window as unknown as {
          measure: typeof measure;
          walkText: typeof walkText;
          nianbao: { checkPage(d: Document): unknown };
        };
        const check = w.measure(() => w.nianbao.checkPage(document), minMs, samples);
        const floor = w.measure(() => w.walkText(document.body, document), minMs, samples);
        return { check, floor };
      }, settings(c));
      if (c.name === axeCase) {
        await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
        const axe = await page.evaluate(async () => {
          const run = (window as unknown as { axe: { run(d: Document): Promise<unknown> } }).axe.run;
          const per: number[] = [];
          for (let i = 0; i < 6; i++) {
            const t = performance.now();
            await run(document);
            per.push(performance.now() - t);
          }
          per.shift(); // the first run builds axe's caches
          return per.sort((a, b) => a - b)[2]!;
        });
        times.set(c.name, { ...t, axe });
      } else times.set(c.name, t);
    }
    return { version: browser.version(), times };
  } finally {
    await browser.close();
  }
}

/**
 * The audit command on a folder: wall time, CPU time (user + system, all threads: the fair "per
 * core" measure on a shared machine) and peak RSS, all from GNU time.
 */
function cli(
  dir: string,
  jobs: number,
  nodeArgs: string[] = [],
): Promise<{ seconds: number; cpu: number; maxRssMb: number; rows: number }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const args = [
      '-v',
      process.execPath,
      ...nodeArgs,
      '--import',
      'tsx',
      join(root, 'scripts/audit.ts'),
      '--csv',
      '--quiet',
      '--jobs',
      String(jobs),
      dir,
    ];
    const child = spawn('/usr/bin/time', args, { cwd: root });
    let rows = -1;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      for (const c of b) if (c === 0x0a) rows++;
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', fail);
    child.on('close', () => {
      const figure = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(err)?.[1] ?? NaN);
      const rss = figure('Maximum resident set size \\(kbytes\\)');
      if (Number.isNaN(rss)) return fail(new Error(`no figures from /usr/bin/time:\n${err}`));
      done({
        seconds: (performance.now() - start) / 1000,
        cpu: figure('User time \\(seconds\\)') + figure('System time \\(seconds\\)'),
        maxRssMb: rss / 1024,
        rows,
      });
    });
  });
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(s.length > 1_000_000 ? 0 : 1)} kB`;

const startLoadavg = loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ');

async function main() {
  const tmp = await mkdtemp(join(tmpdir(), 'nianbao-bench-'));
  try {
    const cases: Case[] = [];
    for (const name of SEEDS) {
      const text = await readFile(join(root, 'tests/fixtures', name), 'utf8');
      cases.push({ name: `seed ${name.slice(0, 3)}`, html: seedPage(text), text });
    }
    const county = countyReport2021();
    cases.push({ name: '2021 county report (20,000 chars)', html: county.page, text: county.text });
    cases.push({ name: '5 MB page', html: hugePage() });

    process.stderr.write('Node…\n');
    const node = new Map(cases.map((c) => [c.name, nodeTimes(c)]));
    process.stderr.write('Chromium…\n');
    const bundle = await bundleEngine(tmp);
    const axeCase = 'seed 003';
    const { version, times } = await browserTimes(cases, bundle, axeCase);

    process.stderr.write('audit command on generated folders…\n');
    const small = join(tmp, 'r500');
    const large = join(tmp, 'r2000');
    await generateFolder(small, 500, 9);
    await generateFolder(large, 2000, 9);
    const jobs = availableParallelism();
    const runs: { jobs: number; n: number; seconds: number; cpu: number; maxRssMb: number; rows: number }[] = [];
    for (const j of [1, jobs])
      for (const [n, dir] of [
        [500, small],
        [2000, large],
      ] as const)
        runs.push({ jobs: j, n, ...(await cli(dir, j)) });
    // The live heap, not V8's lazy growth: the whole 2,000 in one thread with the old generation capped at 64 MB.
    const capped = await cli(large, 1, ['--max-old-space-size=64']);
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ');

    const startLoad = startLoadavg;
    const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${version.startsWith('1') ? `Chromium ${version}` : version}, headless`;
    const lines = [
      '# Benchmarks',
      '',
      `Measured by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}. Load average (1/5/15 min) at the start ${startLoad}, before the CLI runs ${load}: the machine is shared, so figures taken under load are slower than on an idle one.`,
      '',
      'Each figure is the median of repeated samples; each sample times enough calls to last at least 60 ms (the 5 MB page: one call, 5 samples), because Chromium’s timer resolves only 0.1 ms.',
      '',
      '- **check**: the whole engine on the page — `checkPage(document)` in Chromium (finds the article, reads it, runs every check), `checkHtml(html)` in Node (parse into lib/review/html.ts’s light DOM + the same).',
      '- **floor**: merely reading the same page’s text once — one TreeWalker pass collecting every text node in Chromium; in Node the same parse plus one pass over the body’s text.',
      '- **text**: `checkText` on the plain text (what the CLI does with a .txt file).',
      '',
      '## Engine time per report (ms)',
      '',
      '| page | size | Chromium check | Chromium floor | × floor | Node check | Node floor | × floor | Node text |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    for (const c of cases) {
      const b = times.get(c.name)!;
      const n = node.get(c.name)!;
      lines.push(
        `| ${c.name} | ${kb(c.html)} | ${ms(b.check)} | ${ms(b.floor)} | ${(b.check / b.floor).toFixed(1)} | ${ms(n.check)} | ${ms(n.floor)} | ${(n.check / n.floor).toFixed(1)} | ${n.text === null ? '—' : ms(n.text)} |`,
      );
    }
    const seedTimes = cases.filter((c) => c.name.startsWith('seed')).map((c) => times.get(c.name)!.check);
    const ratio = (name: string) => times.get(name)!.check / times.get(name)!.floor;
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    lines.push(
      '',
      'Targets (issue 3), in Chromium:',
      `- a full check of a seed-sized page under 1 ms: ${verdict(seedTimes.every((t) => t < 1))} (seeds ${seedTimes.map(ms).join(', ')} ms)`,
      `- the large report within 3× the floor: ${verdict(ratio(cases.at(-2)!.name) <= 3)} (${ratio(cases.at(-2)!.name).toFixed(1)}×)`,
      `- the 5 MB page within 3× the floor: ${verdict(ratio(cases.at(-1)!.name) <= 3)} (${ratio(cases.at(-1)!.name).toFixed(1)}×)`,
    );
    const axe = times.get(axeCase)!.axe!;
    lines.push(
      '',
      `For scale: axe-core \`axe.run(document)\` on the ${axeCase} page takes **${ms(axe)} ms** in the same Chromium (median of 5 after a first run); the engine’s full check of that page takes ${ms(times.get(axeCase)!.check)} ms.`,
    );

    const r = (n: number, j: number) => runs.find((x) => x.n === n && x.jobs === j)!;
    lines.push(
      '',
      '## The audit command on generated saved pages',
      '',
      'Folders from scripts/gen-reports.ts (2019 and 2021 formats, three tables each, 3 in 4 saved pages with site chrome and 1 in 5 of those in GBK, 1 in 4 plain text). `node --import tsx scripts/audit.ts --csv --quiet --jobs N DIR > /dev/null`. Wall and CPU time (user + system over all threads) include start-up: the TypeScript loader, and with --jobs > 1 bundling the worker once with esbuild. Peak memory is the maximum RSS GNU time reports for the process with its worker threads.',
      '',
      '| files | --jobs | wall (s) | CPU (s) | reports per CPU-second | peak RSS (MB) | CSV rows |',
      '|---|---|---|---|---|---|---|',
      ...runs.map(
        (x) =>
          `| ${x.n} | ${x.jobs} | ${x.seconds.toFixed(1)} | ${x.cpu.toFixed(1)} | ${(x.n / x.cpu).toFixed(0)} | ${x.maxRssMb.toFixed(0)} | ${x.rows} |`,
      ),
      `| 2000 | 1, \`--max-old-space-size=64\` | ${capped.seconds.toFixed(1)} | ${capped.cpu.toFixed(1)} | ${(2000 / capped.cpu).toFixed(0)} | ${capped.maxRssMb.toFixed(0)} | ${capped.rows} |`,
      '',
    );
    // The 1,500 files between the two runs, so start-up cancels out.
    const marginal = (j: number) => 1500 / (r(2000, j).cpu - r(500, j).cpu);
    const thread = 1500 / (r(2000, 1).seconds - r(500, 1).seconds);
    lines.push(
      `Steady rate, start-up cancelled (the 1,500 files between the 500 and 2,000 runs): one thread checks **${thread.toFixed(0)} reports/s** of wall time; per CPU-second, counting V8's garbage-collector and loader threads too, ${marginal(1).toFixed(0)} reports/s in one thread and ${marginal(jobs).toFixed(0)} per core with --jobs ${jobs}.`,
      `Target (issue 6), at least 200 reports/s per core on saved pages: ${thread >= 200 ? 'met' : '**not met**'} by one thread's wall-clock rate; ${marginal(1) >= 200 ? 'met' : '**not met**'} by the stricter CPU-second count.`,
      `Peak RSS with 2,000 files is ${r(2000, jobs).maxRssMb.toFixed(0)} MB against ${r(500, jobs).maxRssMb.toFixed(0)} MB with 500 (--jobs ${jobs}), ${r(2000, 1).maxRssMb.toFixed(0)} against ${r(500, 1).maxRssMb.toFixed(0)} MB in one thread. What difference there is, is V8 growing its heap lazily, not results held: with the old generation capped at 64 MB the same 2,000 files pass in ${capped.maxRssMb.toFixed(0)} MB with ${capped.rows} rows.`,
      '',
    );
    // The mutation scores below the marker come from `npm run mutate`, not from this script: kept as they are.
    const previous = await readFile(join(root, 'docs/benchmarks.md'), 'utf8').catch(() => '');
    const mutation = previous.indexOf(MUTATION_MARKER);
    const doc = lines.join('\n') + (mutation >= 0 ? `\n${previous.slice(mutation)}` : '');
    await writeFile(join(root, 'docs/benchmarks.md'), doc);
    process.stdout.write(doc);
    await updateReadme(cases, times, node, thread, r(2000, jobs).maxRssMb, r(500, jobs).maxRssMb, axe);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The README's `<!-- bench -->` line (or the table that replaced it last time) becomes a short table. */
async function updateReadme(
  cases: Case[],
  times: Map<string, BrowserTimes>,
  node: Map<string, ReturnType<typeof nodeTimes>>,
  thread: number,
  rss2000: number,
  rss500: number,
  axe: number,
) {
  const path = join(root, 'README.md');
  const readme = await readFile(path, 'utf8');
  const pick = ['seed 003', '2021 county report (20,000 chars)', '5 MB page'];
  const table = [
    '<!-- bench:start -->',
    '| 页面 page | Chromium 检查 check | 仅读取文本 floor | Node 检查 check |',
    '|---|---|---|---|',
    ...cases
      .filter((c) => pick.includes(c.name))
      .map(
        (c) =>
          `| ${c.name} | ${ms(times.get(c.name)!.check)} ms | ${ms(times.get(c.name)!.floor)} ms | ${ms(node.get(c.name)!.check)} ms |`,
      ),
    '',
    `axe-core axe.run on seed 003: ${ms(axe)} ms. \`npm run audit\`: ${thread.toFixed(0)} reports/s in one thread on saved pages; peak memory ${rss500.toFixed(0)} MB for 500 files, ${rss2000.toFixed(0)} MB for 2,000. Details: [docs/benchmarks.md](docs/benchmarks.md).`,
    '<!-- bench:end -->',
  ].join('\n');
  const block = /<!-- bench:start -->[\s\S]*?<!-- bench:end -->|<!-- bench -->/;
  if (!block.test(readme)) return process.stderr.write('README.md has no <!-- bench --> placeholder: left unchanged\n');
  await writeFile(path, readme.replace(block, table));
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
