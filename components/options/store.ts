import { browser } from 'wxt/browser';
import { pageKey, parsePageYears, parseSettings, withPageYear, type Settings } from '../../lib/extension/settings';

const KEY = 'settings';
const PAGE_YEARS = 'pageYears';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY] ?? {});
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(parseSettings(changes[KEY]!.newValue ?? {}));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** The report year the clerk gave in the panel for this page, or null. */
export async function loadPageYear(url: string): Promise<number | null> {
  const stored = await browser.storage.local.get(PAGE_YEARS);
  return parsePageYears(stored[PAGE_YEARS])[pageKey(url)] ?? null;
}

/** Remembers (or, with null, forgets) the report year of this page. */
export async function savePageYear(url: string, year: number | null): Promise<void> {
  const stored = await browser.storage.local.get(PAGE_YEARS);
  await browser.storage.local.set({ [PAGE_YEARS]: withPageYear(parsePageYears(stored[PAGE_YEARS]), url, year) });
}

export function onPageYearChanged(url: string, listener: (year: number | null) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PAGE_YEARS in changes)
      listener(parsePageYears(changes[PAGE_YEARS]!.newValue)[pageKey(url)] ?? null);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
