import { closeSync, constants, fstatSync, openSync, readFileSync, type Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { CheckOptions, Checked } from '../../lib/check/engine';
import { plain } from '../../lib/review/export';
import { checkFile } from '../../lib/review/files';
import { joinChunks } from '../../lib/review/files/read';
import { attachmentUrl, sameSite } from '../../lib/read/attachments';

/** What the command reads: saved pages and texts, folders of them, and the URLs a reviewer names. */
export const EXTENSIONS = new Set(['.html', '.htm', '.txt', '.pdf', '.docx', '.doc']);
const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** A problem with the input the user gave: printed as is, exit code 2. Its message names the file or URL. */
export class InputError extends Error {}

/** A report is at most a few megabytes, even as a PDF; more than this (after gzip is undone) is no report. */
export const DEFAULT_MAX_MB = 20;
const MB = 1024 * 1024;
/** Sites move their reports once or twice; a chain longer than this goes in circles. */
const MAX_REDIRECTS = 5;

/** How inputs are read; `notice` hears what was done without asking (a redirect followed, a link skipped). */
export type ReadOptions = { timeoutMs?: number; maxMb?: number; notice?: (message: string) => void };
export type SourceOptions = CheckOptions & ReadOptions & { followAttachments?: boolean };

/** File and URL names as printed: a name can hold control characters meant for the terminal. */
const named = (s: string) => plain(s);
const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

type Kind = { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean };
function kindOf(info: Kind): string {
  if (info.isFIFO()) return '命名管道（FIFO）';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '设备文件';
  if (info.isSocket()) return '套接字';
  return '特殊文件';
}

/**
 * Expands folders (recursively, in name order) into the files they hold; URLs pass through untouched.
 * A symbolic link is followed to what it points at, each real folder is entered once (a link back to
 * a folder already entered is a loop: skipped, with a notice), and a broken link, a second link to
 * one file or a special file (FIFO, device, socket) inside a folder is skipped with a notice. Named
 * on the command line, a special file is an error: reading a FIFO would wait forever.
 */
export async function* expand(
  paths: readonly string[],
  options: Pick<ReadOptions, 'notice'> = {},
): AsyncGenerator<string> {
  const entered = new Set<string>();
  const files = new Set<string>();
  const notice = options.notice ?? (() => {});

  async function* walk(path: string, given: boolean): AsyncGenerator<string> {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (e) {
      const link = await lstat(path).then(
        (l) => l.isSymbolicLink(),
        () => false,
      );
      const loop = (e as NodeJS.ErrnoException).code === 'ELOOP';
      if (given) {
        if (loop) throw new InputError(`符号链接循环，无法打开：${named(path)}`);
        throw new InputError(link ? `链接指向的文件不存在：${named(path)}` : `找不到文件或文件夹：${named(path)}`);
      }
      notice(`跳过${loop ? '循环的符号链接' : '指向不存在文件的链接'}：${named(path)}`);
      return;
    }
    if (info.isDirectory()) {
      const real = await realpath(path);
      if (entered.has(real)) {
        notice(`跳过已检查过的文件夹（链接循环或重复）：${named(path)}`);
        return;
      }
      entered.add(real);
      let entries: Dirent[];
      try {
        entries = await readdir(path, { withFileTypes: true });
      } catch (e) {
        throw new InputError(`无法读取文件夹 ${named(path)}：${errorCode(e)}`);
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const child = join(path, e.name);
        // A link is judged by what it points at (stat in walk); anything else by its name first.
        if (e.isDirectory() || e.isSymbolicLink()) yield* walk(child, false);
        else if (EXTENSIONS.has(extname(e.name).toLowerCase())) {
          if (e.isFile()) yield* walk(child, false);
          else notice(`跳过${kindOf(e)}：${named(child)}`);
        }
      }
      return;
    }
    if (!EXTENSIONS.has(extname(path).toLowerCase())) {
      // A shell's folder/* names the folder's notes and spreadsheets too: the reports beside them are still checked.
      if (given) notice(`跳过：只能检查 .html、.htm、.txt、.pdf、.docx、.doc 文件、文件夹或网址：${named(path)}`);
      return;
    }
    if (!info.isFile()) {
      if (given) throw new InputError(`不能检查${kindOf(info)}：${named(path)}`);
      notice(`跳过${kindOf(info)}：${named(path)}`);
      return;
    }
    // Two links to one report in a folder (or a link beside its target) check it once.
    const real = await realpath(path);
    if (!given && files.has(real)) {
      notice(`跳过重复的文件（链接到已检查的文件）：${named(path)}`);
      return;
    }
    files.add(real);
    yield path;
  }

  for (const path of paths) {
    if (isUrl(path)) yield path;
    else yield* walk(path, true);
  }
}

const tooBig = (what: string, maxMb: number) =>
  new InputError(`${what} 超过 ${maxMb} MB，不像是一份年度报告，已停止读取（可用 --max-size 调整上限）`);

/**
 * Reads a response body as it streams in, stopping as soon as it passes the cap: the count is of
 * the bytes after the server's gzip or brotli is undone, so a small compressed bomb stops at the cap.
 */
async function readCapped(res: Response, url: string, maxMb: number, timeoutMs: number): Promise<Uint8Array> {
  const max = maxMb * MB;
  const what = `网址 ${named(url)} 的内容`;
  if (!res.headers.get('content-encoding') && Number(res.headers.get('content-length')) > max) {
    await res.body?.cancel().catch(() => {});
    throw tooBig(what, maxMb);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      total += chunk.value.length;
      if (total > max) {
        await reader?.cancel().catch(() => {});
        throw tooBig(what, maxMb);
      }
      chunks.push(chunk.value);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const why =
      (e as Error).name === 'TimeoutError'
        ? `${timeoutMs / 1000} 秒内没有下载完`
        : `下载中断（${(e as { cause?: Error }).cause?.message ?? (e as Error).message}）`;
    throw new InputError(`无法读取网址 ${named(url)}：${why}`);
  }
  return joinChunks(chunks, total);
}

type Read = { bytes: Uint8Array; contentType: string | null; url?: string };
type DownloadOptions = Required<Pick<ReadOptions, 'timeoutMs' | 'maxMb'>> & Pick<ReadOptions, 'notice'>;

/**
 * Only what the user named is fetched, once, with a time limit for the whole download, body
 * included. Redirects are followed one by one (sites move their reports) and each is told: the page
 * checked is then not at the address given. `allowed` vets every address before it is requested.
 */
async function download(
  url: string,
  { timeoutMs, maxMb, notice }: DownloadOptions,
  allowed: (to: URL) => boolean = () => true,
): Promise<Read> {
  const signal = AbortSignal.timeout(timeoutMs);
  let at = url;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(at, { signal, redirect: 'manual' });
    } catch (e) {
      const cause =
        (e as Error).name === 'TimeoutError'
          ? `${timeoutMs / 1000} 秒内没有响应`
          : ((e as { cause?: Error }).cause?.message ?? (e as Error).message);
      throw new InputError(`无法打开网址 ${named(at)}：${cause}`);
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (location === null) {
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw new InputError(`无法打开网址 ${named(at)}：HTTP ${res.status}`);
      }
      return {
        bytes: await readCapped(res, at, maxMb, timeoutMs),
        contentType: res.headers.get('content-type'),
        url: at,
      };
    }
    await res.body?.cancel().catch(() => {});
    let to: URL | null = null;
    try {
      to = new URL(location, at);
    } catch {}
    if (!to || !/^https?:$/.test(to.protocol))
      throw new InputError(`网址 ${named(at)} 跳转到了无法打开的地址：${named(location)}`);
    if (!allowed(to)) throw new InputError(`网址 ${named(at)} 跳转到了其他网站，未下载：${named(to.href)}`);
    if (hop === MAX_REDIRECTS) throw new InputError(`网址 ${named(url)} 跳转超过 ${MAX_REDIRECTS} 次，已停止`);
    notice?.(`网址 ${named(at)} 跳转到了 ${named(to.href)}，检查的是跳转后的页面`);
    at = to.href;
  }
}

/**
 * A local file's bytes, refusing what is not a regular file. It is opened without blocking and
 * judged by the handle itself (no gap between a check and the read): a FIFO would otherwise hang
 * the read until a writer came, and a device would never end. Read synchronously: the thread checks
 * the file as soon as it has it, and the thread pool's round trips (open, stat, read, close) cost
 * more CPU than the read itself.
 */
function readLocal(path: string, maxMb: number): Read {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new InputError(`无法读取文件 ${named(path)}：${errorCode(e)}`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputError(`不能检查${kindOf(info)}：${named(path)}`);
    if (info.size > maxMb * MB) throw tooBig(`文件 ${named(path)}`, maxMb);
    // A plain Uint8Array over the Buffer's bytes: a Buffer's slice() shares them, and pdf.js refuses a Buffer.
    const read = readFileSync(fd);
    return { bytes: new Uint8Array(read.buffer, read.byteOffset, read.byteLength), contentType: null };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`无法读取文件 ${named(path)}：${errorCode(e)}`);
  } finally {
    closeSync(fd);
  }
}

async function checkRead(source: string, read: Read, check: CheckOptions) {
  try {
    return await checkFile(read.bytes, source, { ...check, contentType: read.contentType });
  } catch (e) {
    const message = plain((e as Error).message);
    throw new InputError(message.includes(named(source)) ? message : `${named(source)}：${message}`);
  }
}

/**
 * Where a page's attachment lives: beside a saved page on disk, or on the page's own site (host, or
 * a host of the same site under gov.cn); null for any other host, which is never fetched. A page
 * that was redirected resolves its links from where it ended up (`at`), but the site is still the
 * one the user named.
 */
export function attachmentSource(page: string, href: string, at = page): string | null {
  if (isUrl(page)) return attachmentUrl(page, href, at);
  if (/^[a-z][\w+.-]*:/i.test(href)) return null;
  let path: string;
  try {
    path = decodeURIComponent(href.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  return join(dirname(page), path);
}

/**
 * Reads one file or URL and runs the engine on it; every failure is an InputError naming the source.
 * With `followAttachments`, a page whose report is only an attachment is checked through that file,
 * fetched only from the page's own site, redirects included.
 */
export async function checkSource(source: string, options: SourceOptions = {}): Promise<Checked> {
  const { timeoutMs = 20000, maxMb = DEFAULT_MAX_MB, notice, followAttachments, ...check } = options;
  const read = (s: string, allowed?: (to: URL) => boolean) =>
    isUrl(s) ? download(s, { timeoutMs, maxMb, notice }, allowed) : readLocal(s, maxMb);
  const first = await read(source);
  const page = await checkRead(source, first, check);
  if (!followAttachments) return page;
  const href = page.attachment?.href;
  if (!href) return page;
  const file = attachmentSource(source, href, first.url);
  if (!file) throw new InputError(`${named(source)}：附件不在本网站，未下载：${named(href)}`);
  const site = isUrl(source) ? new URL(source).hostname : '';
  const attached = await checkRead(file, await read(file, (to) => sameSite(site, to.hostname)), {
    ...check,
    publishedAt: check.publishedAt ?? page.publishedAt ?? undefined,
  });
  return { ...attached, title: attached.title ?? page.title };
}
