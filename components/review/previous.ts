import { asPrevious, checkPage, checkText, type Checked } from '../../lib/check/engine';
import type { PreviousReport } from '../../lib/extension/messages';

/**
 * Last year's report, from wherever the reviewer has it: another tab (its content script sends
 * `previousReport`), a saved page or text file, or text pasted into the panel.
 */

/** What a later check needs of a checked report, and its title to show which report is compared. */
export function previousReport(c: Checked): PreviousReport {
  const p = asPrevious(c);
  return {
    source: p.source,
    title: c.title,
    year: p.year,
    text: p.text,
    // Only what carryover-mismatch reads: the cells' raw text and offsets stay behind.
    tables: p.tables.map((t) => ({
      table: t.table,
      ...(t.cells ? { cells: t.cells.map(({ row, column, value }) => ({ row, column, value })) } : {}),
    })),
  };
}

export type Parsed = { ok: true; previous: PreviousReport } | { ok: false; reason: 'not-a-report' | 'binary' };

function accept(c: Checked): Parsed {
  return c.findings.some((f) => f.code === 'not-a-report')
    ? { ok: false, reason: 'not-a-report' }
    : { ok: true, previous: previousReport(c) };
}

export const previousFromText = (text: string, source: string): Parsed => accept(checkText(text, { source }));

/** A saved page: parsed without running its scripts (DOMParser), then its article is checked. */
export function previousFromHtml(html: string, source: string): Parsed {
  const { locate: _locate, ...checked } = checkPage(new DOMParser().parseFromString(html, 'text/html'), { source });
  return accept(checked);
}

/** A saved file's bytes as text: a BOM decides, then strict UTF-8, then GB18030 (pages saved from GBK sites). */
export function decodeFile(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // NUL bytes: a PDF, a Word file or an image picked by mistake.
  if (bytes.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const looksLikeHtml = (name: string, text: string) =>
  /\.html?$/i.test(name) || /^\s*(?:<!doctype html|<html|<head|<body|<meta|<p[\s>]|<div)/i.test(text);

export async function previousFromFile(file: File): Promise<Parsed> {
  const text = decodeFile(new Uint8Array(await file.arrayBuffer()));
  if (text === null) return { ok: false, reason: 'binary' };
  return looksLikeHtml(file.name, text) ? previousFromHtml(text, file.name) : previousFromText(text, file.name);
}
