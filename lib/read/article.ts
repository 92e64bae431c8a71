/**
 * Published pages wrap the report in site chrome (navigation, 繁體版, 无障碍, footers with 备案号).
 * The article is the container CMSs are known to use, else the smallest element that still holds
 * the report's title and its part headings.
 */
const CONTAINERS = [
  '#zoom',
  '.TRS_Editor',
  '.trs_editor',
  '.Custom_UnionStyle',
  '#ivs_content',
  '#webeditorview',
  '.xxgk_content',
  '.article-content',
  '.article_content',
  '#UCAP-CONTENT',
  '.view',
  'article',
];

const MARKERS = /政府信息公开|总体情况|主动公开|收到和处理|行政复议|存在的主要问题|其他需要报告/g;

function score(text: string): number {
  return (text.match(MARKERS) ?? []).length;
}

export function findArticle(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  for (const selector of CONTAINERS) {
    const el = doc.querySelector(selector);
    if (el && score(el.textContent ?? '') >= 3) {
      return el;
    }
  }
  let best: Element = body;
  let current = score(body.textContent ?? '');
  if (current < 3) return body;
  // Narrow while one child still holds (all but one of) the markers: a nav link may hold one.
  for (;;) {
    let next: Element | null = null;
    for (const child of Array.from(best.children)) {
      const s = score(child.textContent ?? '');
      if (s >= current - 1 && s >= 3) {
        next = child;
        current = s;
        break;
      }
    }
    if (!next) return best;
    best = next;
  }
}
