import { looksLikeReport } from '../../lib/read/classify';
import { findArticle } from '../../lib/read/article';
import { findEditingAreas, type EditorKind } from '../../lib/extension/editors/detect';
import { titleField, titleText } from '../../lib/extension/title-field';
import { holdsReport, sampleText as sampleArea, titledAsReport } from '../../lib/extension/look';

/**
 * Where the draft is. Pure DOM, and cheap: a page that is no report costs one querySelectorAll and
 * a look at its title. Editors keep their editing body in a same-origin iframe (about:blank,
 * document.write or a javascript: URL), which the top frame reads through contentDocument.
 */
export interface Target {
  kind: 'editor' | 'published';
  editor: EditorKind | 'published';
  el: HTMLElement;
  frame?: HTMLIFrameElement;
}

/** Every editing area in a document and its same-origin frames (the editor helper's DOM-only detection). */
export function findEditors(doc: Document): Target[] {
  return findEditingAreas(doc).map((a) => ({
    kind: 'editor',
    editor: a.kind,
    el: a.root,
    ...(a.frame ? { frame: a.frame } : {}),
  }));
}

/** The first characters of an editor's text, without reading the whole of a long draft. */
const sampleText = (target: Target): string =>
  sampleArea({ kind: target.editor === 'textarea' ? 'textarea' : 'contenteditable', root: target.el });

/** The CMS's 标题 field beside an editor (the draft's title when its body has none), or null. */
export function cmsTitle(target: Target): string | null {
  return target.kind === 'editor' ? titleText(titleField(target.frame ?? target.el)) : null;
}

/** The whole text, to tell whether anything changed since the last check. */
export function fullText(target: Target): string {
  return target.editor === 'textarea' ? (target.el as HTMLTextAreaElement).value : (target.el.textContent ?? '');
}

/** A published report page: its title says so and its article holds the report (or links it as a file). */
function findPublished(doc: Document): Target | null {
  if (!titledAsReport(doc)) return null;
  const article = findArticle(doc) as HTMLElement;
  return holdsReport(article) ? { kind: 'published', editor: 'published', el: article } : null;
}

/**
 * The draft on this page, or null. An editor whose text looks like a report wins; then one whose
 * CMS title field names a report; else, on a page titled as a report, the editor holding the most
 * text (a new, still empty draft included).
 */
export function detect(doc: Document): Target | null {
  const editors = findEditors(doc);
  const samples = editors.map((e) => sampleText(e));
  const reportEditor =
    editors.find((_, i) => looksLikeReport(samples[i]!)) ?? editors.find((e) => looksLikeReport(cmsTitle(e) ?? ''));
  if (reportEditor) return reportEditor;
  if (editors.length && looksLikeReport(doc.title)) {
    let best = 0;
    samples.forEach((s, i) => {
      if (s.length > samples[best]!.length) best = i;
    });
    return editors[best]!;
  }
  return findPublished(doc);
}
