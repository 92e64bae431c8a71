import { describe, expect, it } from 'vitest';
import { isTitleField, titleField, titleText } from '../../lib/extension/title-field';

/** A CMS form around an editor; `#editor` stands for the editor's frame or editable element. */
function form(html: string): { doc: Document; editor: Element } {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = html;
  return { doc, editor: doc.getElementById('editor')! };
}

const TITLE = '某某镇2025年政府信息公开工作年度报告';

describe('the CMS title field', () => {
  it.each([
    ['name="title"', `<input name="title" value="${TITLE}"><div id="editor"></div>`],
    ['#title', `<input id="title" value="${TITLE}"><div id="editor"></div>`],
    ['a TRS-style name', `<input name="DocTitle" value="${TITLE}"><div id="editor"></div>`],
    ['.title input', `<div class="title"><input name="f1" value="${TITLE}"></div><div id="editor"></div>`],
    ['a <label for>', `<label for="a1">标题：</label><input id="a1" value="${TITLE}"><div id="editor"></div>`],
    ['a wrapping <label>', `<label>文章标题 <input name="x" value="${TITLE}"></label><div id="editor"></div>`],
    [
      'a table row (old JSP consoles)',
      `<table><tr><td>信息标题<span>*</span></td><td><input name="f2" value="${TITLE}"></td></tr>
       <tr><td>正文</td><td><div id="editor"></div></td></tr></table>`,
    ],
    [
      'a label cell two levels up',
      `<div class="row"><div class="lbl">标 题：</div><div class="ctl"><span><input name="f3" value="${TITLE}"></span></div></div>
       <div id="editor"></div>`,
    ],
    ['a textarea', `<label for="t">标题</label><textarea id="t">${TITLE}</textarea><div id="editor"></div>`],
  ])('is found by %s', (_, html) => {
    const { editor } = form(html);
    expect(titleText(titleField(editor))).toBe(TITLE);
  });

  it('passes over subtitles, SEO and short titles, hidden inputs and the editor’s own dialogs', () => {
    const { editor } = form(`
      <input type="hidden" name="title" value="hidden">
      <label for="s">副标题</label><input id="s" name="subtitle" value="副">
      <input name="seo_title" value="seo">
      <input name="shortTitle" value="短">
      <label>引题<input name="yt" value="引"></label>
      <div class="edui-editor"><input name="title" value="link dialog"></div>
      <input name="keywords" value="关键词">
      <div id="editor"></div>`);
    expect(titleField(editor)).toBeNull();
  });

  it('takes the surest field, then the nearest one above the editor', () => {
    const { editor } = form(`
      <input name="searchTitle" value="站内搜索">
      <label for="t">标题</label><input id="t" name="title" value="${TITLE}">
      <div id="editor"></div>
      <input name="title2" value="下方">`);
    expect(titleText(titleField(editor))).toBe(TITLE);
    const second = form(`
      <input name="mytitle" value="first">
      <input name="newsTitle" value="second">
      <div id="editor"></div>`);
    expect(titleText(titleField(second.editor))).toBe('second');
  });

  it('gives null for an empty field and folds whitespace', () => {
    const { editor } = form('<input name="title" value="   "><div id="editor"></div>');
    expect(titleText(titleField(editor))).toBeNull();
    const spaced = form('<input name="title" value="  2025年  年度报告 "><div id="editor"></div>');
    expect(titleText(titleField(spaced.editor))).toBe('2025年 年度报告');
    expect(titleText(null)).toBeNull();
  });

  it('tells a title field from other inputs when the clerk types', () => {
    const { doc } = form('<input id="a" name="title"><input id="b" name="author"><select id="c"></select>');
    expect(isTitleField(doc.getElementById('a'))).toBe(true);
    expect(isTitleField(doc.getElementById('b'))).toBe(false);
    expect(isTitleField(doc.getElementById('c'))).toBe(false);
    expect(isTitleField(null)).toBe(false);
  });
});
