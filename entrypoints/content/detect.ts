import { looksLikeReport } from '../../lib/detect';
import { findArticle } from '../../lib/read/article';

/**
 * Where the draft is. Pure DOM, and cheap: a page that is no report costs two querySelectorAll
 * calls and a look at its title. Editors keep their editing body in a same-origin iframe (about:blank,
 * document.write or a javascript: URL), which the top frame reads through contentDocument.
 */
export interface Target {
  kind: 'editor' | 'published';
  /** ueditor, kindeditor, ckeditor4, ckeditor5, tinymce, wangeditor4, wangeditor5, contenteditable, textarea, published */
  editor: string;
  el: HTMLElement;
  frame?: HTMLIFrameElement;
}

const EDITABLES = '.ck-editor__editable, [data-slate-editor], .w-e-text, [contenteditable]:not([contenteditable="false"]), textarea';
const SAMPLE = 3000;
/** Console shells (TRS WCM, Hanweb JCMS) load the form in frames: look this many frames deep. */
const MAX_DEPTH = 3;

function frameEditor(frame: HTMLIFrameElement, body: HTMLElement): string {
  if (frame.classList.contains('ke-edit-iframe')) return 'kindeditor';
  if (frame.classList.contains('cke_wysiwyg_frame') || body.classList.contains('cke_editable')) return 'ckeditor4';
  if (/_ifr$/.test(frame.id) || body.classList.contains('mce-content-body')) return 'tinymce';
  if (/^ueditor_\d+$/.test(frame.id) || body.classList.contains('view')) return 'ueditor';
  return 'contenteditable';
}

function elementEditor(el: HTMLElement): string {
  if (el instanceof el.ownerDocument.defaultView!.HTMLTextAreaElement || el.tagName === 'TEXTAREA') return 'textarea';
  if (el.classList.contains('ck-editor__editable')) return 'ckeditor5';
  if (el.hasAttribute('data-slate-editor')) return 'wangeditor5';
  if (el.classList.contains('w-e-text')) return 'wangeditor4';
  if (el.classList.contains('mce-content-body')) return 'tinymce';
  if (el.classList.contains('cke_editable')) return 'ckeditor4';
  return 'contenteditable';
}

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** Every editing area in a document and its same-origin frames. */
export function findEditors(doc: Document, depth = 0): Target[] {
  const found: Target[] = [];
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    const inner = sameOriginDocument(frame);
    const body = inner?.body;
    if (!inner || !body) continue;
    if (body.isContentEditable || inner.designMode === 'on') found.push({ kind: 'editor', editor: frameEditor(frame, body), el: body, frame });
    else if (depth < MAX_DEPTH) found.push(...findEditors(inner, depth + 1));
  }
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>(EDITABLES))) {
    const editor = elementEditor(el);
    if (editor === 'textarea' ? !visible(el) || (el as HTMLTextAreaElement).readOnly : !el.isContentEditable) continue;
    // Only the outermost editable of a nested group is an editor.
    if (editor !== 'textarea' && el.parentElement?.isContentEditable) continue;
    found.push({ kind: 'editor', editor, el });
  }
  return found;
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
 * The draft on this page, or null. An editor whose text looks like a report wins; else, on a page
 * titled as a report, the editor holding the most text (a new, still empty draft included).
 */
export function detect(doc: Document): Target | null {
  const editors = findEditors(doc);
  const samples = editors.map((e) => sampleText(e));
  const reportEditor = editors.find((_, i) => looksLikeReport(samples[i]!));
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
