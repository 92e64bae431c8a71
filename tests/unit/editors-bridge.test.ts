import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNEL, BridgeRequest, BridgeResponse, parseMessage } from '../../lib/extension/editors/protocol';
import { tableSpan } from '../../lib/extension/editors/apis';
import { newBridgeToken } from '../../lib/extension/editors/bridge-client';
import { run, serveBridge } from '../../lib/extension/editors/bridge-host';
import { draftFile } from '../e2e/fixtures/editors/build';

const token = newBridgeToken();
const request = (extra: Record<string, unknown>) =>
  JSON.stringify({ channel: BRIDGE_CHANNEL, token, id: 'r1', dir: 'request', ...extra });
const draft = readFileSync(draftFile, 'utf8');

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('bridge protocol', () => {
  it('makes tokens of 48 hex digits, different each time', () => {
    const a = newBridgeToken();
    expect(a).toMatch(/^[0-9a-f]{48}$/);
    expect(newBridgeToken()).not.toBe(a);
  });

  it('accepts well-formed requests and nothing else', () => {
    expect(parseMessage(BridgeRequest, request({ op: 'insertHtml', html: '<p>x</p>' }))).toMatchObject({
      op: 'insertHtml',
      html: '<p>x</p>',
      token,
    });
    expect(
      parseMessage(
        BridgeRequest,
        request({ op: 'replaceRange', range: { table: 1 }, html: '<table></table>', editor: 0 }),
      ),
    ).toMatchObject({ range: { table: 1 } });
    const bad = [
      JSON.stringify({ channel: BRIDGE_CHANNEL, id: 'r1', dir: 'request', op: 'which' }), // no token
      request({ token: 'abc', op: 'which' }), // not a token
      request({ channel: 'other', op: 'which' }),
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
    expect(run(window, { channel: BRIDGE_CHANNEL, token, id: '1', dir: 'request', op: 'which' })).toEqual({
      ok: true,
      op: 'which',
      editors: [
        { kind: 'contenteditable', api: false },
        { kind: 'textarea', api: false },
      ],
    });
    expect(
      run(window, { channel: BRIDGE_CHANNEL, token, id: '1', dir: 'request', op: 'getContent', editor: 1 }),
    ).toEqual({ ok: true, op: 'getContent', kind: 'textarea', html: 'abc' });
    expect(
      run(window, { channel: BRIDGE_CHANNEL, token, id: '1', dir: 'request', op: 'getContent', editor: 2 }),
    ).toEqual({ ok: false, error: 'no-editor' });
  });

  it('inserts at a textarea selection and tells the page with an input event', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = '<p>一</p><p>二</p>';
    t.setSelectionRange(8, 8);
    let inputs = 0;
    t.addEventListener('input', () => inputs++);
    expect(
      run(window, { channel: BRIDGE_CHANNEL, token, id: '1', dir: 'request', op: 'insertHtml', html: '<p>插入</p>' }),
    ).toEqual({ ok: true, op: 'insertHtml', kind: 'textarea', via: 'textarea' });
    expect(t.value).toBe('<p>一</p><p>插入</p><p>二</p>');
    expect(inputs).toBe(1);
  });

  it("replaces one table of a textarea's HTML source and leaves the rest alone", () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = draft;
    const result = run(window, {
      channel: BRIDGE_CHANNEL,
      token,
      id: '1',
      dir: 'request',
      op: 'replaceRange',
      range: { table: 1 },
      html: '<table><tr><td>新表</td></tr></table>',
    });
    expect(result).toMatchObject({ ok: true, kind: 'textarea' });
    const [start, end] = tableSpan(draft, 1)!;
    expect(t.value).toBe(`${draft.slice(0, start)}<table><tr><td>新表</td></tr></table>${draft.slice(end)}`);
    expect(
      run(window, {
        channel: BRIDGE_CHANNEL,
        token,
        id: '1',
        dir: 'request',
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
          channel: BRIDGE_CHANNEL,
          token,
          id: '1',
          dir: 'request',
          op: 'insertHtml',
          html: '<p>x</p>',
          editor,
        }),
      ).toEqual({ ok: false, error: 'no-api' });
    }
    expect(document.body.innerHTML).toBe(before);
  });

  it('answers only messages from its own window that carry its token', () => {
    document.body.innerHTML = '<textarea id="t">草稿</textarea>';
    const answers: unknown[] = [];
    const listen = (e: MessageEvent) => {
      const r = parseMessage(BridgeResponse, e.data);
      if (r) answers.push(r);
    };
    window.addEventListener('message', listen);
    const stop = serveBridge(window, token);
    const deliver = (data: string, source: unknown = window) =>
      window.dispatchEvent(new MessageEvent('message', { data, source: source as Window }));
    deliver(request({ op: 'getContent', token: newBridgeToken() }));
    deliver(request({ op: 'getContent' }), null);
    deliver(request({ op: 'getContent' }), {});
    return new Promise<void>((done) => {
      window.addEventListener('message', function check(e) {
        if (!parseMessage(BridgeResponse, e.data)) return;
        window.removeEventListener('message', check);
        window.removeEventListener('message', listen);
        stop();
        expect(answers).toEqual([
          {
            channel: BRIDGE_CHANNEL,
            token,
            id: 'genuine',
            dir: 'response',
            ok: true,
            op: 'getContent',
            kind: 'textarea',
            html: '草稿',
          },
        ]);
        done();
      });
      deliver(request({ op: 'getContent', id: 'genuine' }));
    });
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
