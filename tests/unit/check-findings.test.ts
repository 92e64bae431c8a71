import { describe, expect, it } from 'vitest';
import { checks } from '../../lib/check/checks';
import { checkText } from '../../lib/check/engine';
import { format2019, format2021 } from '../../lib/format';
import { asTabs, generate, key, report } from '../support/report';

/**
 * Single checks on a generated 2023 county report with one thing changed, each computed inside its
 * own test: which finding, where, with which expected and actual value and which words.
 */
const YEAR = 2023;
const base = () => generate(format2021, 21);
const text = (tables = base(), edit: (t: string) => string = (t) => t) =>
  edit(report(format2021, YEAR, tables, asTabs));
const of = (code: string, t: string, year: number | undefined = YEAR) =>
  checkText(t, year === undefined ? {} : { year }).findings.filter((f) => f.code === code);
/** Part 1's placeholder sentence replaced by `sentence`. */
const inPart1 = (sentence: string) => (t: string) => t.replace('本部分的说明文字。', sentence);

describe('sum-mismatch', () => {
  it('names the table, row, column and rule, with the value it should be and the one written', () => {
    const tables = base();
    const requests = tables.get('requests')!;
    const total = requests.get(key('total', 'total'));
    expect(total).toBeDefined();
    requests.set(key('total', 'total'), total! + 3);
    const t = text(tables);
    const f = of('sum-mismatch', t);
    const at = f.find((x) => x.row === 'total' && x.column === 'total')!;
    expect(at).toMatchObject({ table: 'requests', severity: 'error', expected: total, actual: total! + 3 });
    expect(at.message).toContain(`应为 ${total}，表中为 ${total! + 3}`);
    expect(at.message).toMatch(/^「收到和处理政府信息公开申请情况」表「[^」]+」行「总计」列：/);
    expect(t.slice(at.start, at.end)).toBe(String(total! + 3));
  });

  it('a balanced report has none', () => {
    expect(of('sum-mismatch', text())).toEqual([]);
  });
});

describe('cell-invalid', () => {
  /** The requests table's 自然人 column of 一、本年新收 written as `raw`. */
  const withCell = (raw: string) => (t: string) => t.replace(/(\n一、本年新收[^\t]*\t)\d+/, `$1${raw}`);
  /** The `n`th number (from 1) of the table row labelled `label` written as `raw`. */
  const inRow = (label: string, n: number, raw: string) => (t: string) =>
    t.replace(new RegExp(`(\\n${label}(?:\\t\\d+){${n - 1}}\\t)\\d+`), `$1${raw}`);

  it('text where a count belongs is named in its own cell, with what to write instead', () => {
    const t = text(base(), withCell('abc'));
    const [f, ...rest] = of('cell-invalid', t);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ table: 'requests', row: 'new', column: 'natural', actual: null, severity: 'warning' });
    expect(f!.message).toContain('“abc”不是有效的数字，应填非负整数');
    expect(t.slice(f!.start, f!.end)).toBe('abc');
  });

  it('a Chinese numeral is read as its value, with a note to write digits', () => {
    const [f] = of('cell-invalid', text(base(), withCell('十三')));
    expect(f!.message).toContain('写的是“十三”，已按 13 计算，请改用阿拉伯数字 13');
  });

  it('says what the column takes: a number of 万元 for 收费金额, a signed integer for 本年增/减', () => {
    const fees = text(base(), inRow('行政事业性收费', 1, 'abc'));
    const [f, ...rest] = of('cell-invalid', fees);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ table: 'active', row: 'fees', column: 'amount' });
    expect(f!.message).toBe(
      '「主动公开政府信息情况」表「行政事业性收费」行「本年收费金额（单位：万元）」列“abc”不是有效的数字，应填数字（没有数据请填 0，不适用填“—”）。',
    );
    const t2019 = report(format2019, 2020, generate(format2019, 21), asTabs);
    const change = inRow('行政许可', 2, 'abc')(t2019);
    const [g] = of('cell-invalid', change, 2020);
    expect(g).toMatchObject({ table: 'active', row: 'licensing', column: 'change' });
    expect(g!.message).toContain('“abc”不是有效的数字，应填整数（');
  });

  it('a table not read as one (under half its row labels found) is not judged cell by cell', () => {
    const t = text(base(), (s) =>
      withCell('abc')(
        s.replace(/\n(（[一二三四五六七]）|[1-8]\.)[^\t\n]+(?=\t)/g, (_, n: string) => `\n${n}未列明的情形`),
      ),
    );
    const read = checkText(t, { year: YEAR });
    expect(read.tables.find((x) => x.table === 'requests')!.status).toBe('unrecognized');
    expect(of('cell-invalid', t)).toEqual([]);
  });

  it('more than five in one table are one finding listing them all; five are five', () => {
    const words = (n: number) => (t: string) => {
      const lines = t.split('\n');
      let left = n;
      return lines
        .map((l) => {
          if (left === 0 || !/^[（(一二三四五六七八九十]/.test(l) || !/\t\d+\t/.test(l)) return l;
          if (!t.slice(t.indexOf('收到和处理政府信息公开申请情况')).includes(l)) return l;
          left--;
          return l.replace(/\t\d+\t/, '\tabc\t');
        })
        .join('\n');
    };
    const six = of('cell-invalid', text(base(), words(6)));
    expect(six).toHaveLength(1);
    expect(six[0]!.cells).toHaveLength(6);
    expect(six[0]!.message).toContain('有 6 格不是有效的数字（如“abc”）');
    expect(six[0]!.row).toBeUndefined();
    // the finding sits on the first of them, and lists each by its cell and place
    const t6 = text(base(), words(6));
    const [group] = of('cell-invalid', t6);
    expect(t6.slice(group!.start, group!.end)).toBe('abc');
    expect(group!.start).toBe(group!.cells![0]!.start);
    expect(new Set(group!.cells!.map((c) => c.row)).size).toBe(6);
    for (const c of group!.cells!) {
      expect(c.column).toBe('natural');
      expect(t6.slice(c.start, c.end)).toBe('abc');
    }
    const five = of('cell-invalid', text(base(), words(5)));
    expect(five).toHaveLength(5);
    expect(five.every((f) => f.row !== undefined && f.cells === undefined)).toBe(true);
  });
});

describe('part-missing', () => {
  it('names each missing part by number and title, as an error', () => {
    const t = text(base(), (s) => s.replace(/五、存在的主要问题及改进情况\n本部分的说明文字。\n/, ''));
    const f = of('part-missing', t);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ part: 5, severity: 'error', message: '缺少第五部分「存在的主要问题及改进情况」。' });
  });

  it('a complete report has none', () => {
    expect(of('part-missing', text())).toEqual([]);
  });

  it('a report before 2019 is not held to the six parts', () => {
    const t = text(base(), (s) => s.replace(/五、存在的主要问题及改进情况\n本部分的说明文字。\n/, ''));
    expect(of('part-missing', t, 2018)).toEqual([]);
    expect(of('part-missing', t, YEAR)).toHaveLength(1);
  });
});

describe('year-mismatch', () => {
  it('a sentence that opens with a year up to three years back is flagged, with the sentence quoted', () => {
    for (const y of [YEAR - 1, YEAR - 3]) {
      const t = text(base(), inPart1(`${y}年，我县继续推进政务公开工作。`));
      const f = of('year-mismatch', t);
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ actual: y, expected: YEAR, severity: 'warning' });
      expect(t.slice(f[0]!.start, f[0]!.end)).toBe(`${y}年，我县继续推进政务公开工作。`);
      expect(f[0]!.message).toContain(`这是${YEAR}年度的报告，但这句话写的是${y}年`);
    }
  });

  it('a sentence opens after 。；！？ or a line break, indented or not; 年 may follow a space, and 年度 is a year too', () => {
    for (const [before, sentence] of [
      ['工作有序推进；', `${YEAR - 1}年，我县继续推进政务公开工作。`],
      ['成效明显！', `${YEAR - 1}年，我县继续推进政务公开工作。`],
      ['\n\u3000\u3000', `${YEAR - 1}年，我县继续推进政务公开工作。`],
      ['工作有序推进。 ', `${YEAR - 1} 年，我县继续推进政务公开工作。`],
      ['', `${YEAR - 2}年度，我县继续推进政务公开工作。`],
    ]) {
      const t = text(base(), inPart1(`${before}${sentence}`));
      const f = of('year-mismatch', t);
      expect(f, before + sentence).toHaveLength(1);
      expect(t.slice(f[0]!.start, f[0]!.end)).toBe(sentence);
    }
  });

  it('a comparison word later in the sentence, after its first comma, does not excuse the year', () => {
    const t = text(base(), inPart1(`${YEAR - 1}年，我县申请数量较往年有所增加。`));
    expect(of('year-mismatch', t).map((f) => f.actual)).toEqual([YEAR - 1]);
  });

  it('the quote ends at the line break, or after 30 characters when the sentence runs on', () => {
    const line = `${YEAR - 1}年我县继续推进政务公开工作`;
    const t = text(base(), inPart1(`${line}\n其他说明。`));
    const [f] = of('year-mismatch', t);
    expect(t.slice(f!.start, f!.end)).toBe(`${line}\n`);
    expect(f!.message).toContain(`“${line}”`);
    const long = `${YEAR - 1}年我县继续推进政务公开工作并持续加强政策解读和回应关切不断提升政务公开的质量和实效`;
    const u = text(base(), inPart1(`${long}。`));
    const [g] = of('year-mismatch', u);
    expect(u.slice(g!.start, g!.end)).toBe(long.slice(0, 30));
  });

  it('not the report year, a later year, more than three years back, nor a comparison', () => {
    for (const sentence of [
      `${YEAR}年，我县继续推进政务公开工作。`,
      `${YEAR + 1}年，我县将继续推进政务公开工作。`,
      `${YEAR - 4}年，我县开始推进政务公开工作。`,
      `${YEAR - 1}年以来，我县持续推进政务公开工作。`,
      `${YEAR - 2}年相比，申请数量有所增加。`,
      `本年度与${YEAR - 1}年相比，申请数量有所增加。`,
      `我县于${YEAR - 1}年建成的政务公开专区继续运行。`,
    ])
      expect(of('year-mismatch', text(base(), inPart1(sentence)))).toEqual([]);
  });

  it('a comparison word counts only in the first clause after the year, up to 14 characters on', () => {
    const flagged = (sentences: string) => of('year-mismatch', text(base(), inPart1(sentences))).map((f) => f.actual);
    // the sentence before, though it ends in 提前 (前) or holds a comma, is not this sentence's clause
    expect(flagged(`各项工作均较往年提前。${YEAR - 1}年，我县继续推进政务公开工作。`)).toEqual([YEAR - 1]);
    expect(flagged(`本年度，我县持续推进政务公开。${YEAR - 1}年以来，申请数量逐年增加。`)).toEqual([]);
    expect(flagged(`${YEAR - 1}年全年申请数量同比增长。`)).toEqual([]);
  });

  it('a title that opens with its year is not a sentence of the text', () => {
    const t = text(base()).replace(`某县人民政府${YEAR}年`, `${YEAR - 1}年某县人民政府`);
    expect(t.startsWith(`${YEAR - 1}年某县人民政府`)).toBe(true);
    expect(of('year-mismatch', t, YEAR)).toEqual([]);
  });

  it('a year inside the title is not a slip', () => {
    const t = text(base(), (s) => s.replace(`某县人民政府${YEAR}年`, `某县人民政府${YEAR - 1}年`));
    expect(of('year-mismatch', t, YEAR).filter((f) => f.start! < t.indexOf('\n'))).toEqual([]);
  });

  it('a 统计期限 of another year is named with the right one; the right 统计期限 is not', () => {
    const wrong = text(base(), inPart1(`本报告统计期限自${YEAR - 1}年1月1日起至${YEAR - 1}年12月31日止。`));
    const f = of('year-mismatch', wrong);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ actual: YEAR - 1, expected: YEAR });
    expect(f[0]!.message).toBe(
      `统计期限写的是${YEAR - 1}年1月1日至${YEAR - 1}年12月31日，${YEAR}年度报告应为${YEAR}年1月1日至${YEAR}年12月31日。`,
    );
    expect(wrong.slice(f[0]!.start, f[0]!.end)).toContain(`${YEAR - 1}年1月1日`);
    const half = of('year-mismatch', text(base(), inPart1(`统计期限自${YEAR}年1月1日起至${YEAR + 1}年12月31日止。`)));
    expect(half.map((x) => x.actual)).toEqual([YEAR + 1]);
    const right = text(base(), inPart1(`本报告统计期限自${YEAR}年1月1日起至${YEAR}年12月31日止。`));
    expect(of('year-mismatch', right)).toEqual([]);
  });

  it('nothing when the report year is unknown', () => {
    const t = '关于政务公开的说明\n2020年，我县继续推进政务公开工作。';
    expect(of('year-mismatch', t, undefined)).toEqual([]);
  });
});

describe('the checks as the options page and the CLI list them', () => {
  it('each says in Chinese what it looks for, each in its own words', () => {
    const described = checks.map((c) => c.description);
    for (const d of described) expect(d).toMatch(/^[\u4e00-\u9fff0-9A-Z].*[\u4e00-\u9fff）)]$/u);
    expect(new Set(described).size).toBe(checks.length);
  });

  it('without the report year, the checks that need it are named as not run; the table checks run', () => {
    const t = text(base(), inPart1(`本年度未收到政府信息公开申请。`)).replace(`某县人民政府${YEAR}年`, '某县人民政府');
    const r = checkText(t, {});
    expect(r.year).toBeNull();
    for (const code of ['part-missing', 'year-mismatch', 'text-table-mismatch'])
      expect(r.progress.unchecked).toContain(code);
    for (const code of ['sum-mismatch', 'cell-invalid']) expect(r.progress.unchecked).not.toContain(code);
  });
});
