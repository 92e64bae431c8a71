import type { FormatDef, PartDef, TableId } from '../../format/schema';
import { tableDef } from '../filler';
import { escapeHtml, gridHtml, gridText, tableGrid, type TableValues } from './table';

export { tableGrid, type Grid, type GridCell, type TableValues } from './table';

/** What an insert or a copy carries: HTML for editors, tab-separated text for Word and textareas. */
export interface Snippet {
  html: string;
  text: string;
}

export interface SnippetOptions {
  year: number;
  unit: string;
  /** Which of the part's alternative boilerplate paragraphs; the first that meets the format's content rules when absent. */
  variant?: number;
  /** false: the part without its table (a draft that has the table elsewhere). */
  tables?: boolean;
}

const NUMERALS = '一二三四五六七八九十';

export const partHeading = (part: Pick<PartDef, 'number' | 'title'>) => `${NUMERALS[part.number - 1]}、${part.title}`;

export const reportTitle = (o: { year: number; unit: string }) => `${o.unit.trim()}${o.year}年政府信息公开工作年度报告`;

/** One block of the document; paragraphs and headings become <p>, tables stay tables. */
type Block =
  | { kind: 'title' | 'heading' | 'subheading' | 'paragraph'; text: string }
  | { kind: 'table'; html: string; text: string };

function render(blocks: Block[]): Snippet {
  const html = blocks
    .map((b) => {
      if (b.kind === 'table') return b.html;
      const text = escapeHtml(b.text);
      if (b.kind === 'title') return `<p style="text-align:center"><strong>${text}</strong></p>`;
      if (b.kind === 'paragraph') return `<p>${text}</p>`;
      return `<p><strong>${text}</strong></p>`;
    })
    .join('');
  return { html, text: blocks.map((b) => b.text).join('\n') };
}

function fillIn(template: string, o: SnippetOptions): string {
  return template.replaceAll('{year}', String(o.year)).replaceAll('{unit}', o.unit.trim() || '本单位');
}

/** The first boilerplate paragraph that, with the part's sub-headings, says what the format requires of the part (信息处理费 in part 6 from 2021). */
function defaultVariant(format: FormatDef, part: PartDef): number {
  const rules = format.contentRules.filter((r) => r.part === part.number && !r.onlyGovernment);
  const meets = (text: string) => rules.every((r) => r.any.some((w) => text.includes(w)));
  const i = (part.boilerplate ?? []).findIndex((p) => meets(p + (part.subheadings ?? []).join('')));
  return Math.max(i, 0);
}

function partBlocks(format: FormatDef, part: PartDef, o: SnippetOptions): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: partHeading(part) }];
  const paragraphs = part.boilerplate ?? [];
  const paragraph = paragraphs[(o.variant ?? defaultVariant(format, part)) % Math.max(paragraphs.length, 1)];
  if (paragraph) blocks.push({ kind: 'paragraph', text: fillIn(paragraph, o) });
  (part.subheadings ?? []).forEach((s, i) => blocks.push({ kind: 'subheading', text: `（${NUMERALS[i]}）${s}` }));
  for (const t of format.tables.filter((t) => t.part === part.number && o.tables !== false))
    blocks.push({ kind: 'table', ...tableSnippet(format, t.id) });
  return blocks;
}

/** The whole report: title, the six parts with their usual sub-headings and a paragraph each, the three tables in their parts. */
export function reportSkeleton(format: FormatDef, o: SnippetOptions): Snippet {
  const fixed = { year: o.year, unit: o.unit };
  return render([
    { kind: 'title', text: reportTitle(o) },
    ...format.parts.flatMap((p) => partBlocks(format, p, fixed)),
  ]);
}

/** One part: its heading, one of its boilerplate paragraphs, its sub-headings and its table. */
export function partSnippet(format: FormatDef, partNumber: number, o: SnippetOptions): Snippet {
  const part = format.parts.find((p) => p.number === partNumber);
  if (!part) throw new Error(`format ${format.id} has no part ${partNumber}`);
  return render(partBlocks(format, part, o));
}

/** A table as the format prints it: blank cells, or the given values. */
export function tableSnippet(format: FormatDef, id: TableId, values?: TableValues): Snippet {
  const grid = tableGrid(tableDef(format, id), values);
  return { html: gridHtml(grid), text: gridText(grid) };
}

export const tableHtml = (format: FormatDef, id: TableId, values?: TableValues) =>
  tableSnippet(format, id, values).html;
export const tableText = (format: FormatDef, id: TableId, values?: TableValues) =>
  tableSnippet(format, id, values).text;

/** How many alternative paragraphs a part offers (the popup's variant choice). */
export const variantCount = (format: FormatDef, partNumber: number) =>
  format.parts.find((p) => p.number === partNumber)?.boilerplate?.length ?? 0;
