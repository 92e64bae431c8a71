import { cac } from 'cac';
import { SingleBar } from 'cli-progress';
import { asPrevious } from '../lib/engine';
import { AuditOutput } from '../lib/report';
import { checkSource, expand, InputError } from './audit/input';
import { csvHeader, csvRow, human, markdown, Summary } from './audit/output';
import { run } from './audit/run';

/**
 * npm run audit -- [--json|--csv|--md] [--prev LAST_YEAR] PATH...
 * Exit 0: no finding is an error; 1: one is; 2: bad usage or unreadable input.
 */
const cli = cac('audit');
cli
  .usage('[--json|--csv|--md] [--prev 上年报告] 文件、文件夹或网址…')
  .option('--json', '输出一个 JSON 数组，每份报告一个对象')
  .option('--csv', '每份报告一行 CSV，最后在 stderr 给出汇总')
  .option('--md', '输出 Markdown 审阅单')
  .option('--prev <file>', '上年报告（文件或网址），用于核对结转数和重复段落')
  .option('--year <year>', '指定报告年度')
  .option('--jobs <n>', '并行进程数（默认为 CPU 核数）')
  .option('--quiet', '不显示进度')
  .help();

const { args, options } = cli.parse();
if (options.help) process.exit(0);

function fail(message: string): never {
  process.stderr.write(`audit: ${message}\n`);
  process.exit(2);
}

async function main() {
  const modes = ['json', 'csv', 'md'].filter((m) => options[m]);
  if (modes.length > 1) fail('--json、--csv、--md 只能选一个');
  if (!args.length) fail('请给出要检查的文件、文件夹或网址。用法：npm run audit -- [--json|--csv|--md] 路径…');
  const mode = modes[0] ?? 'text';
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && !Number.isInteger(year)) fail(`--year 应为年份：${options.year}`);
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);

  let previous;
  if (options.prev) {
    try {
      previous = asPrevious(await checkSource(String(options.prev)));
    } catch (e) {
      fail((e as Error).message);
    }
  }

  // Fail on a missing path before printing anything.
  const sources: string[] = [];
  try {
    for await (const s of expand(args)) sources.push(s);
  } catch (e) {
    if (e instanceof InputError) fail(e.message);
    throw e;
  }
  if (!sources.length) fail(`没有找到 .html、.htm 或 .txt 文件：${args.join(' ')}`);

  const out = process.stdout;
  const bar = !options.quiet && process.stderr.isTTY && sources.length > 1 ? new SingleBar({ format: '检查中 {bar} {value}/{total}', hideCursor: true, stream: process.stderr }) : null;
  bar?.start(sources.length, 0);
  const summary = new Summary();
  const unreadable: string[] = [];
  let first = true;
  if (mode === 'json') out.write('[');
  if (mode === 'csv') out.write(csvHeader());
  async function* list() {
    yield* sources;
  }
  for await (const outcome of run(list(), { jobs: sources.length < 8 ? 1 : jobs, previous, year })) {
    bar?.increment();
    if (!outcome.report) {
      summary.failed++;
      unreadable.push(outcome.error ?? outcome.source);
      continue;
    }
    const r = outcome.report;
    summary.add(r);
    if (mode === 'json') {
      AuditOutput.parse([r]);
      out.write((first ? '\n' : ',\n') + JSON.stringify(r));
    } else if (mode === 'csv') out.write(csvRow(r));
    else if (mode === 'md') out.write(markdown(r));
    else out.write(human(r) + '\n');
    first = false;
  }
  bar?.stop();
  if (mode === 'json') out.write('\n]\n');
  if (mode === 'csv' || (mode === 'text' && sources.length > 1)) process.stderr.write(summary.toString() + '\n');
  for (const message of unreadable) process.stderr.write(`audit: ${message}\n`);
  if (unreadable.length) process.exitCode = 2;
  else process.exitCode = summary.withErrors ? 1 : 0;
}

main().catch((e) => fail((e as Error).stack ?? String(e)));
