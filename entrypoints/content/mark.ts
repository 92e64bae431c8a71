/**
 * Marks a place in the page without touching the editor's DOM: the CSS Custom Highlight API in the
 * range's own window (its style is an adopted sheet, not a node), else an overlay in a shadow root
 * on the top document positioned from the range's rectangles.
 */
const NAME = 'nianbao-mark';
const SHOW_MS = 4000;
const styled = new WeakSet<Document>();
let clear: (() => void) | null = null;

type HighlightWindow = Window & {
  Highlight?: new (...ranges: Range[]) => unknown;
  CSS: { highlights?: Map<string, unknown> };
  CSSStyleSheet: typeof CSSStyleSheet;
};

function highlight(range: Range): (() => void) | null {
  const doc = range.startContainer.ownerDocument;
  const win = doc?.defaultView as HighlightWindow | null;
  if (!doc || !win?.Highlight || !win.CSS?.highlights) return null;
  if (!styled.has(doc)) {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(`::highlight(${NAME}) { background-color: #ffd54f; color: #000; }`);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    styled.add(doc);
  }
  const registry = win.CSS.highlights;
  registry.set(NAME, new win.Highlight(range));
  return () => registry.delete(NAME);
}

/** The offset of a frame's viewport in the top document. */
function frameOffset(win: Window): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let w: Window = win; w !== w.parent && w.frameElement; w = w.parent) {
    const r = w.frameElement.getBoundingClientRect();
    x += r.left + w.frameElement.clientLeft;
    y += r.top + w.frameElement.clientTop;
  }
  return { x, y };
}

function overlay(range: Range): () => void {
  const top = window.top?.document ?? document;
  const host = top.createElement('nianbao-mark');
  const shadow = host.attachShadow({ mode: 'closed' });
  const { x, y } = frameOffset(range.startContainer.ownerDocument!.defaultView ?? window);
  for (const r of Array.from(range.getClientRects())) {
    const box = top.createElement('div');
    box.style.cssText = `position:fixed;pointer-events:none;z-index:2147483647;left:${r.left + x - 2}px;top:${r.top + y - 2}px;width:${r.width + 4}px;height:${r.height + 4}px;background:rgba(255,213,79,.45);outline:2px solid #f57c00;border-radius:2px`;
    shadow.append(box);
  }
  top.documentElement.append(host);
  return () => host.remove();
}

export function mark(range: Range): void {
  clear?.();
  const undo = highlight(range) ?? overlay(range);
  const timer = setTimeout(() => {
    undo();
    if (clear === stop) clear = null;
  }, SHOW_MS);
  const stop = () => {
    clearTimeout(timer);
    undo();
  };
  clear = stop;
}

/** Scrolls the range's element into view in its frame and every frame above it. */
export function scrollTo(range: Range): void {
  const node = range.startContainer;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  el?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
