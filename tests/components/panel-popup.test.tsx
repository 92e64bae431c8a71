import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupPage } from '../../components/panel/PopupPage';
import { Options, parseSites } from '../../components/options/Options';
import { loadSettings, saveSettings } from '../../components/options/store';
import { defaultSettings, type Settings } from '../../lib/extension/settings';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkText } from '../../lib/check/engine';
import type { PageStatus } from '../../lib/extension/messages';
import { seedsDir } from '../paths';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const onTab = (url: string) => async () => ({ id: 7, windowId: 1, url });

describe('popup page', () => {
  it('offers 打开检查面板, and 在此网站启用 on a host that is not enabled yet', async () => {
    render(<PopupPage currentTab={onTab('http://10.1.2.3:8080/wcm/app/edit.jsp')} />);
    expect(screen.getByText('打开检查面板')).toBeTruthy();
    expect(await screen.findByText('在此网站启用')).toBeTruthy();
  });

  it('says a gov.cn site is on by default, and an enabled host is enabled', async () => {
    render(<PopupPage currentTab={onTab('http://xxgk.example.gov.cn/art/2021/1/1/art_1_1.html')} />);
    expect(await screen.findByText('政府网站（*.gov.cn）默认启用')).toBeTruthy();
    cleanup();
    await saveSettings({ ...defaultSettings, sites: ['10.1.2.3'] });
    render(<PopupPage currentTab={onTab('http://10.1.2.3/wcm/')} />);
    expect(await screen.findByText('已在此网站启用')).toBeTruthy();
  });
});

describe('popup page on a draft', () => {
  const { text: _text, ...report } = checkText(readFileSync(resolve(seedsDir, '003_422ee649bd0c999e.txt'), 'utf8'));
  const status: PageStatus = {
    kind: 'editor',
    parsed: true,
    editor: 'tinymce',
    url: 'http://x.gov.cn/',
    report,
    errors: 0,
  };

  it('takes the year and unit from the draft, and inserts through the page’s editor', async () => {
    // The content script's side of the conversation (the e2e tests run the real one).
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: { type: string }) => {
      sent.push(message);
      return message.type === 'status' ? status : { ok: true, op: 'insertHtml', kind: 'tinymce', via: 'api' };
    }) as never);
    const { container } = render(<PopupPage currentTab={onTab('http://xxgk.example.gov.cn/wcm/edit.jsp')} />);
    await waitFor(() =>
      expect((container.querySelector('input[inputmode="numeric"]') as HTMLInputElement).value).toBe('2020'),
    );
    expect((container.querySelectorAll('input')[1] as HTMLInputElement).value).toBe('阳头升乡');
    fireEvent.click(screen.getByText('插入完整报告'));
    expect(await screen.findByText('已插入编辑器，可在编辑器中撤销。')).toBeTruthy();
    const insert = sent.find((m) => (m as { type: string }).type === 'editor') as { op: { op: string; html: string } };
    expect(insert.op.op).toBe('insertHtml');
    expect(insert.op.html).toContain('阳头升乡2020年政府信息公开工作年度报告');
  });

  /** The popup on a draft whose status is still on its way: `answer` delivers it. */
  async function openBeforeStatus() {
    let answer!: (s: PageStatus) => void;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: { type: string }) =>
      message.type === 'status' ? new Promise((r) => (answer = r)) : { ok: true }) as never);
    const { container } = render(<PopupPage currentTab={onTab('http://xxgk.example.gov.cn/wcm/edit.jsp')} />);
    const [year, unit] = [...container.querySelectorAll('input')] as HTMLInputElement[];
    await waitFor(() => expect(answer).toBeTypeOf('function'));
    return { answer, container, year: year!, unit: unit! };
  }

  it('keeps the year and unit the clerk typed when the draft’s status arrives after', async () => {
    const { answer, container, year, unit } = await openBeforeStatus();
    fireEvent.input(year, { target: { value: '2023' } });
    answer(status);
    // The draft's unit fills the untouched field; the typed year stays, and so does its format.
    await waitFor(() => expect(unit.value).toBe('阳头升乡'));
    expect(year.value).toBe('2023');
    expect(container.querySelector('.popup-format')!.getAttribute('data-format')).toBe('2021');
  });

  it('does not change the year under the clerk when the status arrives while she is in the field', async () => {
    const { answer, container, year, unit } = await openBeforeStatus();
    const shown = year.value;
    // She clicks in the field and selects its text to type over it (as Playwright's fill does) ...
    year.focus();
    year.select();
    answer(status);
    // ... the draft's unit fills the field she is not in; the year she is about to replace stays put,
    // selected (a value set there would drop the selection, and her 2023 would follow the draft's 2020).
    await waitFor(() => expect(unit.value).toBe('阳头升乡'));
    expect(year.value).toBe(shown);
    expect([year.selectionStart, year.selectionEnd]).toEqual([0, shown.length]);
    fireEvent.input(year, { target: { value: '2023' } });
    expect(container.querySelector('.popup-format')!.getAttribute('data-format')).toBe('2021');
  });

  it('gives the draft’s year to the field she was in and left untyped', async () => {
    const { answer, year, unit } = await openBeforeStatus();
    year.focus();
    answer(status);
    await waitFor(() => expect(unit.value).toBe('阳头升乡'));
    expect(year.value).not.toBe('2020');
    fireEvent.blur(year);
    await waitFor(() => expect(year.value).toBe('2020'));
  });
});

describe('options page', () => {
  it('states that nothing leaves the computer, in Chinese', async () => {
    render(<Options />);
    expect(screen.getByText('所有检查都在本机完成，任何内容都不会离开您的电脑。')).toBeTruthy();
    expect(screen.getByText('启用的检查项')).toBeTruthy();
  });

  it('reads hosts from what a clerk types and refuses what is not a host', () => {
    expect(parseSites('http://10.1.2.3:8080/wcm/\ncms.example.com， CMS.example.com\n')).toEqual({
      hosts: ['10.1.2.3', 'cms.example.com'],
      invalid: [],
    });
    expect(parseSites('a..b 10.0.0.1 bad:host:name').invalid).toEqual(['a..b', 'bad:host:name']);
    // Chinese domain names are hosts too (punycode).
    expect(parseSites('政府.cn').hosts).toEqual(['xn--mxtq1m.cn']);
  });

  it('saves the year and the checks turned off, validated, and shows the stored sites', async () => {
    const stored: Settings = { sites: ['10.1.2.3'], year: null, disabled: [] };
    const save = vi.fn(async (_: Settings) => {});
    const { container } = render(<Options load={async () => stored} save={save} />);
    await waitFor(() => expect((container.querySelector('textarea') as HTMLTextAreaElement).value).toBe('10.1.2.3'));
    fireEvent.change(container.querySelector('select')!, { target: { value: '2021' } });
    fireEvent.click(container.querySelector('input[name="copied-text"]')!);
    fireEvent.submit(container.querySelector('form')!);
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    expect(save.mock.calls[0]![0]).toEqual({ sites: ['10.1.2.3'], year: 2021, disabled: ['copied-text'] });
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('does not save a list with a line that is not a host', async () => {
    const save = vi.fn(async (_: Settings) => {});
    const { container } = render(<Options load={async () => defaultSettings} save={save} />);
    fireEvent.input(container.querySelector('textarea')!, { target: { value: 'http://ok.example.com\na..b' } });
    fireEvent.submit(container.querySelector('form')!);
    expect(await screen.findByText('无法识别的地址：a..b')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it('falls back to the defaults when stored settings no longer parse', async () => {
    await fakeBrowser.storage.local.set({ settings: { sites: ['not a host!'], year: 'x' } });
    expect(await loadSettings()).toEqual(defaultSettings);
  });
});
