import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { firstLook, watchForReport } from '../../lib/extension/look';
import { editorLikeFrame, findEditingAreas } from '../../lib/extension/editors/detect';
import { detect } from '../../entrypoints/content/detect';
import { attachmentLinks } from '../../lib/read/attachments';
import { seedNames, seedsDir } from '../paths';

/**
 * The light content script's cheap question (lib/extension/look.ts): the engine is loaded only where
 * it says yes, so it must say yes wherever the engine's own detection finds a draft or a published
 * report, and no on the ordinary pages of a government site.
 */
const seed3 = readFileSync(resolve(seedsDir, seedNames[3]!), 'utf8');

function page(title: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title; // happy-dom's createHTMLDocument leaves its argument out
  doc.body.innerHTML = body;
  return doc;
}

const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');

const NEWS =
  '<nav><a>首页</a><a>政务公开</a><a>信息公开</a></nav><h1>县政府召开春季农业生产工作会议</h1><p>3月15日，县政府召开会议。</p>';

/** Ordinary pages of a government site: the engine must not come. */
const ORDINARY: [string, Document][] = [
  ['a news page with a comment box', page('某县人民政府 - 新闻动态', `${NEWS}<textarea>欢迎留言</textarea>`)],
  [
    'the annual reports column (a list of links)',
    page(
      '政府信息公开年度报告 - 某县人民政府',
      '<h1>政府信息公开年度报告</h1><ul><li><a>某县2023年政府信息公开工作年度报告</a></li><li><a>某县2022年政府信息公开工作年度报告</a></li></ul>',
    ),
  ],
  ['an empty editor on a CMS form', page('内容管理 - 新建文章', '<div contenteditable="true"><p><br></p></div>')],
  ['a 政府信息公开指南', page('某县政府信息公开指南', '<h1>某县政府信息公开指南</h1><p>一、公开范围</p>')],
];

describe('firstLook', () => {
  for (const [name, doc] of ORDINARY) {
    it(`says no on ${name}`, () => {
      expect(firstLook(doc).report).toBe(false);
      expect(detect(doc)).toBeNull();
    });
  }

  it('says yes on a published report page, an editor holding a report and a textarea holding one', () => {
    const published = page(
      '某县2023年政府信息公开工作年度报告',
      `${NEWS.replace('县政府召开春季农业生产工作会议', '某县2023年政府信息公开工作年度报告')}<div id="zoom">${paragraphs(seed3)}</div>`,
    );
    const editor = page('内容管理 - 编辑文章', `<div contenteditable="true">${paragraphs(seed3)}</div>`);
    const textarea = page('内容管理', '<textarea></textarea>');
    textarea.querySelector('textarea')!.value = seed3;
    for (const doc of [published, editor]) {
      expect(firstLook(doc).report).toBe(true);
      expect(detect(doc)).not.toBeNull();
    }
    // happy-dom lays nothing out, so a textarea counts as hidden for the engine; the first look reads it all the same.
    expect(firstLook(textarea).report).toBe(true);
  });

  it('says yes on a published page that holds only the report’s title and a link to it as a file', () => {
    const doc = page(
      '某县公安局2020年政府信息公开工作年度报告',
      `${NEWS.replace('县政府召开春季农业生产工作会议', '某县公安局2020年政府信息公开工作年度报告')}<div id="zoom"><p>附件：<a href="/u/2021/report.doc">某县公安局2020年政府信息公开工作年度报告.doc</a></p></div>`,
    );
    expect(firstLook(doc).report).toBe(true);
    expect(detect(doc)?.kind).toBe('published');
    // The same page without the link is a title only: no report there.
    doc.querySelector('#zoom')!.innerHTML = '<p>某县公安局2020年政府信息公开工作年度报告</p>';
    expect(firstLook(doc).report).toBe(false);
  });

  it('says yes for an editor, empty or not, on a page titled as a report (the title lives in the CMS form)', () => {
    const doc = page('2024年政府信息公开工作年度报告 - 编辑', '<div contenteditable="true"><p><br></p></div>');
    expect(firstLook(doc).report).toBe(true);
    expect(detect(doc)?.kind).toBe('editor');
  });

  it('says yes for an empty editor whose CMS title field names a report', () => {
    const doc = page(
      '内容管理 - 新建文章',
      '<input name="title" value="某某镇2025年政府信息公开工作年度报告"><div contenteditable="true"><p><br></p></div>',
    );
    expect(firstLook(doc).report).toBe(true);
    expect(detect(doc)?.kind).toBe('editor');
  });
});

describe('watchForReport', () => {
  beforeEach(() => {
    document.title = '内容管理 - 新建文章';
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays quiet on a page with no report, then fires once when a skeleton is put into its empty editor', async () => {
    document.body.innerHTML = '<div id="editor" contenteditable="true"><p><br></p></div>';
    const found = vi.fn();
    const watcher = watchForReport(document, found);
    expect(found).not.toHaveBeenCalled();
    expect(watcher.ask()).toBe(false);
    document.getElementById('editor')!.innerHTML = paragraphs(seed3);
    await vi.waitFor(() => expect(found).toHaveBeenCalledTimes(1), { timeout: 5000 });
    // Further edits, focus and asks do not fire it again.
    document.getElementById('editor')!.append(document.createElement('p'));
    document.body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(watcher.ask()).toBe(true);
    expect(found).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('fires when a report is pasted into an empty textarea (its input event; no mutation shows a value)', async () => {
    document.body.innerHTML = '<textarea id="draft"></textarea>';
    const found = vi.fn();
    const watcher = watchForReport(document, found);
    const draft = document.getElementById('draft') as HTMLTextAreaElement;
    draft.value = seed3;
    await new Promise((r) => setTimeout(r, 400));
    expect(found).not.toHaveBeenCalled();
    draft.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(found).toHaveBeenCalledTimes(1), { timeout: 5000 });
    watcher.stop();
  });

  it('finds an editor that appears after the page loaded, on a later look or on focus', () => {
    vi.useFakeTimers();
    const found = vi.fn();
    const watcher = watchForReport(document, found);
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.innerHTML = paragraphs(seed3);
    document.body.append(editor);
    expect(found).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(found).toHaveBeenCalledTimes(1);
    watcher.stop();

    document.body.innerHTML = '';
    const onFocus = vi.fn();
    const second = watchForReport(document, onFocus);
    document.body.append(editor);
    editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(onFocus).toHaveBeenCalledTimes(1);
    second.stop();
  });

  it('fires when the clerk names the new article in the CMS title field', async () => {
    document.body.innerHTML = '<input name="title" value=""><div contenteditable="true"><p><br></p></div>';
    const found = vi.fn();
    const watcher = watchForReport(document, found);
    expect(found).not.toHaveBeenCalled();
    const title = document.querySelector('input')!;
    title.value = '某某镇2025年政府信息公开工作年度报告';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(found).toHaveBeenCalledTimes(1), { timeout: 5000 });
    watcher.stop();
  });

  it('opens no frame of a news page on its own looks; opens every frame when the panel asks', () => {
    vi.useFakeTimers();
    // A console frame with an address of its own (main.jsp), holding the editor with a report in it.
    document.body.innerHTML = '<iframe name="main" src="/wcm/main.jsp"></iframe>';
    const frame = document.querySelector('iframe')!;
    const inner = document.implementation.createHTMLDocument();
    inner.body.innerHTML = `<div contenteditable="true">${paragraphs(seed3)}</div>`;
    const opened = vi.fn(() => inner);
    Object.defineProperty(frame, 'contentDocument', { get: opened });
    const found = vi.fn();
    const watcher = watchForReport(document, found);
    vi.advanceTimersByTime(10_000);
    expect(opened).not.toHaveBeenCalled();
    expect(found).not.toHaveBeenCalled();
    expect(watcher.ask()).toBe(true);
    expect(found).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('does not ask a comment box its visibility on a passive look (that forces the page’s style)', () => {
    document.body.innerHTML = '<form><textarea name="comment">欢迎留言</textarea></form>';
    const style = vi.spyOn(window, 'getComputedStyle');
    expect(findEditingAreas(document, [], 'editor-like').map((e) => e.kind)).toEqual(['textarea']);
    expect(firstLook(document, false).report).toBe(false);
    expect(style).not.toHaveBeenCalled();
    findEditingAreas(document);
    expect(style).toHaveBeenCalled();
    style.mockRestore();
  });

  it('tells the frames an editor makes from the frames of a news page, without opening them', () => {
    document.body.innerHTML = [
      '<iframe id="a"></iframe>',
      '<iframe id="b" src="about:blank"></iframe>',
      '<iframe id="c" src="javascript:void(0)"></iframe>',
      '<iframe id="ueditor_0" src="https://x.gov.cn/a.html"></iframe>',
      '<iframe id="e" src="/ewebeditor/ewebeditor.htm?id=content"></iframe>',
      '<iframe id="f" src="/wcm/document_addedit.jsp"></iframe>',
      '<div class="cke"><iframe id="g" src="/x.html"></iframe></div>',
      '<iframe id="h" srcdoc="<p>x</p>"></iframe>',
      '<iframe id="video" src="https://v.example.com/player.html?vid=1"></iframe>',
      '<iframe id="share" src="/share/buttons.html"></iframe>',
    ].join('');
    const like = [...document.querySelectorAll('iframe')].filter(editorLikeFrame).map((f) => f.id);
    expect(like).toEqual(['a', 'b', 'c', 'ueditor_0', 'e', 'f', 'g', 'h']);
    const video = document.getElementById('video') as HTMLIFrameElement;
    const opened = vi.fn(() => null);
    Object.defineProperty(video, 'contentDocument', { get: opened });
    findEditingAreas(document, [], 'editor-like');
    expect(opened).not.toHaveBeenCalled();
    findEditingAreas(document);
    expect(opened).toHaveBeenCalled();
  });

  it('stops for good when told to', () => {
    vi.useFakeTimers();
    const found = vi.fn();
    watchForReport(document, found).stop();
    document.body.innerHTML = `<div contenteditable="true">${paragraphs(seed3)}</div>`;
    vi.advanceTimersByTime(10_000);
    document.body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(found).not.toHaveBeenCalled();
  });
});

describe('attachment links', () => {
  const html = `<p>全文见附件：</p><p><a href="/files/2023%E5%B9%B4%E6%8A%A5.pdf">某县2023年政府信息公开工作年度报告</a></p>
    <div><a href="/news/1.html">上一篇</a><span><a href="down.aspx?id=7">年报.docx</a></span></div><a href="x.wps"></a>`;

  it('are found in document order under an element and under a fragment, up to the limit', () => {
    const div = document.createElement('div');
    div.innerHTML = html;
    const fragment = document.createRange().createContextualFragment(html);
    const expected = [
      { name: '某县2023年政府信息公开工作年度报告', href: '/files/2023%E5%B9%B4%E6%8A%A5.pdf' },
      { name: '年报.docx', href: 'down.aspx?id=7' },
      { name: 'x.wps', href: 'x.wps' },
    ];
    expect(attachmentLinks(div)).toEqual(expected);
    expect(attachmentLinks(fragment)).toEqual(expected);
    expect(attachmentLinks(div, 1)).toEqual(expected.slice(0, 1));
    expect(attachmentLinks(fragment, 2)).toEqual(expected.slice(0, 2));
  });
});
