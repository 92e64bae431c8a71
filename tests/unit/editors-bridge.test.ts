import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BRIDGE_HOST_TAG,
  BridgeRequest,
  HANDOVER_EVENT,
  newKey,
  parseMessage,
} from '../../lib/extension/editors/protocol';
import { tableSpan } from '../../lib/extension/editors/apis';
import { createBridgeClient, handOver } from '../../lib/extension/editors/bridge-client';
import { run, serveBridge } from '../../lib/extension/editors/bridge-host';
import { draftFile } from '../e2e/fixtures/editors/build';

const request = (extra: Record<string, unknown>) => JSON.stringify({ id: 'r1', dir: 'request', ...extra });
const draft = readFileSync(draftFile, 'utf8');

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('bridge protocol', () => {
  it('makes keys of 48 hex digits, different each time', () => {
    const a = newKey();
    expect(a).toMatch(/^[0-9a-f]{48}$/);
    expect(newKey()).not.toBe(a);
  });

  it('accepts well-formed requests and nothing else', () => {
    expect(parseMessage(BridgeRequest, request({ op: 'insertHtml', html: '<p>x</p>' }))).toMatchObject({
      op: 'insertHtml',
      html: '<p>x</p>',
    });
    expect(
      parseMessage(
        BridgeRequest,
        request({ op: 'replaceRange', range: { table: 1 }, html: '<table></table>', editor: 0 }),
      ),
    ).toMatchObject({ range: { table: 1 } });
    const bad = [
      JSON.stringify({ dir: 'request', op: 'which' }), // no id
      request({ id: '', op: 'which' }),
      request({ op: 'undo' }), // not offered: the clerk's Ctrl+Z is the undo
      request({ op: 'insertHtml' }), // no html
      request({ op: 'insertHtml', html: 5 }),
      request({ op: 'replaceRange', range: { table: -1 }, html: '' }),
      request({ op: 'getContent', editor: 1.5 }),
      request({ dir: 'response', op: 'which' }),
      `${request({ op: 'which' })}}`, // not JSON
    ];
    for (const raw of bad) expect(parseMessage(BridgeRequest, raw), raw).toBeNull();
    // The protocol carries JSON text; an object posted by the page is not a message of ours.
    expect(parseMessage(BridgeRequest, JSON.parse(request({ op: 'which' })))).toBeNull();
    expect(parseMessage(BridgeRequest, null)).toBeNull();
  });
});

describe('bridge host', () => {
  it('lists the editing areas and reads a textarea', () => {
    document.body.innerHTML = '<div contenteditable="true"><p>a</p></div><textarea id="t">abc</textarea>';
    expect(run(window, { op: 'which' })).toEqual({
      ok: true,
      op: 'which',
      editors: [
        { kind: 'contenteditable', api: false },
        { kind: 'textarea', api: false },
      ],
    });
    expect(run(window, { op: 'getContent', editor: 1 })).toEqual({
      ok: true,
      op: 'getContent',
      kind: 'textarea',
      html: 'abc',
    });
    expect(run(window, { op: 'getContent', editor: 2 })).toEqual({ ok: false, error: 'no-editor' });
  });

  it('inserts at a textarea selection and tells the page with an input event', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = '<p>一</p><p>二</p>';
    t.setSelectionRange(8, 8);
    let inputs = 0;
    t.addEventListener('input', () => inputs++);
    expect(run(window, { op: 'insertHtml', html: '<p>插入</p>' })).toEqual({
      ok: true,
      op: 'insertHtml',
      kind: 'textarea',
      via: 'textarea',
    });
    expect(t.value).toBe('<p>一</p><p>插入</p><p>二</p>');
    expect(inputs).toBe(1);
  });

  it("replaces one table of a textarea's HTML source and leaves the rest alone", () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = draft;
    const result = run(window, {
      op: 'replaceRange',
      range: { table: 1 },
      html: '<table><tr><td>新表</td></tr></table>',
    });
    expect(result).toMatchObject({ ok: true, kind: 'textarea' });
    const [start, end] = tableSpan(draft, 1)!;
    expect(t.value).toBe(`${draft.slice(0, start)}<table><tr><td>新表</td></tr></table>${draft.slice(end)}`);
    expect(
      run(window, {
        op: 'replaceRange',
        range: { table: 3 },
        html: '<p/>',
      }),
    ).toEqual({ ok: false, error: 'no-table' });
  });

  it('never writes the DOM of an editor that renders from its model when its object is out of reach', () => {
    document.body.innerHTML =
      '<div class="ck ck-editor"><div class="ck-editor__editable ck-content" contenteditable="true"><p>正文</p></div></div><div data-slate-editor="true" contenteditable="true"><p>正文</p></div>';
    const before = document.body.innerHTML;
    for (const editor of [0, 1]) {
      expect(
        run(window, {
          op: 'insertHtml',
          html: '<p>x</p>',
          editor,
        }),
      ).toEqual({ ok: false, error: 'no-api' });
    }
    expect(document.body.innerHTML).toBe(before);
  });
});

/** What the extension's chrome.dom.openOrClosedShadowRoot does, for the test: the closed roots made in the page. */
function extensionView() {
  const roots = new WeakMap<Element, ShadowRoot>();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return (el: Element) => roots.get(el) ?? null;
}

describe('bridge handover (issue 14: page scripts can neither read nor answer for the bridge)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes its port through a closed shadow root: the page sees neither the key nor the traffic, and cannot answer', async () => {
    document.body.innerHTML = '<textarea id="t">草稿</textarea>';
    const shadowOf = extensionView();
    // The page listens to everything it can: window messages, the handover event, DOM changes.
    const heard: string[] = [];
    const listen = (e: Event) => heard.push(`${e.type}:${String((e as MessageEvent).data ?? '')}`);
    for (const target of [window, document, document.body])
      for (const type of ['message', HANDOVER_EVENT]) target.addEventListener(type, listen, true);
    const changes: MutationRecord[] = [];
    new MutationObserver((r) => changes.push(...r)).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    // The page answers every bridge-looking message on the window, in the bridge's place (the old attack).
    window.addEventListener('message', (e) => {
      if (typeof e.data === 'string' && e.data.includes('request'))
        window.postMessage(
          JSON.stringify({ id: '1', dir: 'response', ok: true, op: 'insertHtml', kind: 'textarea', via: 'api' }),
          '*',
        );
    });

    const key = serveBridge(window);
    expect(key).toMatch(/^[0-9a-f]{48}$/);
    expect(document.documentElement.outerHTML).not.toContain(key);
    // A decoy of the page's own, before the real one: it never gets the port.
    const decoy = document.createElement(BRIDGE_HOST_TAG);
    let decoyGotPort = false;
    const fake = document.createElement('span');
    fake.setAttribute('data-key', newKey());
    fake.addEventListener(HANDOVER_EVENT, () => (decoyGotPort = true));
    decoy.attachShadow({ mode: 'closed' }).append(fake);
    document.body.prepend(decoy);

    const { port1, port2 } = new MessageChannel();
    expect(handOver(document, newKey(), port2, shadowOf)).toBe(false);
    expect(handOver(document, key, port2, shadowOf)).toBe(true);
    expect(decoyGotPort).toBe(false);
    expect(document.getElementsByTagName(BRIDGE_HOST_TAG)).toHaveLength(1); // only the decoy is left

    const client = createBridgeClient(port1);
    // An editor that does not exist: the page's forged "ok" must not stand in for the bridge's answer.
    expect(await client.request({ op: 'insertHtml', html: '<p>插入</p>', editor: 5 })).toEqual({
      ok: false,
      error: 'no-editor',
    });
    expect(await client.request({ op: 'getContent' })).toEqual({
      ok: true,
      op: 'getContent',
      kind: 'textarea',
      html: '草稿',
    });
    client.dispose();
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toEqual([]);
    expect(
      changes.flatMap((c) => [...c.addedNodes, ...c.removedNodes]).map((n) => (n as Element).outerHTML ?? ''),
    ).not.toContain(expect.stringContaining(key));
  });

  it('ignores requests posted on the window, with or without a key', async () => {
    document.body.innerHTML = '<textarea id="t">草稿</textarea>';
    const key = serveBridge(window);
    for (const data of [
      request({ op: 'insertHtml', html: '<p>伪造</p>' }),
      request({ op: 'insertHtml', html: '<p>伪造</p>', key }),
    ])
      window.dispatchEvent(new MessageEvent('message', { data, source: window }));
    await new Promise((r) => setTimeout(r, 0));
    expect((document.getElementById('t') as HTMLTextAreaElement).value).toBe('草稿');
  });

  it('what it cannot stop: a page that patched attachShadow before the bridge ran reaches the port (docs/security.md)', async () => {
    document.body.innerHTML = '<textarea id="t">草稿</textarea>';
    const stolen = extensionView(); // the page's own patch, here the same spy
    const key = serveBridge(window);
    const host = document.getElementsByTagName(BRIDGE_HOST_TAG)[0]!;
    expect(stolen(host)?.firstElementChild?.getAttribute('data-key')).toBe(key);
  });
});

describe('tableSpan', () => {
  it('counts tables as querySelectorAll does, nested ones included', () => {
    const html =
      '<p>a</p><TABLE border=1><tr><td><table><tr><td>in</td></tr></table></td></tr></TABLE><table><tr><td>b</td></tr></table>';
    expect(tableSpan(html, 0)).toEqual([8, html.indexOf('<table><tr><td>b')]);
    expect(html.slice(...tableSpan(html, 1)!)).toBe('<table><tr><td>in</td></tr></table>');
    expect(html.slice(...tableSpan(html, 2)!)).toBe('<table><tr><td>b</td></tr></table>');
    expect(tableSpan(html, 3)).toBeNull();
    expect(tableSpan('<table><tr><td>unclosed', 0)).toBeNull();
  });
});
