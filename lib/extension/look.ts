import { attachmentLinks } from '../read/attachments';
import { looksLikeReport } from '../read/classify';
import { EDITOR_PLACES, findEditingAreas, type EditingArea } from './editors/detect';
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
  return headlineNamesReport(headline(doc));
}

const headlineNamesReport = (h: string) => (h.includes('信息公开') || h.includes('政务公开')) && looksLikeReport(h);

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

/**
 * Whether a textarea's, a field's or the first heading's text could name a report, read as one XPath
 * string (every name of a report holds 报): a string makes no element in the content script's world.
 */
const NAMED =
  "concat(count(//textarea), ' ', count((//h1 | //h2)[1][contains(., '报')] | //textarea[contains(., '报')] | //input[contains(@value, '报')]))";

/**
 * Whether a page is sure to hold no report and no editor a passive look would watch, read without
 * touching an element: the first touch of each kind of element from the content script's world makes
 * its wrappers there, most of what a look costs a page that is no report. No editor place (EDITOR_PLACES),
 * no CMS ArticleTitle, heading, textarea or field that could name a report, and a title that does not
 * (a comment box's textarea is no matter). Where the browser cannot answer, or a page's text is not in
 * its markup (a value set by script), the full look and the events decide.
 */
export function quietPage(doc: Document): boolean {
  try {
    if (doc.querySelectorAll(`${EDITOR_PLACES}, meta[name="ArticleTitle"][content*="报"]`).length > 0) return false;
    const [textareas, named] = doc
      .evaluate(NAMED, doc, null, 2 /* XPathResult.STRING_TYPE */, null)
      .stringValue.split(' ');
    if (named !== '0') return false;
    return textareas === '0' ? !headlineNamesReport(doc.title) : !looksLikeReport(doc.title);
  } catch {
    return false;
  }
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

  // Last seen by a passive look as a quiet page (quietPage), which reads a textarea's markup, not its
  // value: no editor is watched there, so moving into a textarea or typing in one looks in full.
  let quiet = false;
  const inTextarea = (e: Event) => quiet && (e.target as Element | null)?.tagName === 'TEXTAREA';
  const inFrame = () => /^i?frame$/i.test(doc.activeElement?.tagName ?? '');
  const onInput = (e: Event) => (isTitleField(e.target) || inTextarea(e)) && schedule();
  const onFocus = (e: Event) => look(inFrame() ? 'deep' : inTextarea(e) ? 'full' : 'passive');
  const onBlur = () => inFrame() && look('deep');
  const stop = () => {
    done = true;
    unwatch?.();
    unwatch = null;
    clearTimeout(timer);
    for (const t of timers) clearTimeout(t);
    doc.removeEventListener('focusin', onFocus, true);
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('change', onInput, true);
    view?.removeEventListener('blur', onBlur);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => look('full'), DEBOUNCE_MS);
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
  /**
   * passive: the page's own start (first look, retries, focus), which a quiet page answers without an
   * element; full: something seen changed; deep: every frame opened, from then on.
   */
  function look(how: 'passive' | 'full' | 'deep'): boolean {
    if (done) return true;
    deep ||= how === 'deep';
    quiet = how === 'passive' && !deep && quietPage(doc);
    if (quiet) return false;
    const seen = firstLook(doc, deep);
    if (seen.report) {
      stop();
      found();
    } else watch(seen.editors);
    return seen.report;
  }

  if (!look('passive')) {
    for (const ms of RETRIES_MS) timers.push(setTimeout(look, ms, 'passive'));
    doc.addEventListener('focusin', onFocus, true);
    doc.addEventListener('input', onInput, true);
    doc.addEventListener('change', onInput, true);
    view?.addEventListener('blur', onBlur);
  }
  return { ask: () => look('deep'), stop };
}
