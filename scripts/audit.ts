import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { cac } from 'cac';
import { SingleBar } from 'cli-progress';
import { reportCsvHeader, Summary } from '../lib/review/audit';
import { asPrevious, type Previous } from '../lib/check/engine';
import { CSV_BOM, plain } from '../lib/review/export';
import { checkSource, DEFAULT_MAX_MB, expand, InputError } from './audit/input';
import { run } from './audit/run';

/**
 * npm run audit -- [--json|--csv|--md] [--prev LAST_YEAR] [--jobs N] [--max-size MB] [--quiet] PATH...
 * Exit 0: no finding is an error; 1: one is; 2: bad usage or an input that cannot be read.
 */
const USAGE =
  'npm run audit -- [--json|--csv|--md|--fix-preview] [--prev 上年报告] [--jobs N] [--max-size MB] [--quiet] 文件、文件夹或网址…';
const KNOWN = new Set([
  '--',
  'json',
  'csv',
  'md',
  'fix-preview',
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
  .usage('[--json|--csv|--md] [--prev 上年报告] 文件、文件夹或网址…')
  .option('--json', '输出一个 JSON 数组，每份报告一个对象')
  .option('--csv', '每份报告一行 CSV（UTF-8，带 BOM），汇总写到 stderr')
  .option('--md', '输出 Markdown 审阅单')
  .option('--fix-preview', '逐份列出可自动修正的问题，每项写成“旧 → 新”（不修改任何文件）')
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
if (typeof options.followAttachments === 'string') {
  const path = options.followAttachments;
  const at = process.argv.indexOf(path);
  args.splice(args.filter((a) => process.argv.indexOf(String(a)) < at).length, 0, path);
  options.followAttachments = true;
}

// Reading stops quietly when the reader of our output goes away (`| head`).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const out = process.stdout;
async function write(s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
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
  const modes = (['json', 'csv', 'md', 'fix'] as const).filter((m) => options[m === 'fix' ? 'fixPreview' : m]);
  if (modes.length > 1) fail('--json、--csv、--md、--fix-preview 只能选一个');
  if (!args.length) fail(`请给出要检查的文件、文件夹或网址。\n用法：${USAGE}`);
  const mode = (modes[0] as (typeof modes)[number] | undefined) ?? 'text';
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
  // While the progress bar draws on stderr, messages wait for the end.
  const later: string[] = [];
  const tell = (m: string) => (bar ? later.push(m) : say(m));
  if (mode === 'json') await write('[');
  if (mode === 'csv') await write(CSV_BOM + reportCsvHeader());
  if (mode === 'md')
    await write(
      `# 政府信息公开工作年度报告审阅单\n\n检查日期：${new Date().toISOString().slice(0, 10)}；共 ${sources.length} 份\n\n`,
    );

  // Threads pay off only past a handful of files: bundling the worker and starting them costs about a second.
  const threads = sources.length >= 4 * jobs ? jobs : 1;
  async function* list() {
    yield* sources;
  }
  let first = true;
  for await (const outcome of run(list(), {
    mode,
    jobs: threads,
    previous,
    year,
    maxMb,
    followAttachments: !!options.followAttachments,
  })) {
    bar?.increment();
    for (const notice of outcome.notices ?? []) tell(notice);
    if (outcome.out === undefined || !outcome.findings) {
      summary.unreadable++;
      tell(outcome.error ?? outcome.source);
      continue;
    }
    summary.add({ findings: outcome.findings });
    await write(mode === 'json' ? (first ? '\n' : ',\n') + outcome.out : outcome.out);
    first = false;
  }
  bar?.stop();

  if (mode === 'json') await write(first ? ']\n' : '\n]\n');
  if (mode === 'md')
    await write(
      `## 汇总\n\n${summary
        .toString()
        .replace(/\n(?=.)/g, '\n- ')
        .replace(/\t/g, '：')}`,
    );
  if (mode === 'csv' || (mode === 'text' && sources.length > 1)) process.stderr.write(summary.toString());
  for (const message of later) say(message);
  process.exitCode = summary.unreadable ? 2 : summary.withErrors ? 1 : 0;
}

main().catch((e) => fail((e as Error).stack ?? String(e)));
