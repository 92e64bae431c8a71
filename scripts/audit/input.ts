import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { CheckOptions, Checked } from '../../lib/check/engine';
import { checkBytes } from '../../lib/review/html';

/** What the command reads: saved pages and texts, folders of them, and the URLs a reviewer names. */
export const EXTENSIONS = new Set(['.html', '.htm', '.txt']);
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
    else throw new InputError(`只能检查 .html、.htm、.txt 文件、文件夹或网址：${path}`);
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

/** Reads one file or URL and runs the engine on it; every failure is an InputError naming the source. */
export async function checkSource(
  source: string,
  options: CheckOptions & { timeoutMs?: number } = {},
): Promise<Checked> {
  const { timeoutMs = 20000, ...check } = options;
  let bytes: Uint8Array;
  let contentType: string | null = null;
  if (isUrl(source)) ({ bytes, contentType } = await download(source, timeoutMs));
  else {
    try {
      bytes = new Uint8Array(await readFile(source));
    } catch (e) {
      throw new InputError(`无法读取文件 ${source}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  try {
    return checkBytes(bytes, source, { ...check, contentType });
  } catch (e) {
    throw new InputError(
      (e as Error).message.includes(source) ? (e as Error).message : `${source}：${(e as Error).message}`,
    );
  }
}
