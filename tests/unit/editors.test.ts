import { beforeEach, describe, expect, it } from 'vitest';
import { findEditingAreas } from '../../lib/extension/editors/detect';

/**
 * Editing-area detection on the DOM each editor builds (shapes taken from the real editors in the
 * e2e fixtures). happy-dom does not load frames, so a same-origin frame is modelled by giving the
 * iframe element a document of its own as contentDocument — the one property detection reads.
 */
function frame(
  parent: ParentNode,
  attrs: Record<string, string>,
  body: string,
  bodyAttrs: Record<string, string> = {},
): { iframe: HTMLIFrameElement; doc: Document } {
  const iframe = document.createElement('iframe');
  for (const [k, v] of Object.entries(attrs)) iframe.setAttribute(k, v);
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = body;
  for (const [k, v] of Object.entries(bodyAttrs)) doc.body.setAttribute(k, v);
  Object.defineProperty(iframe, 'contentDocument', { value: doc });
  parent.appendChild(iframe);
  return { iframe, doc };
}

const kinds = (doc: Document = document) => findEditingAreas(doc).map((a) => a.kind);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findEditingAreas', () => {
  it('finds frame editors by the marks each leaves on its frame and body', () => {
    const ue = document.createElement('div');
    ue.className = 'edui-editor';
    document.body.append(ue);
    const u = frame(
      ue,
      { id: 'ueditor_0', src: 'javascript:void(function(){document.open();document.write("");document.close();}())' },
      '<p>正文</p>',
      { class: 'view', contenteditable: 'true' },
    );
    const ke = document.createElement('div');
    ke.className = 'ke-container';
    document.body.append(ke);
    const k = frame(ke, { class: 'ke-edit-iframe' }, '<p>正文</p>', { class: 'ke-content', contenteditable: 'true' });
    const c = frame(document.body, { class: 'cke_wysiwyg_frame cke_reset' }, '<p>正文</p>', {
      class: 'cke_editable cke_editable_themed',
      contenteditable: 'true',
    });
    const t = frame(document.body, { id: 'content_ifr' }, '<p>正文</p>', {
      id: 'tinymce',
      class: 'mce-content-body',
      contenteditable: 'true',
    });
    const areas = findEditingAreas(document);
    expect(areas.map((a) => a.kind)).toEqual(['ueditor', 'kindeditor', 'ckeditor4', 'tinymce']);
    expect(areas.map((a) => a.root)).toEqual([u.doc.body, k.doc.body, c.doc.body, t.doc.body]);
    expect(areas.map((a) => a.frame)).toEqual([u.iframe, k.iframe, c.iframe, t.iframe]);
    expect(areas.every((a) => a.host === undefined)).toBe(true);
  });

  it('finds editors that edit in the page itself', () => {
    document.body.innerHTML = `
      <div class="ck ck-editor"><div class="ck-editor__main"><div class="ck-editor__editable ck-content" contenteditable="true"><p>a</p></div></div></div>
      <div class="w-e-text-container"><div data-slate-editor="true" contenteditable="true"><p>b</p></div></div>
      <div class="w-e-text-container"><div class="w-e-text" contenteditable="true"><p>c</p></div></div>
      <div class="mce-content-body" contenteditable="true"><p>d</p></div>
      <div class="cke_editable cke_editable_inline" contenteditable="true"><p>e</p></div>
      <div id="plain" contenteditable=""><p>f</p></div>
      <textarea name="content">g</textarea>`;
    expect(kinds()).toEqual([
      'ckeditor5',
      'wangeditor5',
      'wangeditor4',
      'tinymce',
      'ckeditor4',
      'contenteditable',
      'textarea',
    ]);
  });

  it('takes a designMode frame as an editor, and a frame with a plain body as a page to search', () => {
    const d = frame(document.body, { id: 'designed' }, '<p>正文</p>');
    d.doc.designMode = 'on';
    const shell = frame(
      document.body,
      { id: 'main', src: '/wcm/app/document/document_addedit.jsp' },
      '<div class="ke-container"></div>',
    );
    const inner = frame(shell.doc.querySelector('.ke-container')!, { class: 'ke-edit-iframe' }, '<p>正文</p>', {
      class: 'ke-content',
      contenteditable: 'true',
    });
    const areas = findEditingAreas(document);
    expect(areas.map((a) => [a.kind, a.root, a.frame, a.host])).toEqual([
      ['contenteditable', d.doc.body, d.iframe, undefined],
      ['kindeditor', inner.doc.body, inner.iframe, shell.iframe],
    ]);
  });

  it('names FCKeditor and eWebEditor by their outer frame', () => {
    const fck = frame(
      document.body,
      { id: 'content___Frame', src: '/fckeditor/editor/fckeditor.html?InstanceName=content' },
      '<div id="xEditingArea"></div>',
    );
    const fckInner = frame(fck.doc.getElementById('xEditingArea')!, {}, '<p>正文</p>');
    fckInner.doc.designMode = 'on';
    const eweb = frame(document.body, { id: 'eWebEditor1', src: '/ewebeditor/ewebeditor.htm?id=content1' }, '');
    const ewebInner = frame(eweb.doc.body, { id: 'eWebEditor' }, '<p>正文</p>', { contenteditable: 'true' });
    const areas = findEditingAreas(document);
    expect(areas.map((a) => [a.kind, a.root, a.host])).toEqual([
      ['fckeditor', fckInner.doc.body, fck.iframe],
      ['ewebeditor', ewebInner.doc.body, eweb.iframe],
    ]);
  });

  it('skips cross-origin frames, frames without a body and read-only areas', () => {
    const cross = document.createElement('iframe');
    Object.defineProperty(cross, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    document.body.append(cross);
    const empty = document.createElement('iframe');
    Object.defineProperty(empty, 'contentDocument', { value: null });
    document.body.append(empty);
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div contenteditable="false"><p>x</p></div>
       <textarea readonly>r</textarea><textarea disabled>d</textarea>
       <textarea style="display:none">hidden</textarea><div hidden><textarea>in hidden</textarea></div>`,
    );
    expect(findEditingAreas(document)).toEqual([]);
  });

  it('leaves out the textareas editors keep for source mode and form submission', () => {
    document.body.innerHTML = `
      <div class="ke-container"><textarea class="ke-edit-textarea">源码</textarea></div>
      <div class="edui-editor"><textarea>ue</textarea></div>
      <div class="cke"><textarea class="cke_source">src</textarea></div>
      <textarea id="mine">草稿</textarea>`;
    expect(findEditingAreas(document).map((a) => a.root.id)).toEqual(['mine']);
  });

  it('counts a nested editable once, as its outermost editable', () => {
    // CKEditor 5 tables are widgets: contenteditable=false figures holding editable cells.
    document.body.innerHTML = `
      <div id="outer" contenteditable="true"><table><tr><td contenteditable="true">cell</td></tr></table>
        <figure class="table" contenteditable="false"><table><tr><td><span contenteditable="true">widget cell</span></td></tr></table></figure></div>
      <div contenteditable="false"><div id="island" contenteditable="true">island</div></div>`;
    expect(findEditingAreas(document).map((a) => a.root.id)).toEqual(['outer', 'island']);
  });
});
