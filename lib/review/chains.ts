import { compactLabel } from '../read/text';

/**
 * Year-to-year chains in a batch: the same unit (by the name its report states) in consecutive
 * years. The later report is then checked against the earlier one as `--prev` does for a pair:
 * carry-over, copied paragraphs, figures that jump.
 */
export interface Chain {
  /** Index of the earlier year's report. */
  from: number;
  /** Index of the next year's report of the same unit. */
  to: number;
}

/** A government's name after the province and city it belongs to: 淮安市洪泽区 → 洪泽区, 江苏省苏州市昆山市 → 昆山市. */
const QUALIFIED =
  /^(?:.{2,8}?(?:省|自治区))?(?:.{2,8}?(?:市|州|盟))?(.{2,12}(?:区|县|旗|市|镇|乡|街道办事处|街道|办事处|苏木))$/;

/**
 * A unit's name as matched: white space and full-width forms folded, 人民政府 and 政府 alike, and a
 * government's name with or without its province and city (洪泽区人民政府 one year, 淮安市洪泽区人民政府
 * the next). Departments keep their whole name: 办公室 alone would match every city's.
 */
export function unitKey(unit: string): string {
  const key = compactLabel(unit).replace(/(?:人民政府|政府)$/, '');
  return QUALIFIED.exec(key)?.[1] ?? key;
}

/** What chains are matched by: the unit as `unitKey` reads it, and the year. */
export const chainKey = (unit: string, year: number) => `${unitKey(unit)}\u0000${year}`;

/** The chains among `items` (null where a report is unreadable or states no unit or year); the first report of a unit and year wins. */
export function yearChains(items: readonly ({ unit?: string | null; year?: number | null } | null)[]): Chain[] {
  const at = new Map<string, number>();
  items.forEach((item, i) => {
    if (!item?.unit || item.year === null || item.year === undefined) return;
    const key = chainKey(item.unit, item.year);
    if (!at.has(key)) at.set(key, i);
  });
  const chains: Chain[] = [];
  items.forEach((item, to) => {
    if (!item?.unit || item.year === null || item.year === undefined) return;
    if (at.get(chainKey(item.unit, item.year)) !== to) return;
    const from = at.get(chainKey(item.unit, item.year - 1));
    if (from !== undefined) chains.push({ from, to });
  });
  return chains.sort((a, b) => a.to - b.to);
}
