import { browser } from 'wxt/browser';
import zh from '../../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof zh;

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** The default locale, filling placeholders the way browser.i18n does ($NAME$ → "$1" → the first substitution). */
function fromDefault(key: MessageKey, subs: string[]): string {
  const entry = zh[key] as Entry;
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? entry.placeholders?.[name]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, i: string) => subs[Number(i) - 1] ?? '');
  });
}

/** A UI string in the browser's language; outside an extension (component tests) the zh_CN text. */
export function t(key: MessageKey, ...subs: string[]): string {
  try {
    const getMessage = browser.i18n.getMessage as unknown as (k: string, s?: string[]) => string;
    const s = getMessage(key, subs);
    if (s) return s;
  } catch {
    // No i18n API here.
  }
  return fromDefault(key, subs);
}
