import { compactLabel } from './text';

/**
 * The content script's first, cheap question: could this text be an annual report at all? It reads
 * a title or the first characters of an editor, never the whole page.
 */
const REPORT = /(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)|政务公开.{0,6}(?:年度)?报告|年度报告/;

export function looksLikeReport(sample: string): boolean {
  const head = sample.slice(0, 4000);
  // Every name REPORT knows holds 报 (报告, 年报): most pages have none, and are spared compiling it.
  return head.includes('报') && REPORT.test(head.replace(/\s+/g, ''));
}

/**
 * A title that names the annual report itself, and ends with it (compact text): a news item
 * about the reports (…年度报告编制培训会) names them too, but ends otherwise.
 */
const REPORT_TITLE =
  /(?:信息公开(?:工作)?(?:年度)?(?:报告|年报)|政务公开(?:工作)?(?:年度)?报告|信息公开.{0,12}年度报告)[》"”]?(?:\([^()]{0,12}\))?$/;

/**
 * Titles of the other pages a 政务公开 column holds, which speak of the 条例 or of 公开 but are no
 * annual report: 工作要点, 公开指南, 工作总结, plans, and notices about the reports.
 */
const OTHER_TITLE =
  /(?:工作要点|要点|指南|工作总结|总结|工作计划|计划|实施方案|方案|通知|意见|办法|规定|细则|目录|统计表|公报|公告|解读)(?:\)|》)?$/;

/** Whether a title (the draft's first line, or the CMS's 标题 field) names the annual report. */
export function titleNamesReport(title: string): boolean {
  const c = compactLabel(title);
  return REPORT_TITLE.test(c) && !OTHER_TITLE.test(c);
}

/** Whether a title names another kind of page (a 工作要点, 指南, 工作总结 …): then the page is no report. */
export function titleNamesOther(title: string): boolean {
  return OTHER_TITLE.test(compactLabel(title)) && !REPORT_TITLE.test(compactLabel(title).replace(OTHER_TITLE, ''));
}

const CITES = /《(?:中华人民共和国)?政府信息公开条例》|《条例》/;
const SAYS_REPORT = /本报告|年度报告|工作年报|编制|所列数据|统计期限|特此报告/;
const SAYS_OTHER = /总结|要点|指南|计划|方案|通知|会议|培训|召开/;

/**
 * The usual opening of the report: 根据《中华人民共和国政府信息公开条例》…编制本报告 / …年度报告 /
 * 统计期限 — the 条例 cited in a sentence that speaks of this report, not of a summary or a plan.
 * `paragraph` is the compact first paragraph of the body (after its title).
 */
export function opensLikeReport(paragraph: string): boolean {
  for (const sentence of paragraph.slice(0, 600).split(/[。;!?]/)) {
    if (CITES.test(sentence) && SAYS_REPORT.test(sentence) && !SAYS_OTHER.test(sentence)) return true;
  }
  return false;
}

const LISTED_YEAR = /((?:19|20)\d{2})年/;

/**
 * A column's list page: several lines each naming a report of another year (2024年…年度报告,
 * 2023年…年度报告 …). Each line of it looks like a report's title; the page is none.
 */
export function listsReports(lines: readonly string[]): boolean {
  const years = new Set<string>();
  for (const line of lines) {
    // Every wording REPORT_TITLE knows holds 报 (报告, 年报): a line without it, a paragraph most often, is passed by.
    if (!line.includes('报')) continue;
    const title = line.replace(/[\s\u3000]*(?:\[?(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\]?)?[\s\u3000]*$/, '');
    const year = LISTED_YEAR.exec(title)?.[1];
    if (year && titleNamesReport(title)) years.add(year);
  }
  return years.size >= 2;
}
