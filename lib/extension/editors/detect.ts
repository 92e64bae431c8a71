/**
 * Where the editing areas of a page are, from the DOM alone (no editor object, no `browser` API):
 * it runs in the content script's isolated world and in the main-world bridge alike, so both see the
 * same list in the same order and can name an area by its index.
 */
export const EDITOR_KINDS = [
  'ueditor',
  'kindeditor',
  'ckeditor4',
  'ckeditor5',
  'tinymce',
  'wangeditor4',
  'wangeditor5',
  'ewebeditor',
  'fckeditor',
  'contenteditable',
  'textarea',
] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

export interface EditingArea {
  kind: EditorKind;
  /** The editing body: the frame's <body>, the contenteditable element, or the <textarea>. */
  root: HTMLElement;
  /** The iframe whose document holds `root`, when there is one. */
  frame?: HTMLIFrameElement;
  /** The outermost iframe in this document, when the editor nests frames (FCKeditor, eWebEditor). */
  host?: HTMLIFrameElement;
}

/** Console shells (TRS WCM, Hanweb JCMS) load the form in frames, and editors nest theirs: look this deep. */
const MAX_DEPTH = 4;
/**
 * The classes of editors' own boxes and toolbars. Editors keep a textarea of their own for 源码 mode
 * or form submission: those are not separate areas, and no field inside is the CMS's title field.
 */
const CHROME_CLASSES = [
  'cke',
  'ke-container',
  'edui-editor',
  'tox',
  'mce-tinymce',
  'w-e-text-container',
  'ck-editor',
  'w-e-toolbar',
  'w-e-bar',
];
export const EDITOR_CHROME = CHROME_CLASSES.map((c) => `.${c}`).join(', ');
const CANDIDATES = 'iframe, frame, textarea, [contenteditable]';

const isTag = (el: Element, tag: string) => el.tagName.toLowerCase() === tag;

/** Editable by its own attribute (contenteditable="", "true", "plaintext-only"); "false" is not. */
const editableAttr = (el: Element) => {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
};

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

function visible(el: HTMLElement): boolean {
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) return false;
  const view = el.ownerDocument.defaultView;
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    if (e.hidden || view?.getComputedStyle(e).display === 'none') return false;
  }
  return true;
}

/** Inside another editable area, through non-editable islands too (CKEditor 5 widgets hold editable table cells). */
function insideEditable(el: HTMLElement): boolean {
  for (let e = el.parentElement; e; e = e.parentElement) if (editableAttr(e)) return true;
  return false;
}

/** The editor a frame's editable body belongs to, from the marks each editor leaves on its frames. */
function frameKind(frame: HTMLIFrameElement, body: HTMLElement, outer: HTMLIFrameElement[]): EditorKind {
  const cls = (el: Element, c: string) => el.classList.contains(c);
  // FCKeditor and eWebEditor put their editing frame inside a frame of their own page.
  const chain = [...outer, frame];
  const marked = (id: RegExp, src: RegExp) => chain.some((f) => id.test(f.id) || src.test(f.getAttribute('src') ?? ''));
  if (marked(/___Frame$/, /fckeditor/i)) return 'fckeditor';
  if (marked(/^ewebeditor/i, /ewebeditor/i)) return 'ewebeditor';
  if (cls(frame, 'ke-edit-iframe') || cls(body, 'ke-content')) return 'kindeditor';
  if (cls(frame, 'cke_wysiwyg_frame') || cls(body, 'cke_editable')) return 'ckeditor4';
  if (/_ifr$/.test(frame.id) || cls(body, 'mce-content-body')) return 'tinymce';
  if (/^ueditor_\d+$/.test(frame.id) || frame.closest('.edui-editor') || cls(body, 'view')) return 'ueditor';
  return 'contenteditable';
}

function elementKind(el: HTMLElement): EditorKind {
  if (isTag(el, 'textarea')) return 'textarea';
  const cls = (c: string) => el.classList.contains(c);
  if (cls('ck-editor__editable') || el.closest('.ck-editor')) return 'ckeditor5';
  if (el.hasAttribute('data-slate-editor')) return 'wangeditor5';
  if (cls('w-e-text')) return 'wangeditor4';
  if (cls('mce-content-body')) return 'tinymce';
  if (cls('cke_editable')) return 'ckeditor4';
  return 'contenteditable';
}

/** `seen`: whether it must be visible; asking forces the page's style, which a passive look spares. */
function usableTextarea(el: HTMLTextAreaElement, seen: boolean): boolean {
  return !el.readOnly && !el.disabled && !el.closest(EDITOR_CHROME) && (!seen || visible(el));
}

/** An editor's frame has no address of its own (it is written into) or one that names an editor. */
const WRITTEN_FRAME = /^(?:about:|javascript:|$)/i;
const EDITOR_WORDS = ['edit', 'fck', 'cke', 'mce', '_ifr'];
const EDITOR_NAME = new RegExp(EDITOR_WORDS.join('|'), 'i');

/**
 * Whether a frame may be an editor's, or a CMS console's (a frameset), without opening it. Opening a
 * frame from the content script's world builds that world in the frame: milliseconds per frame on a
 * news page's video and share frames, for nothing. Other frames are opened only when asked.
 */
export function editorLikeFrame(frame: HTMLIFrameElement): boolean {
  if (isTag(frame, 'frame') || frame.hasAttribute('srcdoc')) return true;
  const src = (frame.getAttribute('src') ?? '').trim();
  return (
    WRITTEN_FRAME.test(src) ||
    EDITOR_NAME.test(`${src} ${frame.id} ${frame.name} ${frame.className}`) ||
    frame.closest(EDITOR_CHROME) !== null
  );
}

/**
 * Every element a passive look would take for an editor, or for an editor's frame or chrome, as one
 * CSS selector (a superset: a class that holds a chrome class's name counts too). A page with none
 * has no editor a passive look would find.
 */
export const EDITOR_PLACES = [
  '[contenteditable]',
  'frame',
  'iframe[srcdoc]',
  'iframe:not([src])',
  'iframe[src=""]',
  'iframe[src^=" "]',
  'iframe[src^="about:" i]',
  'iframe[src^="javascript:" i]',
  ...EDITOR_WORDS.flatMap((w) => ['src', 'id', 'name', 'class'].map((a) => `iframe[${a}*="${w}" i]`)),
  ...CHROME_CLASSES.map((c) => `[class*="${c}"]`),
].join(', ');

/**
 * Every editing area of `doc` and of its same-origin frames, in document order. Frames whose body
 * is editable (contenteditable or designMode) are editors; other frames are searched in turn. With
 * `frames: 'editor-like'` (the content script's passive look) only the frames editorLikeFrame names
 * are opened and a textarea's visibility is not asked (it forces the page's style: milliseconds on a
 * news page's comment box); every frame is opened and hidden textareas left out otherwise.
 */
export function findEditingAreas(
  doc: Document,
  outer: HTMLIFrameElement[] = [],
  frames: 'all' | 'editor-like' = 'all',
): EditingArea[] {
  const found: EditingArea[] = [];
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>(CANDIDATES))) {
    if (isTag(el, 'iframe') || isTag(el, 'frame')) {
      const frame = el as HTMLIFrameElement;
      if (frames === 'editor-like' && !editorLikeFrame(frame)) continue;
      const inner = frameDocument(frame);
      const body = inner?.body;
      if (!inner || !body) continue;
      if (editableAttr(body) || String(inner.designMode).toLowerCase() === 'on') {
        found.push({ kind: frameKind(frame, body, outer), root: body, frame, ...(outer[0] ? { host: outer[0] } : {}) });
      } else if (outer.length < MAX_DEPTH) {
        found.push(...findEditingAreas(inner, [...outer, frame], frames));
      }
    } else if (isTag(el, 'textarea')) {
      if (usableTextarea(el as HTMLTextAreaElement, frames === 'all')) found.push({ kind: 'textarea', root: el });
    } else if (editableAttr(el)) {
      // Only the outermost editable of a nested group is an editor (table cells, widgets inside one).
      if (insideEditable(el)) continue;
      found.push({ kind: elementKind(el), root: el });
    }
  }
  return found;
}

/** The frame's document an area lives in (where selection and execCommand must be used). */
export const areaDocument = (area: EditingArea): Document => area.root.ownerDocument;
