import { attachmentLinks } from '../read/attachments';
import { looksLikeReport } from '../read/classify';
import { findEditingAreas, type EditingArea } from './editors/detect';
import { isTitleField, titleField, titleText } from './title-field';

/**
 * The content script's first look at a page, before any engine is loaded: DOM only, no zod, no
 * storage. It reads the title, the editors' first characters and, on a page titled as a report,
 * which part headings its text names. It errs towards yes: the engine, once loaded, decides exactly
 * (entrypoints/content/detect.ts), and a page it says no to is never parsed.
 */

const SAMPLE = 3000;

/** The first characters of an editing area's text, without reading the whole of a long draft. */
export function sampleText(area: Pick<EditingArea, 'kind' | 'root'>, limit = SAMPLE): string {
  if (area.kind === 'textarea') return (area.root as HTMLTextAreaElement).value.slice(0, limit);
  const walker = area.root.ownerDocument.createTreeWalker(area.root, NodeFilter.SHOW_TEXT);
  let out = '';
  while (out.length < limit && walker.nextNode()) out += walker.currentNode.nodeValue ?? '';
  return out.slice(0, limit);
}

/** What a published page says it is: its <title>, the CMS's ArticleTitle meta and its first heading. */
export function headline(doc: Document): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="ArticleTitle"]')?.content ?? '';
  const heading = doc.querySelector('h1, h2')?.textContent ?? '';
  return `${doc.title} ${meta} ${heading.slice(0, 200)}`;
}

const PART_MARKERS = /总体情况|概述|主动公开|依申请公开|收到和处理|行政复议|存在的主要问题|其他需要报告/g;

/** How many of the report's part markers a text names (each counted once). */
function partMarkers(text: string): number {
  return new Set(text.match(PART_MARKERS) ?? []).size;
}

/**
 * Whether a published page's article holds a report: its part markers, or a link to a document file
 * (the many units that publish the report as an attachment leave only its title and the link).
 */
export function holdsReport(article: Element): boolean {
  return partMarkers(article.textContent ?? '') >= 3 || attachmentLinks(article, 1).length > 0;
}

/** A published page titled as an annual report (信息公开 / 政务公开 in its title, heading or meta). */
export function titledAsReport(doc: Document): boolean {
  const h = headline(doc);
  return (h.includes('信息公开') || h.includes('政务公开')) && looksLikeReport(h);
}

export interface Look {
  /** Could a report be here: the engine is worth loading. */
  report: boolean;
  /** The editing areas seen, to watch while no report is there (a clerk pastes into an empty one). */
  editors: EditingArea[];
}

/**
 * The cheap question: an editor whose text, CMS title field or page title reads as a report, or a
 * published report page. A passive look (not `deep`) opens only the frames that may be an editor's.
 */
export function firstLook(doc: Document, deep = true): Look {
  const editors = findEditingAreas(doc, [], deep ? 'all' : 'editor-like');
  const report =
    editors.some((e) => looksLikeReport(sampleText(e))) ||
    editors.some((e) => looksLikeReport(titleText(titleField(e.frame ?? e.root)) ?? '')) ||
    (editors.length > 0 && looksLikeReport(doc.title)) ||
    (titledAsReport(doc) && !!doc.body && holdsReport(doc.body));
  return { report, editors };
}

/** Editors build their editing area after the page loads: look again a few times, then on focus. */
export const RETRIES_MS = [800, 2500, 6000];
const DEBOUNCE_MS = 300;

/**
 * Asks the cheap question now, again a few times while editors start up, on focus, and whenever an
 * editor seen changes or rebuilds its frame, or the CMS's title field changes (a clerk opens an
 * empty article, names it, then inserts or pastes the report). Calls `found` once, the first time
 * the answer is yes, and stops watching. These looks open only the frames that may be an editor's;
 * every frame is opened once the clerk moves into a frame, or when `ask` is called (the panel asks),
 * and from then on. `ask` answers whether a report may be there.
 */
export function watchForReport(doc: Document, found: () => void): { ask(): boolean; stop(): void } {
  let done = false;
  let deep = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timers: ReturnType<typeof setTimeout>[] = [];
  let unwatch: (() => void) | null = null;
  const view = doc.defaultView;

  const inFrame = () => /^i?frame$/i.test(doc.activeElement?.tagName ?? '');
  const onTitle = (e: Event) => isTitleField(e.target) && schedule();
  const onFocus = () => look(inFrame());
  const onBlur = () => inFrame() && look(true);
  const stop = () => {
    done = true;
    unwatch?.();
    unwatch = null;
    clearTimeout(timer);
    for (const t of timers) clearTimeout(t);
    doc.removeEventListener('focusin', onFocus, true);
    doc.removeEventListener('input', onTitle, true);
    doc.removeEventListener('change', onTitle, true);
    view?.removeEventListener('blur', onBlur);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => look(), DEBOUNCE_MS);
  };
  /** Watches the editors seen for edits and for a frame the editor rewrites. */
  const watch = (editors: EditingArea[]) => {
    unwatch?.();
    unwatch = null;
    // Most pages have no editor: they are spared the observer. A textarea's text is its value, which
    // no mutation shows (its input events do): a page whose only one is a comment box is spared it too.
    if (editors.length === 0) return;
    const observer = editors.some((e) => e.kind !== 'textarea') ? new MutationObserver(schedule) : null;
    const docs = new Set<Document>();
    for (const e of editors) {
      if (e.kind !== 'textarea') observer?.observe(e.root, { subtree: true, childList: true, characterData: true });
      docs.add(e.root.ownerDocument);
      e.frame?.addEventListener('load', schedule);
    }
    for (const d of docs) d.addEventListener('input', schedule, true);
    unwatch = () => {
      observer?.disconnect();
      for (const d of docs) d.removeEventListener('input', schedule, true);
      for (const e of editors) e.frame?.removeEventListener('load', schedule);
    };
  };
  function look(openAll = false): boolean {
    if (done) return true;
    deep ||= openAll;
    const seen = firstLook(doc, deep);
    if (seen.report) {
      stop();
      found();
    } else watch(seen.editors);
    return seen.report;
  }

  if (!look()) {
    for (const ms of RETRIES_MS) timers.push(setTimeout(look, ms));
    doc.addEventListener('focusin', onFocus, true);
    doc.addEventListener('input', onTitle, true);
    doc.addEventListener('change', onTitle, true);
    view?.addEventListener('blur', onBlur);
  }
  return { ask: () => look(true), stop };
}
