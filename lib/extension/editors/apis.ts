import type { EditingArea, EditorKind } from './detect';

/**
 * Reading and writing an editing area through its editor's own object, in the page's main world
 * (the bridge). Writing through the API keeps the editor's model, its undo stack and its hidden
 * form field right; where no object is found, writes fall back to the browser's insertHTML in the
 * editing document (recorded by the browser's undo), except for editors that re-render from a
 * model (CKEditor 5, wangEditor 5), which are then left alone.
 */

/** The editors' objects are untyped page globals; each adapter checks what it calls. */
// biome-ignore lint/suspicious/noExplicitAny: page globals are untyped; each adapter checks what it calls
type Obj = Record<string, any>;

export class EditorError extends Error {
  constructor(
    readonly code: 'no-api' | 'no-table' | 'source-mode' | 'changed' | 'failed',
    message?: string,
  ) {
    super(message ?? code);
  }
}

export interface Adapter {
  getContent(): string;
  insertHtml(html: string): void;
  /** Replace `table` (an element of the editing body) by `html` as one undo step. */
  replaceTable(table: HTMLTableElement, html: string): void;
  /** Replace the whole draft by `html`, recorded by the editor as one undo step. */
  setContent(html: string): void;
}

export type Write = 'api' | 'execCommand' | 'textarea';

const isFn = (o: unknown, ...names: string[]) => !!o && names.every((n) => typeof (o as Obj)[n] === 'function');

function get(win: Window, name: string): Obj | undefined {
  try {
    const v = (win as unknown as Obj)[name];
    return v && (typeof v === 'object' || typeof v === 'function') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Page globals holding objects (window.editor, window.ue …), for editors without a registry. */
function* globals(win: Window): Generator<Obj> {
  let keys: string[] = [];
  try {
    keys = Object.keys(win);
  } catch {
    return;
  }
  for (const key of keys) {
    if (/^\d+$/.test(key)) continue;
    const v = get(win, key);
    if (v && typeof v === 'object') yield v;
  }
}

const values = (o: unknown): Obj[] =>
  o && typeof o === 'object' ? (Object.values(o) as Obj[]).filter((v) => v && typeof v === 'object') : [];

/** Select `node` in its own document, so that an insert replaces it. */
function selectNode(node: Node) {
  const doc = node.ownerDocument!;
  const range = doc.createRange();
  range.selectNode(node);
  const sel = doc.defaultView!.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

/** Keep the caret where the user left it in the editing body; put it at the end when it is elsewhere. */
function caretInside(root: HTMLElement) {
  const doc = root.ownerDocument;
  const sel = doc.defaultView?.getSelection();
  if (!sel) return;
  if (sel.rangeCount && root.contains(sel.getRangeAt(0).commonAncestorContainer)) return;
  const range = doc.createRange();
  range.selectNodeContents(root);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

function execInsert(root: HTMLElement, html: string) {
  const doc = root.ownerDocument;
  root.focus();
  caretInside(root);
  if (!doc.execCommand('insertHTML', false, html)) throw new EditorError('failed', 'insertHTML refused');
}

/** The browser's own editing: a plain contenteditable, or an editor whose object is not reachable. */
function nativeAdapter(root: HTMLElement): Adapter {
  return {
    getContent: () => root.innerHTML,
    insertHtml: (html) => execInsert(root, html),
    replaceTable(table, html) {
      root.focus();
      selectNode(table);
      if (!root.ownerDocument.execCommand('insertHTML', false, html))
        throw new EditorError('failed', 'insertHTML refused');
    },
    setContent: (html) => replaceAll(root, html),
  };
}

/**
 * The browser's undo records one insertHTML as one step. Inserted next to a paragraph, Chrome merges
 * the first or last inserted block into it: so the whole of the body's content is selected and the
 * new draft inserted in its place, with nothing around it to merge into.
 */
function replaceAll(root: HTMLElement, html: string) {
  const doc = root.ownerDocument;
  root.focus();
  const range = doc.createRange();
  range.selectNodeContents(root);
  const sel = doc.defaultView!.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  // Chrome drops the white space between blocks anyway, and makes a stray empty paragraph of a trailing one.
  const blocks = html.replace(/>\s+</g, '><').trim();
  if (!doc.execCommand('insertHTML', false, blocks)) throw new EditorError('failed', 'insertHTML refused');
}

/** The one run where two strings differ: [start, end in a, end in b]. */
export function differingSpan(a: string, b: string): [number, number, number] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < a.length - start && tail < b.length - start && a[a.length - 1 - tail] === b[b.length - 1 - tail])
    tail++;
  return [start, a.length - tail, b.length - tail];
}

/** The n-th `<table …>…</table>` of a textarea's HTML source, counted like querySelectorAll('table'). */
export function tableSpan(source: string, index: number): [number, number] | null {
  // A tag is `<table` or `</table` up to the next `>`. The `>` is found by one forward scan shared by
  // all tags (a regex with [^>]* would read to the end of the source from every `<table ` that has
  // none: quadratic on a crafted draft); the tag search resumes after the `>`, as the regex did.
  const tags = /<(\/?)table\b/gi;
  let gt = -1;
  let depth = 0;
  let count = -1;
  let start = -1;
  let at = 0;
  for (let m = tags.exec(source); m; m = tags.exec(source)) {
    if (gt < m.index) gt = source.indexOf('>', m.index);
    if (gt < 0) return null;
    tags.lastIndex = gt + 1;
    if (!m[1]) {
      if (++count === index) [start, at] = [m.index, depth];
      depth++;
    } else if (depth > 0 && --depth === at && start >= 0) return [start, gt + 1];
  }
  return null;
}

function textareaInsert(el: HTMLTextAreaElement, text: string, from = el.selectionStart, to = el.selectionEnd) {
  el.focus();
  el.setSelectionRange(from, to);
  // insertText goes on the textarea's undo stack; setRangeText (the fallback) does not.
  const doc = el.ownerDocument;
  if (
    typeof doc.execCommand === 'function' &&
    doc.execCommand('insertText', false, text) &&
    el.value.slice(from, from + text.length) === text
  )
    return;
  el.setRangeText(text, from, to, 'end');
  el.dispatchEvent(new el.ownerDocument.defaultView!.Event('input', { bubbles: true }));
}

export function textareaAdapter(el: HTMLTextAreaElement) {
  return {
    getContent: () => el.value,
    insertHtml: (html: string) => textareaInsert(el, html),
    replaceTableAt(index: number, html: string) {
      const span = tableSpan(el.value, index);
      if (!span) throw new EditorError('no-table');
      textareaInsert(el, html, span[0], span[1]);
    },
    setContent(html: string) {
      const [start, oldEnd, newEnd] = differingSpan(el.value, html);
      textareaInsert(el, html.slice(start, newEnd), start, oldEnd);
    },
  };
}

function ueditor(win: Window, area: EditingArea): Adapter | null {
  const UE = get(win, 'UE');
  const inst = values(UE?.instants).find((e) => e.document === area.root.ownerDocument || e.body === area.root);
  if (!inst || !isFn(inst, 'getContent', 'execCommand')) return null;
  const wysiwyg = () => {
    if (isFn(inst, 'queryCommandState') && inst.queryCommandState('source') === 1) throw new EditorError('source-mode');
  };
  return {
    getContent: () => (wysiwyg(), inst.getContent()),
    insertHtml(html) {
      wysiwyg();
      inst.execCommand('inserthtml', html);
    },
    replaceTable(table, html) {
      wysiwyg();
      // UEditor keeps its own range object; the native selection serves where it has none.
      const range = isFn(inst.selection, 'getRange') ? inst.selection.getRange() : null;
      if (range && isFn(range, 'selectNode', 'select')) range.selectNode(table).select();
      else selectNode(table);
      inst.execCommand('inserthtml', html);
    },
    setContent(html) {
      wysiwyg();
      // UEditor's undo plugin files a scene on 'saveScene': one before and one after make one step.
      const scene = () => isFn(inst, 'fireEvent') && inst.fireEvent('saveScene');
      scene();
      inst.setContent(html);
      scene();
      if (isFn(inst, 'sync')) inst.sync();
    },
  };
}

function kindeditor(win: Window, area: EditingArea): Adapter | null {
  const doc = area.root.ownerDocument;
  const mine = (e: Obj) => e?.edit?.doc === doc;
  const inst = [...(get(win, 'KindEditor')?.instances ?? []), ...globals(win)].find(
    (e: Obj) => mine(e) && isFn(e, 'html', 'insertHtml'),
  );
  if (!inst) return null;
  const wysiwyg = () => {
    if (inst.edit.designMode === false) throw new EditorError('source-mode');
  };
  const sync = () => isFn(inst, 'sync') && inst.sync();
  return {
    getContent: () => (wysiwyg(), inst.html()),
    insertHtml(html) {
      wysiwyg();
      inst.insertHtml(html);
      sync();
    },
    replaceTable(table, html) {
      wysiwyg();
      selectNode(table);
      // KindEditor inserts at its own saved range: read the native selection into it first.
      if (isFn(inst.cmd, 'selection')) inst.cmd.selection(true);
      inst.insertHtml(html);
      sync();
    },
    setContent(html) {
      wysiwyg();
      // html(h) files no undo step of its own: a bookmark before and after makes it one.
      const bookmark = () => isFn(inst, 'addBookmark') && inst.addBookmark(false);
      bookmark();
      inst.html(html);
      bookmark();
      sync();
    },
  };
}

function ckeditor4(win: Window, area: EditingArea): Adapter | null {
  const CK = get(win, 'CKEDITOR');
  const doc = area.root.ownerDocument;
  const inst = values(CK?.instances).find((e) => {
    try {
      return (area.frame && e.document?.$ === doc) || (isFn(e, 'editable') && e.editable()?.$ === area.root);
    } catch {
      return false;
    }
  });
  if (!inst || !isFn(inst, 'getData', 'insertHtml')) return null;
  const wysiwyg = () => {
    if (inst.mode === 'source') throw new EditorError('source-mode');
  };
  const update = () => isFn(inst, 'updateElement') && inst.updateElement();
  return {
    getContent: () => (wysiwyg(), inst.getData()),
    insertHtml(html) {
      wysiwyg();
      inst.insertHtml(html);
      update();
    },
    replaceTable(table, html) {
      wysiwyg();
      inst.focus();
      inst.getSelection().selectElement(new CK!.dom.element(table));
      inst.insertHtml(html);
      update();
    },
    setContent(html) {
      wysiwyg();
      // setData takes an undo snapshot before and after itself (unless told noSnapshot).
      inst.setData(html, { callback: update });
    },
  };
}

function ckeditor5(_win: Window, area: EditingArea): Adapter | null {
  const inst = (area.root as unknown as Obj).ckeditorInstance as Obj | undefined;
  if (!inst || !isFn(inst, 'getData') || !inst.model || !inst.data) return null;
  const fragment = (html: string) => inst.data.toModel(inst.data.processor.toView(html));
  return {
    getContent: () => inst.getData(),
    insertHtml(html) {
      // One model.change is one undo step.
      inst.model.change(() => inst.model.insertContent(fragment(html)));
    },
    replaceTable(table, html) {
      const dom = table.closest('figure.table') ?? table;
      const view = inst.editing.view.domConverter.mapDomToView(dom);
      const element = view && inst.editing.mapper.toModelElement(view);
      if (!element) throw new EditorError('no-table');
      inst.model.change((writer: Obj) => inst.model.insertContent(fragment(html), writer.createRangeOn(element)));
    },
    setContent(html) {
      // editor.setData is not undoable; the data controller's set with an undoable batch is one step.
      inst.data.set(html, { batchType: { isUndoable: true } });
    },
  };
}

function tinymce(win: Window, area: EditingArea): Adapter | null {
  const T = get(win, 'tinymce');
  const all: Obj[] = isFn(T, 'get') ? [].concat(T!.get() ?? []) : (T?.editors ?? []);
  const inst = all.find((e) => isFn(e, 'getBody') && e.getBody() === area.root);
  if (!inst || !isFn(inst, 'getContent', 'insertContent')) return null;
  return {
    getContent: () => inst.getContent(),
    insertHtml: (html) => inst.insertContent(html),
    replaceTable(table, html) {
      inst.undoManager.transact(() => {
        inst.selection.select(table);
        inst.insertContent(html);
      });
    },
    setContent(html) {
      inst.undoManager.transact(() => inst.setContent(html));
    },
  };
}

function wangeditor5(win: Window, area: EditingArea): Adapter | null {
  const inst = [...globals(win)].find((e) => {
    if (!isFn(e, 'getHtml', 'dangerouslyInsertHtml', 'toDOMNode')) return false;
    try {
      return e.toDOMNode(e) === area.root;
    } catch {
      return false;
    }
  });
  if (!inst) return null;
  const ready = () => {
    if (!inst.selection) inst.focus(true);
  };
  return {
    getContent: () => inst.getHtml(),
    insertHtml(html) {
      ready();
      inst.dangerouslyInsertHtml(html);
    },
    replaceTable(table, html) {
      const W = get(win, 'wangEditor');
      if (!isFn(W?.DomEditor, 'toSlateNode', 'findPath') || !isFn(W?.SlateTransforms, 'insertNodes', 'removeNodes'))
        throw new EditorError('no-api');
      const path: number[] = W!.DomEditor.findPath(inst, W!.DomEditor.toSlateNode(inst, table));
      const after = [...path.slice(0, -1), path[path.length - 1]! + 1];
      // In one tick, so Slate's history keeps the three operations as one undo step.
      W!.SlateTransforms.insertNodes(inst, { type: 'paragraph', children: [{ text: '' }] }, { at: path });
      W!.SlateTransforms.removeNodes(inst, { at: after });
      inst.select([...path, 0]);
      inst.dangerouslyInsertHtml(html);
    },
    setContent(html) {
      // setHtml clears and inserts in one tick, which Slate's history keeps as one undo step.
      inst.setHtml(html);
    },
  };
}

function wangeditor4(win: Window, area: EditingArea): Adapter | null {
  const inst = [...globals(win)].find(
    (e) => e.$textElem?.elems?.[0] === area.root && isFn(e.txt, 'html') && isFn(e.cmd, 'do'),
  );
  if (!inst) return null;
  const save = () => isFn(inst.selection, 'saveRange') && inst.selection.saveRange();
  // wangEditor 4 files its undo steps from a MutationObserver after a 200 ms debounce: an undo
  // pressed sooner would revert the step before ours. File ours now.
  const commit = () => {
    const change = inst.change;
    if (!isFn(change, 'disconnect', 'connect', 'save')) return;
    change.disconnect();
    change.connect();
    change.save();
  };
  return {
    getContent: () => inst.txt.html(),
    insertHtml(html) {
      area.root.focus();
      caretInside(area.root);
      save();
      inst.cmd.do('insertHTML', html);
      commit();
    },
    replaceTable(table, html) {
      area.root.focus();
      selectNode(table);
      save();
      inst.cmd.do('insertHTML', html);
      commit();
    },
    setContent(html) {
      inst.txt.html(html);
      commit();
    },
  };
}

/** FCKeditor 2: the instance is named by its outer frame, `<name>___Frame`, in that frame's parent window. */
function fckeditor(win: Window, area: EditingArea): Adapter | null {
  const outer = area.host ?? area.frame;
  const name = outer?.id.replace(/___Frame$/, '');
  const api = get(outer?.ownerDocument.defaultView ?? win, 'FCKeditorAPI');
  const inst = name && isFn(api, 'GetInstance') ? api!.GetInstance(name) : null;
  if (!inst || !isFn(inst, 'GetXHTML', 'InsertHtml')) return null;
  return {
    getContent: () => inst.GetXHTML(true),
    insertHtml: (html) => inst.InsertHtml(html),
    replaceTable(table, html) {
      selectNode(table);
      inst.InsertHtml(html);
    },
    setContent(html) {
      if (!isFn(inst, 'SetData')) throw new EditorError('no-api');
      inst.SetData(html);
    },
  };
}

const FINDERS: Partial<Record<EditorKind, (win: Window, area: EditingArea) => Adapter | null>> = {
  ueditor,
  kindeditor,
  ckeditor4,
  ckeditor5,
  tinymce,
  wangeditor5,
  wangeditor4,
  fckeditor,
};

/** Editors that re-render from a model: writing their DOM behind their back is undone or breaks them. */
const MODEL_ONLY: EditorKind[] = ['ckeditor5', 'wangeditor5'];

/** The editor's own object for an area, or null (eWebEditor, plain contenteditable, an editor the page hides). */
export function findApi(win: Window, area: EditingArea): Adapter | null {
  try {
    return FINDERS[area.kind]?.(win, area) ?? null;
  } catch {
    return null;
  }
}

export interface Handle {
  api: boolean;
  getContent(): string;
  insertHtml(html: string): Write;
  replaceTable(index: number, html: string): Write;
  /** The whole draft replaced as one undo step, if it still is `base`. */
  setContent(html: string, base: string): Write;
}

/** Everything the bridge does with one area: the API where found, else the browser's editing. */
export function handle(win: Window, area: EditingArea): Handle {
  if (area.kind === 'textarea') {
    const t = textareaAdapter(area.root as HTMLTextAreaElement);
    return {
      api: false,
      getContent: t.getContent,
      insertHtml: (html) => (t.insertHtml(html), 'textarea'),
      replaceTable: (index, html) => (t.replaceTableAt(index, html), 'textarea'),
      setContent(html, base) {
        if (t.getContent() !== base) throw new EditorError('changed');
        t.setContent(html);
        return 'textarea';
      },
    };
  }
  const api = findApi(win, area);
  if (!api && MODEL_ONLY.includes(area.kind)) {
    const refuse = (): never => {
      throw new EditorError('no-api');
    };
    return {
      api: false,
      getContent: () => area.root.innerHTML,
      insertHtml: refuse,
      replaceTable: refuse,
      setContent: refuse,
    };
  }
  const adapter = api ?? nativeAdapter(area.root);
  const via: Write = api ? 'api' : 'execCommand';
  return {
    api: !!api,
    getContent: () => adapter.getContent(),
    insertHtml: (html) => (adapter.insertHtml(html), via),
    replaceTable(index, html) {
      const table = area.root.querySelectorAll('table')[index];
      if (!table) throw new EditorError('no-table');
      adapter.replaceTable(table, html);
      return via;
    },
    setContent(html, base) {
      if (adapter.getContent() !== base) throw new EditorError('changed');
      adapter.setContent(html);
      return via;
    },
  };
}
