import { looksLikeReport } from '../../lib/read/classify';
import { findArticle } from '../../lib/read/article';
import { findEditingAreas, type EditorKind } from '../../lib/extension/editors/detect';
import { titleField, titleText } from '../../lib/extension/title-field';

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

const SAMPLE = 3000;

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
export function sampleText(target: Target, limit = SAMPLE): string {
  if (target.editor === 'textarea') return (target.el as HTMLTextAreaElement).value.slice(0, limit);
  const doc = target.el.ownerDocument;
  const walker = doc.createTreeWalker(target.el, NodeFilter.SHOW_TEXT);
  let out = '';
  while (out.length < limit && walker.nextNode()) out += walker.currentNode.nodeValue ?? '';
  return out.slice(0, limit);
}

/** The CMS's 标题 field beside an editor (the draft's title when its body has none), or null. */
export function cmsTitle(target: Target): string | null {
  return target.kind === 'editor' ? titleText(titleField(target.frame ?? target.el)) : null;
}

/** The whole text, to tell whether anything changed since the last check. */
export function fullText(target: Target): string {
  return target.editor === 'textarea' ? (target.el as HTMLTextAreaElement).value : (target.el.textContent ?? '');
}

function headline(doc: Document): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="ArticleTitle"]')?.content ?? '';
  const heading = doc.querySelector('h1, h2')?.textContent ?? '';
  return `${doc.title} ${meta} ${heading.slice(0, 200)}`;
}

const PART_MARKERS = /总体情况|概述|主动公开|依申请公开|收到和处理|行政复议|存在的主要问题|其他需要报告/g;

/** A published report page: its title says so and its article holds the report's part markers. */
function findPublished(doc: Document): Target | null {
  if (!/信息公开|政务公开/.test(headline(doc)) || !looksLikeReport(headline(doc))) return null;
  const article = findArticle(doc) as HTMLElement;
  const markers = new Set((article.textContent ?? '').match(PART_MARKERS) ?? []);
  return markers.size >= 3 ? { kind: 'published', editor: 'published', el: article } : null;
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
