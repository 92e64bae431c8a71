import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { closeWithoutForeignRequests, launch, type Harness } from './harness';
import { BridgeResult, type BridgeOp } from '../../lib/extension/editors/protocol';

/**
 * The main-world editor bridge in each real editor (and the UEditor rebuild, which is not the real
 * UEditor: see fixtures/editors/ueditor-rebuild.js), driven the way the popup and the filler drive
 * it: a message to the content script, which injects editor-bridge.js with a per-page token and
 * talks to it over window.postMessage (lib/extension/editors/bridge-client.ts). Undo is the clerk's own
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

  it('ignores forged messages: without the token, with another token, or from another window', async () => {
    // A bridge of our own beside the extension's, so that the test knows the token it must refuse to
    // honour from another window; the script is the built one, read from the extension.
    const f = FIXTURES.find((x) => x.name === 'tinymce')!;
    const { page } = await open(f);
    const bridge = await h.worker.evaluate(() => fetch('/editor-bridge.js').then((r) => r.text()));
    const token = randomBytes(24).toString('hex');
    await page.evaluate(
      ([code, token]) => {
        const s = document.createElement('script');
        s.dataset.token = token;
        s.textContent = code;
        document.head.append(s);
        s.remove();
      },
      [bridge, token] as const,
    );
    const before = await content(page);
    const forged = (t: string | undefined) =>
      JSON.stringify({
        channel: 'nianbao:editor-bridge',
        ...(t ? { token: t } : {}),
        id: 'x1',
        dir: 'request',
        op: 'insertHtml',
        html: '<p>伪造的内容</p>',
      });
    const answers = await page.evaluate(
      async ([none, other, valid]) => {
        const seen: string[] = [];
        const listen = (e: MessageEvent) => {
          if (typeof e.data === 'string' && e.data.includes('"dir":"response"') && e.data.includes('"id":"x1"'))
            seen.push(e.data);
        };
        window.addEventListener('message', listen);
        window.postMessage(none, '*');
        window.postMessage(other, '*');
        window.postMessage(JSON.parse(valid), '*'); // an object, not the JSON text the protocol carries
        // The right token, but posted by another window (a frame the page controls).
        const frame = document.createElement('iframe');
        document.body.append(frame);
        (frame.contentWindow as Window & { eval(code: string): unknown }).eval(
          `parent.postMessage(${JSON.stringify(valid)}, '*')`,
        );
        // Messages are handled in order: once a later genuine request is answered, the forged ones were seen.
        const genuine = JSON.parse(valid);
        genuine.id = 'x2';
        genuine.op = 'which';
        delete genuine.html;
        await new Promise<void>((done) => {
          window.addEventListener(
            'message',
            (e) =>
              typeof e.data === 'string' &&
              e.data.includes('"id":"x2"') &&
              e.data.includes('"dir":"response"') &&
              done(),
          );
          window.postMessage(JSON.stringify(genuine), '*');
        });
        window.removeEventListener('message', listen);
        frame.remove();
        return seen;
      },
      [forged(undefined), forged('f'.repeat(48)), forged(token)] as const,
    );
    expect(answers).toEqual([]);
    expect(await content(page)).toBe(before);
    expect(before).not.toContain('伪造的内容');
    await page.close();
  });
});
