import { formats } from '../format';
import type { TableId } from '../format/schema';
import type { PartMatch } from '../read/parts';
import type { ReadTable } from '../read/tables';
import { compactLabel, stripOrdinal } from '../read/text';

/** What a part holds under its heading. */
export type PartContent = 'none' | 'template' | 'own';

/** A part's text as the skeleton left it, or as the clerk wrote it. */
export interface PartReading {
  part: number;
  content: PartContent;
  /** Sub-headings with no sentence under them: the skeleton's (一)…(五) left bare. */
  bare: { text: string; start: number; end: number }[];
  /** Placeholders (某某, XX) still in the text. */
  placeholders: { text: string; start: number; end: number }[];
  /** The first template sentence left unchanged, for the finding to point at. */
  template?: { start: number; end: number };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The skeleton's sentences as patterns over compact text, derived from every format's boilerplate:
 * {year} is any year, {unit} any short name (the skeleton writes 本单位 when none is given).
 */
const BOILERPLATE = [...new Set(formats.flatMap((f) => f.parts.flatMap((p) => p.boilerplate ?? [])))];
/** Sticky: tried at each line start of a run of lines, never scanning the text. */
const TEMPLATES: RegExp[] = BOILERPLATE.map(
  (b) =>
    new RegExp(
      compactLabel(b)
        .split(/(\{year\}|\{unit\})/)
        .map((piece) =>
          piece === '{year}' ? '(?:19|20)\\d{2}' : piece === '{unit}' ? '.{0,40}?' : escapeRegExp(piece),
        )
        .join(''),
      'y',
    ),
);

/**
 * All the templates as one sticky expression: it fails at a line start exactly when every template
 * does, which is at nearly every line of a report, so one test there replaces one per template.
 */
const ANY_TEMPLATE = new RegExp(TEMPLATES.map((r) => `(?:${r.source})`).join('|'), 'y');

/** Words a table prints around its numbers (titles, headers, row labels, notes): not the clerk's prose. */
const TABLE_WORDS: string[] = [
  ...new Set(
    formats.flatMap((f) =>
      f.tables.flatMap((t) => [
        t.title,
        t.note ?? '',
        t.labelHeader ?? '',
        ...t.sections.flatMap((s) => [
          s.label ?? '',
          ...s.rows.map((r) => r.label),
          ...s.columns.flatMap((c) => [c.label, c.group ?? '', c.subgroup ?? '']),
        ]),
      ]),
    ),
  ),
]
  .map((w) => compactLabel(stripOrdinal(w)))
  .filter((w) => w.length > 0);

const PLACEHOLDER = /某某|[XＸ]{2,}|[×＊*○〇]{2,}|[xｘ]{3,}/g;
/** A numbered sub-heading: （一）主动公开, 1.政府信息管理 — short, no sentence in it. */
const SUBHEADING = /^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}\.|\d{1,2}\.|\d{1,2}\))/;
/** Shorter lines without a sentence mark are headers, units (单位：件) or labels, not prose of one's own. */
const MIN_PROSE = 10;

/** Markdown and pipes around a line pasted from an AI assistant: `## ` `**…**` `| … |`. */
const stripMarkup = (line: string) => line.replace(/^[#>\s]+/, '').replace(/\*\*|__|`/g, '');

/**
 * The table words one per line, searched at once: a compact line holds no line break, so it is found
 * in this text exactly when one of the words holds it.
 */
const TABLE_TEXT = TABLE_WORDS.join('\n');
const TABLE_WORD = new Set(TABLE_WORDS);

function tableWords(c: string): boolean {
  const bare = stripOrdinal(c.replace(/^\(([一二三四五六七八九十]+)\)/, '$1.')).replace(/表$/, '');
  return bare.length >= 2 ? TABLE_TEXT.includes(bare) : TABLE_WORD.has(bare);
}

/** A table read with every cell filled (zeros too: many units have nothing to count). */
const filled = (t: ReadTable | undefined) =>
  t?.status === 'ok' && t.cells.every((c) => c.status !== 'blank' && c.status !== 'missing');

interface Line {
  /** The line's compact text. */
  c: string;
  place: { text: string; start: number; end: number };
  /** A numbered sub-heading. */
  sub: boolean;
}

/**
 * The lines that together are one of the skeleton's sentences, compared on their joined compact
 * text: a PDF wraps a paragraph over several lines where the page holds it on one, and both must
 * read as template. A sentence starts at a line's start and ends at a line's end; a run of lines
 * stops at a sub-heading or a table (null).
 */
function templateLines(lines: readonly (Line | null)[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const starts: number[] = [];
    const ends = new Map<number, number>();
    let joined = '';
    for (let j = i; j < lines.length && lines[j] && !lines[j]!.sub; j++) {
      starts.push(joined.length);
      joined += lines[j]!.c;
      ends.set(joined.length, starts.length - 1);
    }
    for (let k = 0; k < starts.length; k++) {
      ANY_TEMPLATE.lastIndex = starts[k]!;
      if (!ANY_TEMPLATE.test(joined)) continue;
      for (const r of TEMPLATES) {
        r.lastIndex = starts[k]!;
        const m = r.exec(joined);
        const last = m ? ends.get(starts[k]! + m[0].length) : undefined;
        if (last === undefined) continue;
        for (let n = k; n <= last; n++) out.add(i + n);
        k = last;
        break;
      }
    }
    i += starts.length;
  }
  return out;
}

/**
 * Reads each found part's text: prose of its own, only the skeleton's (template sentences,
 * placeholders, bare sub-headings), or nothing under the heading.
 */
export function readPartContents(
  text: string,
  parts: readonly PartMatch[],
  tables: ReadonlyMap<TableId, ReadTable>,
  tablePart: (id: TableId) => number | undefined,
): Map<number, PartReading> {
  const regions = [...tables.values()]
    .filter((t) => t.status !== 'missing' && t.start !== undefined && t.end !== undefined)
    .map((t) => [t.start!, t.end!] as const);
  const out = new Map<number, PartReading>();
  for (const p of parts) {
    if (!p.heading || p.start === undefined) continue;
    const reading: PartReading = { part: p.part, content: 'none', bare: [], placeholders: [] };
    const lines: (Line | null)[] = [];
    const end = p.end ?? text.length;
    let at = p.heading.end;
    while (at < end) {
      let lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      const start = at;
      at = lineEnd + 1;
      const raw = text.slice(start, lineEnd);
      if (raw.includes('\t') || regions.some(([s, e]) => start < e && lineEnd > s)) {
        if (lines[lines.length - 1] !== null) lines.push(null);
        continue;
      }
      const c = compactLabel(stripMarkup(raw)).replace(/^\|+|\|+$/g, '');
      if (!c) continue;
      const lead = raw.length - raw.trimStart().length;
      const place = { text: raw.trim(), start: start + lead, end: start + raw.trimEnd().length };
      for (const m of c.matchAll(PLACEHOLDER)) reading.placeholders.push({ ...place, text: m[0] });
      lines.push({ c, place, sub: SUBHEADING.test(c) && c.length <= 40 && !/[。;]/.test(c.slice(0, -1)) });
    }
    const inTemplate = templateLines(lines);
    let own = false;
    let template = false;
    let open: Line['place'] | null = null;
    lines.forEach((line, i) => {
      if (!line) return;
      const { c, place } = line;
      if (line.sub) {
        if (open) reading.bare.push(open);
        open = place;
      } else if (inTemplate.has(i)) {
        template = true;
        reading.template ??= place;
        open = null;
      } else if ((c.length >= MIN_PROSE || (c.length >= 4 && /[。;!?,]/.test(c))) && !tableWords(c)) {
        own = true;
        open = null;
      }
    });
    if (open) reading.bare.push(open);
    if (reading.bare.length || reading.placeholders.length) template = true;
    // Prose of its own makes the part written; failing that, skeleton text makes it template (its
    // table may be the filler's zeros); a filled table under a bare heading is the part's content.
    const table = [...tables.keys()].some((id) => tablePart(id) === p.part && filled(tables.get(id)));
    reading.content = own ? 'own' : template ? 'template' : table ? 'own' : 'none';
    out.set(p.part, reading);
  }
  return out;
}
