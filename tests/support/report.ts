import { checkDom, checkText } from '../../lib/check/engine';
import type { FormatDef, TableDef } from '../../lib/format/schema';
import { leavesOf } from '../../lib/check/rules';

/**
 * Balanced tables built from the format data alone (not through the product's own filler), so that
 * the checker and the data are tested against each other: every '=' rule names a computed cell
 * (its single side, or for 一+二=七+四 the 一 row), the rest are random.
 */
export type Values = Map<string, number>;
export const key = (row: string, column: string) => `${row}|${column}`;

export function numberCells(def: TableDef) {
  return def.sections.flatMap((s) =>
    s.rows.filter((r) => !r.group).flatMap((r) => s.columns.map((c) => ({ row: r.id, column: c.id }))),
  );
}

export function balanced(format: FormatDef, def: TableDef, random: () => number): Values {
  const v: Values = new Map();
  for (const c of numberCells(def)) v.set(key(c.row, c.column), Math.floor(random() * 9));
  const rules = format.rules.filter((r) => r.table === def.id && r.op === '=');
  const carried = def.id === 'requests';
  if (carried) for (const c of def.sections[0]!.columns) v.set(key('carried', c.id), 0);
  for (let pass = 0; pass < 4; pass++) {
    for (const rule of rules) {
      const section = def.sections[0]!;
      const lines =
        rule.over === 'columns'
          ? section.columns.map((c) => c.id)
          : section.rows.filter((r) => !r.group).map((r) => r.id);
      for (const line of lines) {
        const cell = (id: string) => (rule.over === 'columns' ? key(id, line) : key(line, id));
        const expand = (ids: string[]) => (rule.over === 'columns' ? ids.flatMap((id) => leavesOf(def, id)) : ids);
        const [left, right] = [expand(rule.left), expand(rule.right)];
        const sum = (ids: string[]) => ids.reduce((s, id) => s + v.get(cell(id))!, 0);
        if (left.length === 1) v.set(cell(left[0]!), sum(right));
        else if (right.length === 1) v.set(cell(right[0]!), sum(left));
        else v.set(cell(left[0]!), sum(right) - sum(left.slice(1)));
      }
    }
  }
  return v;
}

const reviewLike = (def: TableDef) => def.sections[0]!.rows.length === 1 && def.id === 'review';

export function asTabs(def: TableDef, v: Values): string {
  const lines = [def.title];
  for (const s of def.sections) {
    if (s.label) lines.push(s.label);
    lines.push(['', ...s.columns.map((c) => c.label)].join('\t'));
    for (const r of s.rows) {
      if (r.group) {
        lines.push(r.label);
        continue;
      }
      const cells = s.columns.map((c) => String(v.get(key(r.id, c.id))));
      lines.push(reviewLike(def) ? cells.join('\t') : [r.label, ...cells].join('\t'));
    }
  }
  return lines.join('\n');
}

export function asCellPerLine(def: TableDef, v: Values): string {
  const out = [def.title];
  for (const s of def.sections) {
    if (s.label) out.push(`\t${s.label}`, '');
    out.push(...s.columns.map((c) => `\t${c.label}`), '');
    for (const r of s.rows) {
      if (!reviewLike(def)) out.push('\t', `\t${r.label}`);
      if (!r.group) out.push(...s.columns.map((c) => `\t${v.get(key(r.id, c.id))}`));
      out.push('');
    }
  }
  return out.join('\n');
}

export function asHtml(def: TableDef, v: Values): string {
  const rows: string[] = [];
  for (const s of def.sections) {
    if (s.label) rows.push(`<tr><td colspan="${s.columns.length + 1}">${s.label}</td></tr>`);
    rows.push(`<tr><td>信息内容</td>${s.columns.map((c) => `<td>${c.label}</td>`).join('')}</tr>`);
    for (const r of s.rows) {
      const cells = r.group ? '' : s.columns.map((c) => `<td><span>${v.get(key(r.id, c.id))}</span></td>`).join('');
      rows.push(reviewLike(def) ? `<tr>${cells}</tr>` : `<tr><td>${r.label}</td>${cells}</tr>`);
    }
  }
  return `<p>${def.title}</p><table border="1"><tbody>${rows.join('')}</tbody></table>`;
}

export interface MarkdownStyle {
  /** The |---| line under the header row. */
  rule: boolean;
  /** Pipes at both ends of each row. */
  outer: boolean;
  /** **bold** row labels and a # heading above the table, as AI assistants write. */
  bold: boolean;
}

/** A Markdown pipe table, as an AI assistant drafts it. */
export function asMarkdown(def: TableDef, v: Values, style: MarkdownStyle): string {
  const row = (cells: string[]) => (style.outer ? `| ${cells.join(' | ')} |` : cells.join(' | '));
  const out = [style.bold ? `### ${def.title}` : def.title, ''];
  for (const s of def.sections) {
    const review = reviewLike(def);
    const header = review ? s.columns.map((c) => c.label) : ['信息内容', ...s.columns.map((c) => c.label)];
    if (s.label) out.push(style.bold ? `**${s.label}**` : s.label);
    out.push(row(header));
    if (style.rule) out.push(row(header.map(() => '---')));
    for (const r of s.rows) {
      const label = style.bold ? `**${r.label}**` : r.label;
      if (r.group) {
        out.push(row([label, ...s.columns.map(() => '')]));
        continue;
      }
      const cells = s.columns.map((c) => String(v.get(key(r.id, c.id))));
      out.push(row(review ? cells : [label, ...cells]));
    }
    out.push('');
  }
  return out.join('\n');
}

/** Text copied from a PDF: each row on a line, cells padded with runs of spaces (or full-width ones, or single spaces). */
export function asSpaces(def: TableDef, v: Values, pad: string): string {
  const out = [def.title];
  for (const s of def.sections) {
    if (s.label) out.push(s.label);
    out.push(['信息内容', ...s.columns.map((c) => c.label)].join(pad));
    for (const r of s.rows) {
      if (r.group) {
        out.push(r.label);
        continue;
      }
      const cells = s.columns.map((c) => String(v.get(key(r.id, c.id))));
      out.push((reviewLike(def) ? cells : [r.label, ...cells]).join(pad));
    }
  }
  return out.join('\n');
}

const heading = (format: FormatDef, n: number) => `${'一二三四五六'[n - 1]}、${format.parts[n - 1]!.title}`;

export function report(
  format: FormatDef,
  year: number,
  tables: Map<string, Values>,
  layout: (def: TableDef, v: Values) => string,
): string {
  const parts = format.parts.map((p) => {
    const body = format.tables.filter((t) => t.part === p.number).map((t) => layout(t, tables.get(t.id)!));
    return [heading(format, p.number), '本部分的说明文字。', ...body].join('\n');
  });
  return [`某县人民政府${year}年政府信息公开工作年度报告`, ...parts].join('\n');
}

/** A seeded generator, so a failing case can be replayed. */
export function generate(format: FormatDef, seed: number): Map<string, Values> {
  let s = seed >>> 0 || 1;
  const random = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  return new Map(format.tables.map((t) => [t.id, balanced(format, t, random)]));
}

export const layouts = { tabs: asTabs, 'one cell per line': asCellPerLine } as const;

/** A whole report in a layout, checked by the engine. */
export function checked(
  format: FormatDef,
  year: number,
  tables: Map<string, Values>,
  layout: string,
  edit: (text: string) => string = (t) => t,
) {
  if (layout === 'html') {
    const div = document.createElement('div');
    div.innerHTML = edit(report(format, year, tables, asHtml))
      .split('\n')
      .map((l) => (l.startsWith('<') ? l : `<p>${l}</p>`))
      .join('');
    return checkDom(div);
  }
  return checkText(edit(report(format, year, tables, layouts[layout as keyof typeof layouts])), { year });
}
