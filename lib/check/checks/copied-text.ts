import { compactLabel } from '../../read/text';
import { defineCheck } from './check';

const MIN = 20;

/** Page furniture that repeats every year but for its dates: 发布时间, 来源, 浏览次数 … */
const FURNITURE = /发布(?:时间|日期)|来源[:：]|浏览次数|点击数|字号[:：]|打印本页|关闭窗口/;

/** A paragraph reduced to its words: white space gone, years and numbers folded. */
const normal = (line: string) => compactLabel(line).replace(/\d+/g, '#');

export default defineCheck({
  code: 'copied-text',
  severity: 'warning',
  description: '与上年报告相同的段落（仅年份、数字不同）',
  run: (a) => {
    if (!a.previous) return [];
    const before = new Set(
      a.previous.text
        .split('\n')
        .filter((l) => !l.includes('\t'))
        .map(normal)
        .filter((l) => l.length >= MIN),
    );
    const out = [];
    let total = 0;
    let copied = 0;
    let at = 0;
    // The title and the part headings are the same every year by design.
    const headings = new Set(a.headings.map((h) => h.words));
    const title = a.meta.title ? normal(a.meta.title) : null;
    for (const line of a.doc.text.split('\n')) {
      const start = at;
      at += line.length + 1;
      if (line.includes('\t') || start < (a.meta.titleEnd ?? 0) || FURNITURE.test(line)) continue;
      const n = normal(line);
      if (headings.has(n.replace(/^[一二三四五六七八九十]+\./, '')) || n === title) continue;
      total += n.length;
      if (n.length < MIN || !before.has(n)) continue;
      copied += n.length;
      const lead = line.length - line.trimStart().length;
      out.push({
        message: `此段与上年报告相同（仅年份或数字不同）：“${line.trim().slice(0, 40)}…”`,
        start: start + lead,
        end: start + line.trimEnd().length,
      });
    }
    if (!out.length) return [];
    const share = Math.round((copied / Math.max(total, 1)) * 100);
    return [{ message: `有 ${out.length} 段与上年报告相同（仅年份或数字不同），约占正文的 ${share}%。` }, ...out];
  },
});
