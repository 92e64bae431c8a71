import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWithoutForeignRequests, extensionDir, launch, type Harness } from './harness';
import { BridgeResult, type BridgeOp } from '../../lib/extension/editors/protocol';

/**
 * The main-world editor bridge in each real editor (and the UEditor rebuild, which is not the real
 * UEditor: see fixtures/editors/ueditor-rebuild.js), driven the way the popup and the filler drive
 * it: a message to the content script, which has the background inject editor-bridge.js into the
 * page's main world (scripting.executeScript) and talks to it over a MessagePort handed over at
 * injection (lib/extension/editors/bridge-client.ts). Undo is the clerk's own
 * Ctrl+Z, pressed on the keyboard in the editor.
 */

declare global {
  interface Window {
    __editorReady?: boolean;
    __getContent(): string;
  }
}

let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(() => closeWithoutForeignRequests(h));

interface Fixture {
  name: string;
  kind: string;
  /** The editor's own object is reachable (else the bridge writes with the browser's insertHTML). */
  api: boolean;
  /** Where to click to put the caret in the first paragraph. */
  frame?: string;
  body: string;
}

const FIXTURES: Fixture[] = [
  { name: 'ueditor', kind: 'ueditor', api: true, frame: '#ueditor_0', body: 'body' },
  { name: 'kindeditor', kind: 'kindeditor', api: true, frame: 'iframe.ke-edit-iframe', body: 'body' },
  { name: 'ckeditor4', kind: 'ckeditor4', api: true, frame: 'iframe.cke_wysiwyg_frame', body: 'body' },
  { name: 'ckeditor5', kind: 'ckeditor5', api: true, body: '.ck-editor__editable' },
  { name: 'tinymce', kind: 'tinymce', api: true, frame: '#content_ifr', body: 'body' },
  { name: 'wangeditor5', kind: 'wangeditor5', api: true, body: '[data-slate-editor]' },
  { name: 'wangeditor4', kind: 'wangeditor4', api: true, body: '.w-e-text' },
  { name: 'contenteditable', kind: 'contenteditable', api: false, body: '#content' },
  { name: 'textarea', kind: 'textarea', api: false, body: '#content' },
];

const SNIPPET =
  '<p>附表：测试插入</p><table border="1"><tbody><tr><td>测试项目</td><td>7</td></tr><tr><td>合计</td><td>7</td></tr></tbody></table>';
const REPLACEMENT =
  '<table border="1"><tbody><tr><td>替换后的表格</td><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>2</td><td>2</td></tr></tbody></table>';

const tables = (html: string) => (html.match(/<table\b/gi) ?? []).length;

async function open(f: Fixture): Promise<{ page: Page; call(op: BridgeOp): Promise<BridgeResult> }> {
  const { page, tabId } = await h.open(`editors/${f.name}.html`);
  await page.waitForFunction(() => window.__editorReady === true);
  // The content script answers once it has looked at the page.
  await expect.poll(async () => (await h.status(tabId)).kind).toBe('editor');
  return { page, call: async (op) => BridgeResult.parse(await h.send(tabId, { type: 'editor', op })) };
}

/** Puts the caret at the end of the draft's first line, as a clerk's click does. */
async function caretInFirstLine(page: Page, f: Fixture) {
  const scope = f.frame ? page.frameLocator(f.frame) : page;
  const body = scope.locator(f.body).first();
  if (f.kind === 'textarea') {
    await body.click();
    await body.press('Control+Home');
    await body.press('End');
    return;
  }
  await body.locator('p').first().click();
  await body.press('End');
}

const content = (page: Page) => page.evaluate(() => window.__getContent());

describe('editor bridge in each editor', () => {
  for (const f of FIXTURES) {
    it(`${f.name}: finds the editor, inserts a table at the caret, one Ctrl+Z restores the exact content`, async () => {
      const { page, call } = await open(f);
      const which = await call({ op: 'which' });
      expect(which).toMatchObject({ ok: true, op: 'which' });
      expect(which.ok && which.op === 'which' && which.editors[0]).toEqual({ kind: f.kind, api: f.api });

      await caretInFirstLine(page, f);
      const before = await content(page);
      expect(before).toContain('阳头升乡2020年政府信息公开工作');
      const read = await call({ op: 'getContent' });
      expect(read).toEqual({ ok: true, op: 'getContent', kind: f.kind, html: before });

      const inserted = await call({ op: 'insertHtml', html: SNIPPET });
      expect(inserted).toEqual({
        ok: true,
        op: 'insertHtml',
        kind: f.kind,
        via: f.kind === 'textarea' ? 'textarea' : f.api ? 'api' : 'execCommand',
      });
      const after = await content(page);
      expect(after).toContain('测试项目');
      expect(tables(after)).toBe(tables(before) + 1);
      // Inserted at the caret: after the first line, before part 1.
      expect(after.indexOf('测试项目')).toBeGreaterThan(after.indexOf('阳头升乡2020年'));
      expect(after.indexOf('测试项目')).toBeLessThan(after.indexOf('一、总体情况'));

      await page.keyboard.press('Control+z');
      await expect.poll(() => content(page)).toBe(before);
      await page.close();
    });

    it(`${f.name}: replaces the first table only, as one undo step`, async () => {
      const { page, call } = await open(f);
      await caretInFirstLine(page, f);
      const before = await content(page);
      const replaced = await call({ op: 'replaceRange', range: { table: 0 }, html: REPLACEMENT });
      expect(replaced).toMatchObject({ ok: true, op: 'replaceRange', kind: f.kind });
      const after = await content(page);
      expect(after).toContain('替换后的表格');
      expect(after).not.toContain('第二十条第（一）项');
      expect(tables(after)).toBe(tables(before));
      // The rest of the draft is untouched: text before the first table and from the second table on.
      const cut = (html: string) => [
        html.slice(0, html.search(/<(figure|table)\b/i)),
        html.slice(html.indexOf('三、收到和处理')),
      ];
      expect(cut(after)).toEqual(cut(before));

      await caretInFirstLine(page, f);
      await page.keyboard.press('Control+z');
      await expect.poll(() => content(page)).toBe(before);
      await page.close();
    });
  }

  it('issue 14: a page can neither load the bridge nor read, forge or answer its traffic', async () => {
    // The attack before: editor-bridge.js was web-accessible at a fixed URL (the extension was
    // detectable and its token readable from the script's data-token), and requests and replies
    // went over window.postMessage, where the page could read them and answer in the bridge's place.
    const manifest = JSON.parse(await readFile(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
      web_accessible_resources?: { resources: string[]; use_dynamic_url?: boolean }[];
    };
    for (const entry of manifest.web_accessible_resources ?? []) {
      expect(entry.use_dynamic_url).toBe(true);
      expect(entry.resources).not.toContain('editor-bridge.js');
    }
    const f = FIXTURES.find((x) => x.name === 'textarea')!;
    const { page, call } = await open(f);
    const reachable = await page.evaluate(async (id) => {
      const tries = ['editor-bridge.js', 'sidepanel.html'].map((name) =>
        fetch(`chrome-extension://${id}/${name}`).then(
          (r) => r.ok,
          () => false,
        ),
      );
      return Promise.all(tries);
    }, h.extensionId);
    expect(reachable).toEqual([false, false]);

    // The page listens to all it can, and answers every bridge-looking message with a forged success.
    const globalsBefore = await page.evaluate(() => Object.keys(window));
    await page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      for (const target of [window, document])
        for (const type of ['message', 'nianbao-port'])
          target.addEventListener(type, (e) => heard.push(`${type}:${String((e as MessageEvent).data ?? '')}`), true);
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) if (n.nodeType === 1) heard.push(`added:${(n as Element).outerHTML}`);
      }).observe(document, { subtree: true, childList: true, attributes: true });
      window.addEventListener('message', (e) => {
        if (typeof e.data === 'string' && e.data.includes('request'))
          window.postMessage(
            JSON.stringify({ id: '1', dir: 'response', ok: true, op: 'insertHtml', kind: 'textarea', via: 'api' }),
            '*',
          );
      });
    });
    const before = await content(page);
    // No such editor: the bridge says so, whatever the page would answer.
    expect(await call({ op: 'insertHtml', html: SNIPPET, editor: 7 })).toEqual({ ok: false, error: 'no-editor' });
    expect(await call({ op: 'getContent' })).toEqual({ ok: true, op: 'getContent', kind: 'textarea', html: before });
    // Requests the page posts on the window, as it could before, are not the bridge's business.
    await page.evaluate(() =>
      window.postMessage(JSON.stringify({ id: 'x', dir: 'request', op: 'insertHtml', html: '<p>伪造的内容</p>' }), '*'),
    );
    expect(await call({ op: 'which' })).toMatchObject({ ok: true, op: 'which' });
    expect(await content(page)).toBe(before);

    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    // All the page saw: its own forged request and forged answer, and the bridge's empty handover element.
    expect(heard.filter((x) => !/^added:<nianbao-bridge hidden="">(<\/nianbao-bridge>)?$/.test(x))).toEqual([
      expect.stringContaining('伪造的内容'),
      expect.stringContaining('"dir":"response"'),
    ]);
    expect(heard.join('\n')).not.toMatch(/[0-9a-f]{48}/);
    // The injected script left nothing on the page's window but zod's own settings object, which
    // zod puts on globalThis wherever it runs (docs/security.md: what the bridge leaves behind).
    const globalsAfter = await page.evaluate(() => Object.keys(window));
    expect(globalsAfter.filter((k) => !globalsBefore.includes(k) && k !== '__heard')).toEqual(['__zod_globalConfig']);
    await page.close();
  });
});
