import workerSrc from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { checkPage, type CheckOptions, type Checked } from '../../lib/check/engine';
import { attachmentUrl, sameSite } from '../../lib/read/attachments';
import { checkDoc, checkDocx, checkPdf, fileKind, joinChunks, type FileKind } from '../../lib/review/files/read';
import { loadPdfJs } from '../../lib/review/files/pdf';
import { t } from '../panel/t';

/**
 * 检查附件: the report a published page links as a file, fetched at the reviewer's click from the
 * site the page is on and read here in the panel. This module is loaded only on that click (pdf.js
 * and mammoth in chunks of their own; a .doc is read by lib/review/files/doc-text.ts), so the
 * panel's first load and the content script carry none of it. The fetch is the panel's own (an
 * extension page with the site's host permission, so no CORS and no page script sees the bytes), to
 * the page's site only, without cookies, capped in size and time; nothing else leaves the browser.
 */

/** As the CLI's downloads (audit --max-size): larger than any report with a text layer; more is not read. */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

class AttachmentError extends Error {}

/** The file's bytes, read as they come so that a file over the cap is dropped without being held. */
async function download(url: string, maxBytes: number): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new AttachmentError(
      (e as Error).name === 'TimeoutError' ? t('attachmentTimeout', String(TIMEOUT_MS / 1000)) : t('attachmentNetwork'),
    );
  }
  if (!res.ok) throw new AttachmentError(t('attachmentHttp', String(res.status)));
  // A redirect to another site is the site's own choice, but its answer is not read.
  if (!sameSite(new URL(res.url).hostname, new URL(url).hostname)) {
    await res.body?.cancel();
    throw new AttachmentError(t('attachmentForeign', res.url));
  }
  const tooBig = () => new AttachmentError(t('attachmentTooBig', String(Math.round(maxBytes / 1024 / 1024))));
  if (Number(res.headers.get('content-length')) > maxBytes) {
    await res.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body!.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.length;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(r.value);
    }
  } catch (e) {
    if (e instanceof AttachmentError) throw e;
    throw new AttachmentError(t('attachmentNetwork'));
  }
  return joinChunks(chunks, size);
}

/** pdf.js parses in its worker, bundled with the extension (never a CDN): set once, before the first PDF. */
async function pdfWorker(): Promise<void> {
  const pdfjs = await loadPdfJs();
  pdfjs.GlobalWorkerOptions.workerSrc ||= workerSrc;
}

const checkHtml = (html: string, options: CheckOptions): Checked => {
  const { locate: _locate, ...checked } = checkPage(new DOMParser().parseFromString(html, 'text/html'), options);
  return checked;
};

/** A file's bytes to the engine, as the CLI reads them; a Chinese message for what cannot be read here. */
export async function readAttachment(
  bytes: Uint8Array,
  options: CheckOptions & { source: string },
): Promise<{ kind: FileKind; checked: Checked }> {
  const kind = fileKind(bytes);
  // A link named .pdf that answers with a page is mostly the site's error or login page.
  if (!kind) throw new AttachmentError(t('attachmentNotFile'));
  try {
    if (kind === 'pdf') {
      await pdfWorker();
      return { kind, checked: await checkPdf(bytes, options) };
    }
    if (kind === 'docx') return { kind, checked: await checkDocx(bytes, options, checkHtml) };
    return { kind, checked: checkDoc(bytes, options) };
  } catch (e) {
    throw new AttachmentError((e as Error).message);
  }
}

/** What 检查附件 shows in the page's place: which file, from where, and its report. */
export interface Attached {
  name: string;
  url: string;
  kind: FileKind;
  checked: Checked;
}

export type AttachmentResult = { ok: true; attached: Attached } | { ok: false; message: string };

/**
 * Fetches a published page's attachment (same site only) and checks it in the page's place: the
 * page's publishing date and title stand for the file's when it states none (as audit --follow-attachments).
 */
export async function checkAttachment(
  page: { url: string; title: string | null; publishedAt: string | null },
  link: { name: string; href: string },
  options: CheckOptions = {},
): Promise<AttachmentResult> {
  const url = attachmentUrl(page.url, link.href);
  if (!url) return { ok: false, message: t('attachmentForeign', link.href) };
  try {
    const bytes = await download(url, MAX_ATTACHMENT_BYTES);
    const { kind, checked } = await readAttachment(bytes, {
      ...options,
      source: url,
      ...(page.publishedAt ? { publishedAt: page.publishedAt } : {}),
    });
    return {
      ok: true,
      attached: { name: link.name, url, kind, checked: { ...checked, title: checked.title ?? page.title } },
    };
  } catch (e) {
    return { ok: false, message: e instanceof AttachmentError ? e.message : t('attachmentFailed') };
  }
}
