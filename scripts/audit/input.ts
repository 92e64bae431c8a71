import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { CheckOptions, Checked } from '../../lib/check/engine';
import { checkFile } from '../../lib/review/files';

/** What the command reads: saved pages and texts, folders of them, and the URLs a reviewer names. */
export const EXTENSIONS = new Set(['.html', '.htm', '.txt', '.pdf', '.docx', '.doc']);
const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** A problem with the input the user gave: printed as is, exit code 2. */
export class InputError extends Error {}

/** Expands folders (recursively, in name order) into the files they hold; URLs pass through untouched. */
export async function* expand(paths: readonly string[]): AsyncGenerator<string> {
  for (const path of paths) {
    if (isUrl(path)) {
      yield path;
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`找不到文件或文件夹：${path}`);
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      yield* expand(
        entries
          .filter((e) => e.isDirectory() || (e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase())))
          .map((e) => join(path, e.name)),
      );
    } else if (EXTENSIONS.has(extname(path).toLowerCase())) yield path;
    else throw new InputError(`只能检查 .html、.htm、.txt、.pdf、.docx、.doc 文件、文件夹或网址：${path}`);
  }
}

/** Only what the user named is fetched, once, with a time limit. */
async function download(url: string, timeoutMs: number): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    const cause =
      (e as Error).name === 'TimeoutError'
        ? `${timeoutMs / 1000} 秒内没有响应`
        : ((e as { cause?: Error }).cause?.message ?? (e as Error).message);
    throw new InputError(`无法打开网址 ${url}：${cause}`);
  }
  if (!res.ok) throw new InputError(`无法打开网址 ${url}：HTTP ${res.status}`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
}

export type SourceOptions = CheckOptions & { timeoutMs?: number; followAttachments?: boolean };

async function readSource(
  source: string,
  timeoutMs: number,
): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  if (isUrl(source)) return download(source, timeoutMs);
  try {
    return { bytes: new Uint8Array(await readFile(source)), contentType: null };
  } catch (e) {
    throw new InputError(`无法读取文件 ${source}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function checkRead(source: string, read: { bytes: Uint8Array; contentType: string | null }, check: CheckOptions) {
  try {
    return await checkFile(read.bytes, source, { ...check, contentType: read.contentType });
  } catch (e) {
    throw new InputError(
      (e as Error).message.includes(source) ? (e as Error).message : `${source}：${(e as Error).message}`,
    );
  }
}

/**
 * Where a page's attachment lives: beside a saved page on disk, or on the page's own site (host, or
 * a host of the same site under gov.cn); null for any other host, which is never fetched.
 */
export function attachmentSource(page: string, href: string): string | null {
  if (isUrl(page)) {
    let url: URL;
    try {
      url = new URL(href, page);
    } catch {
      return null;
    }
    return /^https?:$/.test(url.protocol) && sameSite(new URL(page).hostname, url.hostname) ? url.href : null;
  }
  if (/^[a-z][\w+.-]*:/i.test(href)) return null;
  let path: string;
  try {
    path = decodeURIComponent(href.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  return join(dirname(page), path);
}

/** Hosts of one site: the same name, or the same last three labels under a two-level suffix such as gov.cn. */
function sameSite(a: string, b: string): boolean {
  if (a === b) return true;
  const site = (h: string) => {
    const labels = h.split('.');
    const keep = /^(?:gov|com|net|org|edu)\.[a-z]{2}$/.test(labels.slice(-2).join('.')) ? 3 : 2;
    return labels.slice(-keep).join('.');
  };
  return site(a) === site(b);
}

/**
 * Reads one file or URL and runs the engine on it; every failure is an InputError naming the source.
 * With `followAttachments`, a page whose report is only an attachment is checked through that file.
 */
export async function checkSource(source: string, options: SourceOptions = {}): Promise<Checked> {
  const { timeoutMs = 20000, followAttachments, ...check } = options;
  const page = await checkRead(source, await readSource(source, timeoutMs), check);
  if (!followAttachments) return page;
  const href = page.attachment?.href;
  if (!href) return page;
  const file = attachmentSource(source, href);
  if (!file) throw new InputError(`${source}：附件不在本网站，未下载：${href}`);
  const attached = await checkRead(file, await readSource(file, timeoutMs), {
    ...check,
    publishedAt: check.publishedAt ?? page.publishedAt ?? undefined,
  });
  return { ...attached, title: attached.title ?? page.title };
}
