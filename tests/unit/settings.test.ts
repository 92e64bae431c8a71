import { describe, expect, it } from 'vitest';
import { PageStatus, ToBackground, ToContent } from '../../lib/extension/messages';
import { defaultSettings, hostOf, hostPattern, parseSettings } from '../../lib/extension/settings';

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
