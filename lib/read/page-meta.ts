/**
 * What a government website states about one of its pages, outside the article: the standard meta
 * tags of 政府网站 (国办《政府网站发展指引》: PubDate, ArticleTitle, SiteName, SiteDomain,
 * ColumnName, ContentSource) and the header line a CMS prints above the article
 * (时间：2022-01-07 11:00). The CLI's light DOM and a live page (the panel) both read it here.
 */
export interface PageFacts {
  /** ISO date (YYYY-MM-DD): the PubDate meta tag, else the header line; null when the page states neither. */
  publishedAt: string | null;
  title: string | null;
  site: string | null;
  domain: string | null;
  column: string | null;
  contentSource: string | null;
}

/** The names sites use for each fact, lower-cased (meta names are matched case-insensitively). */
const NAMES: Record<Exclude<keyof PageFacts, never>, readonly string[]> = {
  publishedAt: ['pubdate', 'publishdate', 'firstpublishedtime', 'publishtime', 'article:published_time'],
  title: ['articletitle'],
  site: ['sitename'],
  domain: ['sitedomain'],
  column: ['columnname'],
  contentSource: ['contentsource'],
};
const FIELD = new Map(Object.entries(NAMES).flatMap(([field, names]) => names.map((n) => [n, field] as const)));

const DATE = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const iso = (m: RegExpExecArray) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;

/** A date as a tag or a header states it, or null when it holds none (or an impossible one). */
export function dateIn(value: string): string | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? iso(m) : null;
}

/**
 * The header line above an article: a label (发布时间/发布日期/时间/日期) and a date *with a time
 * after it* — what a CMS prints — or, failing that, 发布时间/发布日期 with a date alone. A bare
 * 日期 followed by a date is too common in prose (会议日期…) to count without the time.
 */
const S = '[\\s\\u3000\\u00a0]*';
const LABEL_DATE = `${S}[:：]?${S}((?:19|20)\\d{2})${S}[-年/.]${S}(\\d{1,2})${S}[-月/.]${S}(\\d{1,2})`;
const TIMED = new RegExp(
  `(?:发布时间|发布日期|发文日期|时${S}间|日${S}期)${LABEL_DATE}(?:日${S}|[\\s\\u3000\\u00a0]+)\\d{1,2}${S}[:：时]${S}\\d{2}`,
);
const LABELLED = new RegExp(`(?:发布时间|发布日期|发文日期|发布于)${LABEL_DATE}(?!\\d)`);
const HEADER_SPAN = 200_000;

export function headerDate(text: string): string | null {
  const head = text.length > HEADER_SPAN ? text.slice(0, HEADER_SPAN) : text;
  const m = TIMED.exec(head) ?? LABELLED.exec(head);
  return m ? dateIn(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

const clean = (s: string | null) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 200) : null;
};

/** Reads the page's meta tags and header line. Only DOM calls both the light DOM and a browser's have. */
export function readPageMeta(doc: Document): PageFacts {
  const facts: PageFacts = {
    publishedAt: null,
    title: null,
    site: null,
    domain: null,
    column: null,
    contentSource: null,
  };
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const name = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').trim().toLowerCase();
    const field = FIELD.get(name) as keyof PageFacts | undefined;
    if (!field || facts[field] !== null) continue;
    const content = el.getAttribute('content') ?? '';
    facts[field] = field === 'publishedAt' ? dateIn(content) : clean(content);
  }
  facts.publishedAt ??= headerDate(doc.body?.textContent ?? doc.documentElement?.textContent ?? '');
  return facts;
}
