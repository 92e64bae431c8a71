import type { TableDef } from '../../format';
import { compactLabel } from '../../read/text';
import { defineCheck } from './check';

/** Shorter lines (a date, a sign-off, a paragraph's last few words) say nothing alone. */
const MIN = 20;

/** Page furniture that repeats every year but for its dates: 发布时间, 来源, 浏览次数 … */
const FURNITURE = /发布(?:时间|日期)|来源[:：]|浏览次数|点击数|字号[:：]|打印本页|关闭窗口/;

/** A paragraph reduced to its words: white space gone, years and numbers folded. */
const normal = (line: string) => compactLabel(line).replace(/\d+/g, '#');

/** Column headers shorter than this (总计, 其他) are words prose uses too. */
const LABEL_MIN = 4;
const formCache = new WeakMap<TableDef, string[]>();

/** A table's printed words outside its cells (column headers, the 勾稽关系 note, its title), compact: the same every year by design. */
function formWords(def: TableDef): string[] {
  let words = formCache.get(def);
  if (!words) {
    const columns = def.sections.flatMap((s) => s.columns.flatMap((c) => [c.label, c.group ?? '', c.subgroup ?? '']));
    words = [...new Set([def.title, def.note ?? '', ...columns].map(compactLabel))].filter(
      (w) => w.length >= LABEL_MIN,
    );
    formCache.set(def, words);
  }
  return words;
}

interface Passage {
  start: number;
  end: number;
  first: string;
}

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
        .filter((l) => l),
    );
    // The opening before the first part (the report's basis, 统计期限, whom to ask) is the same every
    // year by design; the title and the part headings too.
    const from = Math.max(a.meta.titleEnd ?? 0, a.parts.find((p) => p.start !== undefined)?.start ?? 0);
    const headings = new Set(a.headings.map((h) => h.words));
    const tables = [...a.tables.values()];
    const form = [...new Set(tables.flatMap((t) => formWords(t.def)))];
    const inTable = (at: number) =>
      tables.some((t) => t.start !== undefined && t.end !== undefined && at >= t.start && at < t.end);
    const title = a.meta.title ? normal(a.meta.title) : null;
    const passages: Passage[] = [];
    let run: Passage | null = null;
    let total = 0;
    let copied = 0;
    let at = 0;
    for (const line of a.doc.text.split('\n')) {
      const start = at;
      at += line.length + 1;
      if (line.includes('\t') || start < from || FURNITURE.test(line)) continue;
      const n = normal(line);
      // A blank line (a page break in a PDF's text) does not end a passage.
      if (!n) continue;
      if (
        headings.has(n.replace(/^[一二三四五六七八九十]+\./, '')) ||
        n === title ||
        inTable(start) ||
        form.some((w) => n.includes(w) || w.includes(n))
      ) {
        run = null;
        continue;
      }
      total += n.length;
      // A line copied too continues a passage even when short (a paragraph's last words); alone it must say something.
      if (!before.has(n) || (!run && n.length < MIN)) {
        run = null;
        continue;
      }
      copied += n.length;
      const lead = line.length - line.trimStart().length;
      if (run) run.end = start + line.trimEnd().length;
      else {
        run = { start: start + lead, end: start + line.trimEnd().length, first: line.trim() };
        passages.push(run);
      }
    }
    if (!passages.length) return [];
    const share = Math.round((copied / Math.max(total, 1)) * 100);
    return [
      { message: `有 ${passages.length} 段与上年报告相同（仅年份或数字不同），约占正文的 ${share}%。` },
      ...passages.map((p) => ({
        message: `此段与上年报告相同（仅年份或数字不同）：“${p.first.slice(0, 40)}…”`,
        start: p.start,
        end: p.end,
      })),
    ];
  },
});
