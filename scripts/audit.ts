import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cac } from 'cac';
import { SingleBar } from 'cli-progress';
import { reportCsvHeader, Summary } from '../lib/review/audit';
import { chainKey, yearChains } from '../lib/review/chains';
import { reviewReportParts } from '../lib/review/report-html';
import { asPrevious, type Previous } from '../lib/check/engine';
import { CSV_BOM, plain } from '../lib/review/export';
import { checkSource, DEFAULT_MAX_MB, expand, InputError } from './audit/input';
import { run } from './audit/run';
import type { Mode, Outcome } from './audit/render';

/**
 * npm run audit -- [--json|--csv|--md|--html|--fix-preview] [-o FILE] [--prev LAST_YEAR] [--jobs N] [--max-size MB] [--quiet] PATH...
 * Exit 0: no finding is an error; 1: one is; 2: bad usage or an input that cannot be read.
 */
const USAGE =
  'npm run audit -- [--json|--csv|--md|--html|--fix-preview] [-o 输出文件] [--prev 上年报告] [--jobs N] [--max-size MB] [--quiet] 文件、文件夹或网址…';
const KNOWN = new Set([
  '--',
  'json',
  'csv',
  'md',
  'fix-preview',
  'html',
  'output',
  'o',
  'prev',
  'year',
  'jobs',
  'max-size',
  'quiet',
  'follow-attachments',
  'help',
  'h',
]);

const cli = cac('audit');
cli
  .usage('[--json|--csv|--md|--html|--fix-preview] [-o 输出文件] [--prev 上年报告] 文件、文件夹或网址…')
  .option('--json', '输出一个 JSON 数组，每份报告一个对象')
  .option('--csv', '每份报告一行 CSV（UTF-8，带 BOM），汇总写到 stderr')
  .option('--md', '输出 Markdown 审阅单')
  .option('--html', '输出一个独立的 HTML 审阅报告（概况、图表、逐份详情，可离线打开和打印）')
  .option('--fix-preview', '逐份列出可自动修正的问题，每项写成“旧 → 新”（不修改任何文件）')
  .option('-o, --output <file>', '写入文件（内容与标准输出完全相同），不写标准输出')
  .option('--prev <file>', '上年报告（文件或网址），用于核对上年结转数和照抄上年的段落')
  .option('--year <year>', '报告年度（页面未写明时）')
  .option('--jobs <n>', `并行检查的线程数（默认 ${availableParallelism()}，即 CPU 核数）`)
  .option('--max-size <MB>', `每个文件或网址最多读取的大小（解压后，默认 ${DEFAULT_MAX_MB} MB）`)
  .option('--follow-attachments', '页面只有附件（.pdf/.doc/.docx）时，下载同一网站上的附件并检查')
  .option('--quiet', '不显示进度条')
  .help();

/** Messages name files and URLs, whose names may hold control characters: each line is made plain. */
const say = (message: string) => process.stderr.write(`audit: ${message.split('\n').map(plain).join('\n')}\n`);

function fail(message: string): never {
  say(message);
  process.exit(2);
}

let parsed: ReturnType<typeof cli.parse>;
try {
  parsed = cli.parse(process.argv, { run: false });
} catch (e) {
  fail(`${(e as Error).message}\n用法：${USAGE}`);
}
const { options } = parsed;
const args = [...parsed.args];
if (options.help) process.exit(0);
// cac takes the path after a hyphenated flag for that flag's value: give it back to the paths, in place.
for (const flag of ['followAttachments', 'fixPreview'] as const)
  if (typeof options[flag] === 'string') {
    const path = options[flag];
    const at = process.argv.indexOf(path);
    args.splice(args.filter((a) => process.argv.indexOf(String(a)) < at).length, 0, path);
    options[flag] = true;
  }

// Reading stops quietly when the reader of our output goes away (`| head`).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

let out: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout;
let output: string | undefined;
async function write(s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}
/** Waits until a file given with -o holds every byte (stdout needs no closing). */
async function close(): Promise<void> {
  if (out === process.stdout) return;
  const file = out as WriteStream;
  file.end();
  await once(file, 'close');
}

function count(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`${name} 应为整数：${String(value)}`);
  return n;
}

async function main(): Promise<void> {
  const unknown = Object.keys(options).filter(
    (k) => !KNOWN.has(k) && !KNOWN.has(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)),
  );
  if (unknown.length) fail(`未知选项：${unknown.map((k) => `--${k}`).join(' ')}\n用法：${USAGE}`);
  const modes = (['json', 'csv', 'md', 'html', 'fix'] as const).filter((m) => options[m === 'fix' ? 'fixPreview' : m]);
  if (modes.length > 1) fail('--json、--csv、--md、--html、--fix-preview 只能选一个');
  if (!args.length) fail(`请给出要检查的文件、文件夹或网址。\n用法：${USAGE}`);
  const mode: Mode = modes.length ? modes[0]! : 'text';
  const year = count(options.year, '--year', 1990);
  const jobs = count(options.jobs, '--jobs', 1) ?? availableParallelism();
  const maxMb = count(options.maxSize, '--max-size', 1) ?? DEFAULT_MAX_MB;

  let previous: Previous | undefined;
  if (options.prev !== undefined) {
    if (typeof options.prev !== 'string' || !options.prev) fail('--prev 需要上年报告的文件或网址');
    try {
      previous = asPrevious(await checkSource(options.prev, { maxMb, notice: (m) => say(`上年报告：${m}`) }));
    } catch (e) {
      fail(`上年报告：${(e as Error).message}`);
    }
  }

  // Every path is resolved before anything is printed: a typo fails at once, naming the path.
  const sources: string[] = [];
  try {
    for await (const s of expand(args.map(String), { notice: say })) sources.push(s);
  } catch (e) {
    if (e instanceof InputError) fail(e.message);
    throw e;
  }
  if (!sources.length) fail(`没有找到 .html、.htm、.txt、.pdf、.docx 或 .doc 文件：${args.join(' ')}`);

  if (options.output !== undefined) {
    if (typeof options.output !== 'string' || !options.output) fail('-o 需要输出文件名');
    output = options.output;
    // Opened before any checking (a path that cannot be written fails at once), after the inputs are listed (it is none of them).
    const file = createWriteStream(output);
    await new Promise<void>((ok) => {
      file.once('open', () => ok());
      file.once('error', (e: NodeJS.ErrnoException) => fail(`无法写入 ${output}：${e.code ?? e.message}`));
    });
    out = file;
  }

  const showBar = !options.quiet && process.stderr.isTTY && sources.length > 1 && !(mode === 'text' && out.isTTY);
  const bar = showBar
    ? new SingleBar({
        format: '检查中 {bar} {value}/{total} 份 | {eta_formatted}',
        hideCursor: true,
        stream: process.stderr,
      })
    : null;
  bar?.start(sources.length, 0);

  const summary = new Summary();
  const unreadable: string[] = [];
  // While the progress bar draws on stderr, messages wait for the end.
  const later: string[] = [];
  const tell = (m: string) => (bar ? later.push(m) : say(m));
  // Threads pay off only past a handful of files: bundling the worker and starting them costs about a second.
  const threadsFor = (n: number) => (n >= 4 * jobs ? jobs : 1);
  const check = { mode, previous, year, maxMb, followAttachments: !!options.followAttachments };
  async function* each<T>(items: readonly T[]) {
    yield* items;
  }

  // Every report is checked before anything is written: the year-to-year chains need the whole batch.
  const outcomes: Outcome[] = [];
  // In one thread a chain is made while reading when the earlier year came first: a report is checked
  // against the first report read of its unit and the year before, unless one of its own unit and year came first.
  const firstOf = new Map<string, number>();
  const previousOf = (unit: string | null, year: number | null) => {
    if (!unit || year === null || firstOf.has(chainKey(unit, year))) return undefined;
    const from = firstOf.get(chainKey(unit, year - 1));
    return from === undefined ? undefined : outcomes[from]!.previous;
  };
  for await (const outcome of run(each(sources), { ...check, previousOf, jobs: threadsFor(sources.length) })) {
    bar?.increment();
    outcomes.push(outcome);
    if (outcome.out !== undefined && outcome.unit && outcome.year != null) {
      const key = chainKey(outcome.unit, outcome.year);
      if (!firstOf.has(key)) firstOf.set(key, outcomes.length - 1);
    }
    for (const notice of outcome.notices ?? []) tell(notice);
    if (outcome.out === undefined) tell(outcome.error ?? outcome.source);
  }
  // The same unit in consecutive years: a later report not yet checked against its earlier one (it came
  // first, or threads read them) is checked again, with the earlier as this batch already read it.
  const chains = yearChains(outcomes.map((o) => (o.out === undefined ? null : o)));
  const pending = chains.filter((c) => outcomes[c.to]!.lastYear !== outcomes[c.from]!.previous?.source);
  if (pending.length) {
    bar?.setTotal(sources.length + pending.length);
    const jobsList = pending.map((c) => ({ source: sources[c.to]!, previous: outcomes[c.from]!.previous }));
    let k = 0;
    for await (const outcome of run(each(jobsList), { ...check, jobs: threadsFor(pending.length) })) {
      bar?.increment();
      if (outcome.out !== undefined) outcomes[pending[k]!.to] = outcome;
      k++;
    }
  }
  bar?.stop();

  const readable = outcomes.filter((o) => o.out !== undefined && o.findings);
  for (const o of outcomes) {
    if (o.out === undefined || !o.findings) {
      summary.unreadable++;
      unreadable.push(o.error ?? o.source);
    } else summary.add({ findings: o.findings });
  }

  if (mode === 'json') await write(readable.length ? `[\n${readable.map((o) => o.out).join(',\n')}\n]\n` : '[]\n');
  else if (mode === 'csv') await write(CSV_BOM + reportCsvHeader() + readable.map((o) => o.out).join(''));
  else if (mode === 'md')
    await write(
      `# 政府信息公开工作年度报告审阅单\n\n检查日期：${new Date().toISOString().slice(0, 10)}；共 ${sources.length} 份\n\n${readable.map((o) => o.out).join('')}## 汇总\n\n${summary.toMarkdown()}`,
    );
  else if (mode === 'html') {
    // Chains index all outcomes; the page lists the readable ones only.
    const index = new Map<number, number>();
    outcomes.forEach((o, i) => o.out !== undefined && o.findings && index.set(i, index.size));
    const parts = reviewReportParts({
      reports: readable.map((o) => o.report!),
      chains: chains.map((c) => ({ from: index.get(c.from)!, to: index.get(c.to)! })),
      unreadable,
      links: readable.map((o) => sourceLink(o.source)),
      checkedAt: new Date(),
    });
    for (const part of parts) await write(part);
  } else for (const o of readable) await write(o.out!);
  await close();

  if (mode === 'csv' || mode === 'html' || (mode === 'text' && sources.length > 1))
    process.stderr.write(summary.toString());
  for (const message of later) say(message);
  if (output) process.stderr.write(`已写入 ${plain(output)}\n`);
  process.exitCode = unreadable.length ? 2 : summary.withErrors ? 1 : 0;
}

/** Where the HTML report links a source: the URL itself, or the file as a file:// address that works from anywhere. */
function sourceLink(source: string): string {
  return /^https?:\/\//i.test(source) ? source : pathToFileURL(resolve(source)).href;
}

main().catch((e) => fail((e as Error).stack ?? String(e)));
