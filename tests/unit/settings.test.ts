import { describe, expect, it } from 'vitest';
import { PageStatus, ToBackground, ToContent } from '../../lib/extension/messages';
import {
  defaultSettings,
  hostOf,
  hostPattern,
  pageKey,
  parsePageYears,
  parseSettings,
  withPageYear,
} from '../../lib/extension/settings';

describe('settings', () => {
  it('takes the host from whatever a clerk pastes', () => {
    expect(hostOf('http://10.1.2.3:8080/wcm/app/main.jsp')).toBe('10.1.2.3');
    expect(hostOf('  CMS.Example.com ')).toBe('cms.example.com');
    expect(hostOf('https://[::1]:8443/')).toBe('[::1]');
    expect(hostOf('')).toBeNull();
    expect(hostOf('a..b')).toBeNull();
    expect(hostOf('http://bad:port/')).toBeNull();
  });

  it('makes a match pattern that covers every port and scheme of the host', () => {
    expect(hostPattern('10.1.2.3')).toBe('*://10.1.2.3/*');
  });

  it('keeps valid stored settings and replaces anything else by the defaults', () => {
    const good = { sites: ['10.1.2.3'], year: 2021, disabled: ['copied-text'] };
    expect(parseSettings(good)).toEqual(good);
    expect(parseSettings({ ...good, disabled: ['no-such-check'] })).toEqual(defaultSettings);
    expect(parseSettings({ ...good, year: 1999 })).toEqual(defaultSettings);
    expect(parseSettings(null)).toEqual(defaultSettings);
  });
});

describe('report years remembered by page', () => {
  const edit = 'http://10.1.2.3/wcm/edit.jsp?docId=42#top';

  it('keys a page by its address without the fragment, the query kept (CMS edit pages differ by it)', () => {
    expect(pageKey(edit)).toBe('http://10.1.2.3/wcm/edit.jsp?docId=42');
    expect(pageKey('http://10.1.2.3/wcm/edit.jsp?docId=43')).not.toBe(pageKey(edit));
    expect(pageKey('not a url')).toBe('not a url');
  });

  it('sets, replaces and forgets one page’s year without touching the others', () => {
    const one = withPageYear({}, edit, 2025);
    expect(one).toEqual({ 'http://10.1.2.3/wcm/edit.jsp?docId=42': 2025 });
    const two = withPageYear(one, 'http://x.gov.cn/a', 2024);
    expect(withPageYear(two, `${edit}x`, 2023)['http://10.1.2.3/wcm/edit.jsp?docId=42']).toBe(2023);
    expect(withPageYear(two, edit, null)).toEqual({ 'http://x.gov.cn/a': 2024 });
  });

  it('keeps the newest 200 pages and drops what does not parse', () => {
    let years = {};
    for (let i = 0; i < 205; i++) years = withPageYear(years, `http://x.gov.cn/${i}`, 2020);
    const keys = Object.keys(years);
    expect(keys).toHaveLength(200);
    expect(keys[0]).toBe('http://x.gov.cn/5');
    expect(keys.at(-1)).toBe('http://x.gov.cn/204');
    expect(parsePageYears({ a: 1999 })).toEqual({});
    expect(parsePageYears('x')).toEqual({});
    expect(parsePageYears({ a: 2025 })).toEqual({ a: 2025 });
  });
});

describe('messages', () => {
  it('accepts the messages the contexts send and drops anything else', () => {
    expect(ToContent.safeParse({ type: 'reveal', start: 3, end: 5 }).success).toBe(true);
    expect(ToContent.safeParse({ type: 'reveal', start: '3', end: 5 }).success).toBe(false);
    expect(ToContent.safeParse({ type: 'editor', op: { op: 'insertHtml', html: '<p>x</p>' } }).success).toBe(true);
    expect(ToContent.safeParse({ type: 'editor', op: { op: 'format-disk' } }).success).toBe(false);
    expect(ToBackground.safeParse({ type: 'open-panel', tabId: 4 }).success).toBe(false);
    expect(
      ToBackground.safeParse({ type: 'page-report', status: { kind: 'none', parsed: false, url: 'x', errors: 0 } })
        .success,
    ).toBe(true);
    expect(PageStatus.safeParse({ kind: 'maybe', parsed: false, url: 'x', errors: 0 }).success).toBe(false);
  });
});
