/**
 * The CMS's 标题 field beside the editor. Most CMSs keep the article's title in a form field of its
 * own, outside the editing body: a new draft's body then holds no title at all, and without this
 * field neither its year nor that it is an annual report can be read. Pure DOM, no `browser` API.
 */

import { EDITOR_CHROME } from './editors/detect';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Longest title kept: a title field never holds the article. */
const MAX_TITLE = 200;
/** A label is a few characters (「文章标题：」); longer text beside a field is something else. */
const MAX_LABEL = 12;

/** A title label, after spaces, asterisks and colons are dropped: 标题, 文章标题, 信息标题 … */
const TITLE_LABEL = /^(?:文章|信息|稿件|新闻|文档|内容|公开|主|正)?标题(?:名称)?$/;
/** Labels of the other title-like fields many CMSs add: never the article's title. */
const OTHER_LABEL = /副|短|简|引题|肩题|seo|浏览器|页面|英文|外文|关键|摘要|链接/i;
/** Names and ids of the title field: title, docTitle, art_title, txtTitle … */
const TITLE_NAME = /title/i;
const EXACT_NAME = /^(?:(?:doc|art|article|info|news|content|txt|tb|f)[_-]?)?title$/i;
const OTHER_NAME = /sub|short|seo|alias|second|vice|browser|page_?title|meta|english|en_?title|key|link|img|pic/i;
const squeeze = (s: string | null | undefined) => (s ?? '').replace(/[\s*＊:：]+/g, '');

function isTextField(el: Element): el is Field {
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea') return true;
  if (tag !== 'input') return false;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  return type === 'text' || type === 'search' || type === '';
}

/** The short texts that name a field: its <label>, aria-label, placeholder, the cell or element before it. */
function labelsOf(field: Field): string[] {
  const doc = field.ownerDocument;
  const out = [field.getAttribute('aria-label'), field.getAttribute('placeholder'), field.getAttribute('title')];
  const id = field.id;
  if (id) for (const l of Array.from(doc.querySelectorAll('label'))) if (l.htmlFor === id) out.push(l.textContent);
  out.push(field.closest('label')?.textContent ?? null);
  // Up to three levels: <label>标题</label><input>, <td>标题</td><td><input></td>, <div>标题</div><div><span><input>.
  let el: Element | null = field;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    const before = el.previousElementSibling;
    if (before) {
      out.push(before.textContent);
      break;
    }
    // Climbing further would leave this field's own box.
    if (el.parentElement && el.parentElement.querySelectorAll('input, textarea, select').length > 1) break;
  }
  return out.map(squeeze).filter((s) => s.length > 0 && s.length <= MAX_LABEL);
}

/** How surely this field is the article's title: 0 = not at all. */
function score(field: Field): number {
  const labels = labelsOf(field);
  const names = [field.getAttribute('name') ?? '', field.id];
  const inTitleBox = field.parentElement?.closest('.title, [class*="title"], [class*="Title"]') != null;
  // Most fields of a page (search boxes, comments) name no title at all: the content script's first
  // look on every page then compiles none of the expressions below.
  if (!inTitleBox && !labels.some((l) => l.includes('标题')) && !names.some((n) => n.toLowerCase().includes('title')))
    return 0;
  if (labels.some((l) => OTHER_LABEL.test(l))) return 0;
  if (names.some((n) => TITLE_NAME.test(n) && OTHER_NAME.test(n))) return 0;
  let s = 0;
  if (labels.some((l) => TITLE_LABEL.test(l))) s += 3;
  if (names.some((n) => EXACT_NAME.test(n))) s += 3;
  else if (names.some((n) => TITLE_NAME.test(n))) s += 2;
  if (inTitleBox) s += 2;
  return s;
}

/**
 * The title field of the form that holds an editor: `host` is the editor's frame (or the editable
 * element itself); the field is looked for in the document holding it. The surest field wins; among
 * equals, the nearest one above the editor, as CMS forms put the title first.
 */
export function titleField(host: Element): Field | null {
  const doc = host.ownerDocument;
  let best: { field: Field; score: number; above: boolean } | null = null;
  for (const el of Array.from(doc.querySelectorAll('input, textarea'))) {
    // Editors' own chrome holds inputs too (link dialogs, source boxes).
    if (!isTextField(el) || el === host || el.closest(EDITOR_CHROME)) continue;
    const s = score(el);
    if (s < 2) continue;
    const above = Boolean(el.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING);
    // Later fields above the editor are nearer to it; below it, the first one is.
    if (!best || s > best.score || (s === best.score && above)) best = { field: el, score: s, above };
  }
  return best?.field ?? null;
}

/** The title a field holds, trimmed, or null when it is empty. */
export function titleText(field: Field | null): string | null {
  const value = field?.value.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
  return value ? value : null;
}

/** Whether an element is a title field a clerk may type into (to check again when the title changes). */
export function isTitleField(el: EventTarget | null): el is Field {
  // Not instanceof: a field in a frame's document has that frame's Element.
  const node = el as Element | null;
  return typeof node?.tagName === 'string' && isTextField(node) && score(node) >= 2;
}
