import { analyse, partAt, reportAttachment, type Analysis, type FileInfo, type Previous } from './analysis';
import { checks } from './checks';
import { docFromText, type Doc } from '../read/doc';
import { findArticle } from '../read/article';
import { readPageMeta, type PageFacts } from '../read/page-meta';
import { readDom } from '../read/dom';
import { attachmentLinks } from '../read/attachments';
import type { Finding, FindingCode, ReportJson, TableResult } from './report';
import { progressOf, verdictOf } from './verdict';

export interface CheckOptions {
  source?: string;
  /** The report year, when the caller knows better than the document (the panel's field, --year). */
  year?: number;
  /** The title the CMS keeps in its own field beside the editor (used when the body holds none). */
  title?: string;
  /** The publication date, when the page shows it outside the text checked (ISO date). */
  publishedAt?: string;
  /** What the page states about itself (meta tags, header line): its site and column go into the result. */
  page?: Pick<PageFacts, 'site' | 'domain' | 'column'>;
  /** Last year's report, for carryover-mismatch and copied-text. */
  previous?: Previous;
  /**
   * Last year's report looked up by the unit and year this one states, once they are read (a batch's
   * year-to-year chain, made while reading); when it gives none, `previous` applies.
   */
  previousOf?: (unit: string | null, year: number | null) => Previous | undefined;
  /** The file the text was read from, when it was not a page or a text (a PDF, a Word file). */
  file?: FileInfo;
  /** Codes the user turned off. */
  disabled?: readonly FindingCode[];
  now?: Date;
}

/** The report as the engine read it, with the flat text that every offset refers to and the 统计期限 it states. */
export type Checked = ReportJson & { text: string; period: { from: number; to: number } | null };

/**
 * At most this many findings of one code per report: a crafted page repeating one slip (`;2022年x`
 * a hundred thousand times) would otherwise make a report of megabytes. The rest are counted in
 * one closing finding of the same code. Checks that group their findings (one per table) stay
 * well below it; this is the general backstop.
 */
export const MAX_FINDINGS_PER_CODE = 50;

export const moreFindingsMessage = (n: number) => `同类问题还有 ${n} 处，未逐条列出，请按以上各处的说明一并核对。`;

function toJson(a: Analysis, disabled: readonly FindingCode[], page: CheckOptions['page']): Checked {
  const findings: Finding[] = [];
  for (const check of checks) {
    if (disabled.includes(check.code)) continue;
    if (!check.always && (a.empty || !a.isReport)) continue;
    let found = 0;
    for (const d of check.run(a))
      if (found++ < MAX_FINDINGS_PER_CODE)
        findings.push({
          ...d,
          code: check.code,
          severity: d.severity ?? check.severity,
          part: d.part ?? partAt(a, d.start),
        });
    if (found > MAX_FINDINGS_PER_CODE)
      findings.push({
        code: check.code,
        severity: check.severity,
        message: moreFindingsMessage(found - MAX_FINDINGS_PER_CODE),
      });
  }
  const requiredTables = new Set(a.expected?.tables.map((t) => t.id) ?? []);
  const tables: TableResult[] = (['active', 'requests', 'review'] as const).map((id) => {
    const t = a.tables.get(id);
    const required = requiredTables.has(id);
    if (!t || t.status === 'missing') return { table: id, status: 'missing', format: 'unknown', required };
    const blank = t.cells.filter((c) => c.status === 'blank' || c.status === 'missing').length;
    return {
      table: id,
      status: t.status,
      format: t.format.id,
      start: t.start,
      end: t.end,
      cells: t.cells,
      required,
      blank,
    };
  });
  const demandsParts = !!a.expected?.demandsParts && a.format !== 'pre2019';
  const progress = progressOf(a, findings, tables, disabled);
  const attachment = reportAttachment(a);
  return {
    source: a.source,
    title: a.meta.title,
    year: a.year,
    unit: a.meta.unit,
    level: a.meta.level,
    format: a.format,
    expectedFormat: a.expected?.id ?? 'unknown',
    publishedAt: a.meta.publishedAt?.date ?? null,
    ...(page ? { site: page.site ?? page.domain, column: page.column } : {}),
    parts: a.parts.map((p) => ({
      part: p.part,
      status: p.status,
      heading: p.heading?.text,
      title: p.title,
      start: p.start,
      end: p.end,
      required: demandsParts,
      content: p.status === 'missing' ? undefined : (a.contents.get(p.part)?.content ?? 'none'),
    })),
    tables,
    findings,
    verdict: verdictOf(a, findings, progress),
    progress,
    ...(attachment ? { attachment: { name: attachment.name, href: attachment.href } } : {}),
    text: a.doc.text,
    period: a.meta.period ? { from: a.meta.period.years[0]!, to: a.meta.period.years[1]! } : null,
  };
}

export function checkDoc(doc: Doc, options: CheckOptions = {}): Checked {
  return toJson(analyse(doc, options), options.disabled ?? [], options.page);
}

/** Plain text pasted from Word or PDF, or a saved .txt. */
export function checkText(text: string, options: CheckOptions = {}): Checked {
  return checkDoc(docFromText(text), options);
}

/** A draft kept as HTML source (a CMS textarea): read as markup when it holds tags. */
export function checkSource(source: string, parse: (html: string) => Document, options: CheckOptions = {}): Checked {
  if (!/<(?:p|div|table|h[1-6]|br|span|tr|td)\b/i.test(source)) return checkText(source, options);
  const { locate: _locate, ...checked } = checkDom(parse(source).body, options);
  return checked;
}

/** An editor's body or a published page's article; `locate` maps a finding back to the page. */
export function checkDom(
  root: Node,
  options: CheckOptions = {},
): Checked & { locate(start: number, end: number): Range | null } {
  const { doc, locate } = readDom(root);
  doc.attachments = attachmentLinks(root);
  return { ...checkDoc(doc, options), locate };
}

/**
 * The options with what the page states outside its article: the PubDate meta tag or the header
 * line above the article (时间：2022-01-07 11:00) dates the report when its text does not.
 */
export function withPageFacts(doc: Document, options: CheckOptions): CheckOptions {
  const page = readPageMeta(doc);
  return { ...options, page, publishedAt: options.publishedAt ?? page.publishedAt ?? undefined };
}

/** A whole published page (a live document, a DOMParser or linkedom result): its article is checked. */
export function checkPage(
  doc: Document,
  options: CheckOptions = {},
): Checked & { locate(start: number, end: number): Range | null } {
  return checkDom(findArticle(doc), withPageFacts(doc, options));
}

/** What a later check needs of a report as last year's. */
export function asPrevious(c: Checked): Previous {
  return { source: c.source, year: c.year, text: c.text, tables: c.tables };
}

export type { Previous };
