import * as z from 'zod/mini';
import { FindingCode } from '../check/report';

/** Host names or IPv4/IPv6 addresses a clerk may add: CMS consoles often sit on an intranet address. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:]+\])$/;

export const Host = z.string().check(z.regex(HOST));

const Year = z.number().check(z.int(), z.gte(2008), z.lte(2100));

export const Settings = z.object({
  /** Hosts beyond *.gov.cn where the content script runs (granted at run time). */
  sites: z.array(Host),
  /** The report year to assume when the draft does not say; null: from the draft. */
  year: z.nullable(Year),
  /** Checks the user turned off. */
  disabled: z.array(FindingCode),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = { sites: [], year: null, disabled: [] };

/** Stored settings that no longer parse (an older version, a hand edit) fall back to the defaults. */
export function parseSettings(value: unknown): Settings {
  const r = Settings.safeParse(value);
  return r.success ? r.data : defaultSettings;
}

/** What a clerk types ("http://10.1.2.3:8080/wcm/", "cms.example.com") → the host, or null. */
export function hostOf(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (!s) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(s) ? s : `http://${s}`).hostname;
  } catch {
    return null;
  }
  return Host.safeParse(host).success ? host : null;
}

/** The match pattern for a host; patterns ignore the port, so one entry covers every port. */
export function hostPattern(host: string): string {
  return `*://${host}/*`;
}

/**
 * Report years a clerk gave in the panel for drafts that do not state theirs, by page (pageKey).
 * Kept apart from Settings: the options page saves those whole and would write back a stale list.
 */
export const PageYears = z.record(z.string(), Year);
export type PageYears = z.infer<typeof PageYears>;

/** Pages remembered at most; the oldest answer goes first. */
const MAX_PAGE_YEARS = 200;

export function parsePageYears(value: unknown): PageYears {
  const r = PageYears.safeParse(value);
  return r.success ? r.data : {};
}

/** A page as the year is remembered for it: its address without the #fragment (CMS edit pages differ by query). */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** The list with this page's year set (null: forgotten), newest last, at most MAX_PAGE_YEARS pages. */
export function withPageYear(years: PageYears, url: string, year: number | null): PageYears {
  const key = pageKey(url);
  const { [key]: _old, ...rest } = years;
  const next: PageYears = year === null ? rest : { ...rest, [key]: year };
  const keys = Object.keys(next);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_PAGE_YEARS))) delete next[k];
  return next;
}
