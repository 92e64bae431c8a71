import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPage } from '../../lib/check/engine';
import { dateIn, headerDate, readPageMeta } from '../../lib/read/page-meta';
import { checkHtml, parsePage } from '../../lib/review/html';
import { escapeHtml } from '../../lib/write/snippets/table';
import { realDir, seedNames, seedsDir } from '../paths';
import { haveRealReports } from '../support/real';

/**
 * A report page as government CMSs save it (TRS, 政府网站集约化平台): the standard meta tags in the
 * head, a header line with a date and a time above the article, the article in .TRS_Editor.
 */
function savedPage(text: string, options: { pubDate?: string; header?: string } = {}): string {
  const metas = options.pubDate
    ? `<meta name="SiteName" content="淮安市洪泽区人民政府"><meta name="SiteDomain" content="www.hongze.gov.cn">
<meta name="ColumnName" content="政府信息公开年度报告"><meta name="ArticleTitle" content="洪泽区人民政府2023年政府信息公开工作年度报告">
<meta name="PubDate" content="${options.pubDate}"><meta name="ContentSource" content="区政府办">`
    : '';
  const paragraphs = text
    .split('\n')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${metas}<title>年度报告</title></head>
<body><div class="header"><a href="/">首页</a> <a href="/xxgk/">信息公开</a></div>
<div class="article"><h1>政府信息公开工作年度报告</h1>
<div class="info"><span>${options.header ?? ''}</span> <span>浏览次数：1024</span> <span>字号：大 中 小</span></div>
<div class="TRS_Editor">${paragraphs}</div></div>
<div class="footer">主办：某某人民政府办公室　联系电话：0517-87222589　日期：2019-03-04</div></body></html>`;
}

const facts = (html: string) => readPageMeta(parsePage(html));
const browserFacts = (html: string) => readPageMeta(new DOMParser().parseFromString(html, 'text/html'));

describe('what a government page states about itself', () => {
  it('reads the standard meta tags, the same from the light DOM and from a browser’s', () => {
    const html = savedPage('某报告', { pubDate: '2022-01-07 11:00', header: '时间：2022-01-07 11:00' });
    const expected = {
      publishedAt: '2022-01-07',
      title: '洪泽区人民政府2023年政府信息公开工作年度报告',
      site: '淮安市洪泽区人民政府',
      domain: 'www.hongze.gov.cn',
      column: '政府信息公开年度报告',
      contentSource: '区政府办',
    };
    expect(facts(html)).toEqual(expected);
    expect(browserFacts(html)).toEqual(expected);
    // Names in any case; the first tag of a name wins; a tag without a date gives none.
    const odd =
      '<html><head><META NAME="pubdate" CONTENT="2021/3/5"><meta name="PubDate" content="2020-01-01"></head><body></body></html>';
    expect(facts(odd).publishedAt).toBe('2021-03-05');
    expect(facts('<meta name="PubDate" content="未知"><body>x</body>').publishedAt).toBeNull();
  });

  it('the header line: a label and a date with a time after it, or 发布时间 with a date alone', () => {
    expect(headerDate('首页 > 信息公开\n时间：2022-01-07 11:00　来源：区政府办')).toBe('2022-01-07');
    expect(headerDate('时 间： 2022年1月7日 11:00')).toBe('2022-01-07');
    expect(headerDate('日期:2023/12/5 09:30:12')).toBe('2023-12-05');
    expect(headerDate('发布日期：2024-02-01')).toBe('2024-02-01');
    expect(headerDate('发布时间：2024.2.1 浏览次数：3')).toBe('2024-02-01');
    // A bare 日期 with a date and no time is prose or a footer, not the header line.
    expect(headerDate('会议日期：2022-01-07，地点：三楼会议室')).toBeNull();
    expect(headerDate('时间：2022-13-07 11:00')).toBeNull();
    expect(dateIn('2022-02-30 10:00')).toBe('2022-02-30'); // the deadline compares strings; no calendar needed
  });

  it('a saved page with the meta tags and a header time line gives its date: the deadline check runs', () => {
    const seed = readFileSync(join(seedsDir, seedNames[3]!), 'utf8'); // 阳头升乡 2020: due 2021-01-31 (township)
    const late = checkHtml(savedPage(seed, { pubDate: '2021-03-02 11:00', header: '时间：2021-03-02 11:00' }));
    expect(late.publishedAt).toBe('2021-03-02');
    expect([late.site, late.column]).toEqual(['淮安市洪泽区人民政府', '政府信息公开年度报告']);
    expect(late.findings.find((f) => f.code === 'deadline')?.message).toContain('晚于法定期限 2021-01-31');
    // The header line alone (no meta tags) is enough, and an in-time date is no finding.
    const header = checkHtml(savedPage(seed, { header: '时间：2021-01-20 09:00' }));
    expect(header.publishedAt).toBe('2021-01-20');
    expect(header.findings.some((f) => f.code === 'deadline')).toBe(false);
    // Neither: the footer's 日期 without a time does not count.
    expect(checkHtml(savedPage(seed)).publishedAt).toBeNull();
    // The panel reads a live page the same way.
    const live = checkPage(
      new DOMParser().parseFromString(savedPage(seed, { pubDate: '2021-03-02 11:00' }), 'text/html'),
    );
    expect([live.publishedAt, live.site, live.column]).toEqual([late.publishedAt, late.site, late.column]);
    expect(live.findings.some((f) => f.code === 'deadline')).toBe(true);
  });

  it.runIf(haveRealReports('a real report saved as its site serves it'))(
    'a real report saved as its site serves it: 洪泽区 2023 published 2024-04-07 is late for a district government',
    () => {
      const text = readFileSync(join(realDir, 'hongze-district-2023.txt'), 'utf8');
      const r = checkHtml(savedPage(text, { pubDate: '2024-04-07 11:00', header: '时间：2024-04-07 11:00' }));
      expect([r.year, r.unit, r.publishedAt]).toEqual([2023, '洪泽区人民政府', '2024-04-07']);
      expect(r.findings.find((f) => f.code === 'deadline')?.message).toContain('晚于法定期限 2024-03-31');
      const inTime = checkHtml(savedPage(text, { pubDate: '2024-01-07 11:00', header: '时间：2024-01-07 11:00' }));
      expect(inTime.findings.some((f) => f.code === 'deadline')).toBe(false);
    },
  );
});
