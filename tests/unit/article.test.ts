import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../lib/read/classify';
import { checkDom, checkPage } from '../../lib/check/engine';
import { findArticle, TextSpans } from '../../lib/read/article';
import { seedsDir } from '../paths';

const seed004 = readFileSync(resolve(seedsDir, '004_90225ff58829eda7.txt'), 'utf8');
const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((l) => `<p>${l}</p>`)
    .join('');

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<html><head><title>2017年东升乡政府信息公开年度报告_某县人民政府</title></head><body>
      <div class="top"><a>首页</a><a>繁體版</a><a>无障碍</a><a>政务公开</a></div>
      ${body}
      <div class="footer">主办：某县人民政府办公室 备案号：X ICP备12345678号 <a>打印</a><a>关闭</a></div></body></html>`,
    'text/html',
  );
}

describe('published pages', () => {
  it('finds a TRS article container and checks only the report in it', () => {
    const doc = page(`<div class="main"><div class="TRS_Editor">${paragraphs(seed004)}</div></div>`);
    const article = findArticle(doc);
    expect(article.className).toBe('TRS_Editor');
    const r = checkDom(article);
    expect(r.year).toBe(2017);
    expect(r.format).toBe('pre2019');
    expect(r.findings.map((f) => f.code)).toContain('year-mismatch');
    expect(r.publishedAt).toBe('2018-03-29');
  });

  it('narrows an unknown layout to the element holding the report', () => {
    const doc = page(
      `<table><tr><td>左栏导航</td><td><div id="x"><h1>2017年东升乡政府信息公开年度报告</h1><div>${paragraphs(seed004)}</div></div></td></tr></table>`,
    );
    const article = findArticle(doc);
    expect(article.textContent).toContain('2016年度没有发生');
    expect(article.textContent).not.toContain('主办：某县人民政府办公室');
  });

  it('judges a known container on its own text as on the whole page, a marker cut by its edge included', () => {
    // 行政 ends the nav and 复议 starts the container: on the page's text that is one 行政复议 across the edge.
    const layouts = [
      `<div class="nav">行政</div><div id="zoom">复议 总体情况 主动公开</div>`,
      `<div class="nav">行政</div><div id="zoom">复议 总体情况 主动公开 收到和处理</div>`,
      `<div id="zoom">总体情况 主动公开 行政</div><div>复议 行政复议 存在的主要问题</div>`,
      `<div class="TRS_Editor">其他需要报告</div><div id="zoom">政府信息公开 主动公开</div><article>总体情况 行政复议 收到和处理</article>`,
    ];
    const found = layouts.map((body) => {
      const doc = page(body);
      const viaPage = findArticle(doc, new TextSpans(doc.body));
      expect(findArticle(doc)).toBe(viaPage);
      return viaPage.id || viaPage.className || viaPage.tagName;
    });
    expect(found).toEqual(['BODY', 'zoom', 'BODY', 'ARTICLE']);
  });

  it('returns the body of a page that is no report', () => {
    const doc = page('<p>欢迎访问</p>');
    expect(findArticle(doc)).toBe(doc.body);
  });
});

describe('looksLikeReport', () => {
  it('recognises report titles and refuses other pages', () => {
    expect(looksLikeReport('阳头升乡2020年政府信息公开工作\n年度报告')).toBe(true);
    expect(looksLikeReport('洪泽区人民政府 2023 年政府信息公开工作年度报告')).toBe(true);
    expect(looksLikeReport('关于印发2024年政务公开工作要点的通知')).toBe(false);
    expect(looksLikeReport('新闻中心')).toBe(false);
  });
});

describe('checkPage', () => {
  it('checks the article of a whole page and takes the title from <title> when the article lacks it', () => {
    const doc = page(`<div id="zoom">${paragraphs(seed004.split('\n').slice(1).join('\n'))}</div>`);
    const r = checkPage(doc);
    expect(r.title).toBe('2017年东升乡政府信息公开年度报告');
    expect(r.year).toBe(2017);
  });
});

describe('a date line above the article', () => {
  it('dates the report and the deadline check uses it', () => {
    const lines = seed004.split('\n').filter((l) => !l.startsWith('发布时间') && !/^\d{4}-\d{2}-\d{2}$/.test(l.trim()));
    const doc = page(
      `<div class="info">发布时间：2018-04-20　来源：东升乡</div><div id="zoom">${paragraphs(lines.join('\n'))}</div>`,
    );
    const r = checkPage(doc);
    expect(r.publishedAt).toBe('2018-04-20');
    const late = r.findings.filter((f) => f.code === 'deadline');
    expect(late).toHaveLength(1);
    expect(late[0]!.message).toContain('2018-03-31');
    expect(late[0]!.start).toBeUndefined();
  });
});
