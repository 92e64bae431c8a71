/**
 * The content script's first, cheap question: could this text be an annual report at all? It reads
 * a title or the first characters of an editor, never the whole page.
 */
const REPORT = /(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)|政务公开.{0,6}(?:年度)?报告|年度报告/;

export function looksLikeReport(sample: string): boolean {
  return REPORT.test(sample.slice(0, 4000).replace(/\s+/g, ''));
}
