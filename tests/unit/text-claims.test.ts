import { describe, expect, it } from 'vitest';
import { checkText } from '../../lib/check/engine';
import { leavesOf } from '../../lib/check/rules';
import { format2019, format2021, formats } from '../../lib/format';
import type { FormatDef } from '../../lib/format/schema';
import { asTabs, generate, key, report, type Values } from '../support/report';

/**
 * Each claim shape, positive and negative, in sentences written for the tests and set into part 1 of a
 * generated report. A template names cells as {table|row|column}, a sum as {…+…}; the cell marked
 * with ! is the one the wrong variant states one too many.
 */
const t2021 = generate(format2021, 11);
const t2019 = generate(format2019, 5);
const tablesOf = (f: FormatDef) => (f === format2021 ? t2021 : t2019);

function cellSum(f: FormatDef, tables: Map<string, Values>, ref: string): number {
  return ref.split('+').reduce((s, one) => {
    const [table, row, column] = one.split('|') as [string, string, string];
    const def = f.tables.find((t) => t.id === table)!;
    return s + leavesOf(def, row).reduce((x, leaf) => x + tables.get(table)!.get(key(leaf, column))!, 0);
  }, 0);
}

function fill(f: FormatDef, tables: Map<string, Values>, template: string, bump: boolean): string {
  return template.replace(/\{(!?)([^}]+)\}/g, (_, mark: string, ref: string) =>
    String(cellSum(f, tables, ref) + (mark && bump ? 1 : 0)),
  );
}

interface Options {
  format?: FormatDef;
  unit?: string;
  tables?: Map<string, Values>;
}

/** 本年新收 59: 自然人 20, 商业企业 39, no other applicant. */
function applicants59(): Map<string, Values> {
  const tables = structuredClone(t2021);
  const v = tables.get('requests')!;
  v.set(key('new', 'total'), 59);
  v.set(key('new', 'natural'), 20);
  v.set(key('new', 'business'), 39);
  for (const c of ['research', 'nonprofit', 'legal', 'otherOrg']) v.set(key('new', c), 0);
  return tables;
}

function mismatches(sentence: string, o: Options = {}) {
  const f = o.format ?? format2021;
  const year = f === format2021 ? 2023 : 2020;
  const text = report(f, year, o.tables ?? tablesOf(f), asTabs)
    .replace('某县人民政府', o.unit ?? '某县人民政府')
    .replace('一、总体情况\n本部分的说明文字。', `一、总体情况\n${sentence}`);
  const r = checkText(text, { year });
  return r.findings
    .filter((x) => x.code === 'text-table-mismatch')
    .map((x) => ({ ...x, marked: r.text.slice(x.start, x.end) }));
}

const positive: { shape: string; text: string; format?: FormatDef }[] = [
  { shape: '制发规范性文件', text: '本年度制发行政规范性文件{!active|normative|issued}件。' },
  { shape: '新制发规范性文件', text: '全年新制发规范性文件{!active|normative|issued}件。' },
  { shape: '出台规范性文件', text: '我县出台行政规范性文件{!active|normative|issued}件。' },
  {
    shape: '现行有效 … 制发',
    text: '集中发布现行有效行政规范性文件{!active|normative|inForce}件，动态更新本年度制发的规范性文件{active|normative|issued}件。',
  },
  {
    shape: '制发、废止、现行有效 (object named once)',
    text: '本年制发规范性文件{active|normative|issued}件，废止{!active|normative|repealed}件，现行有效{active|normative|inForce}件。',
  },
  { shape: '废止规范性文件', text: '清理并废止规范性文件{!active|normative|repealed}件。' },
  { shape: '规章', text: '全年新增公开市政府规章{!active|regulations|issued}件。' },
  { shape: '行政许可', text: '全年作出行政许可决定{!active|licensing|decisions}件。' },
  { shape: '行政处罚', text: '行政处罚{!active|penalty|decisions}件，行政强制{active|enforcement|decisions}件。' },
  { shape: '行政强制', text: '行政处罚{active|penalty|decisions}件，行政强制{!active|enforcement|decisions}件。' },
  { shape: '收费 万元', text: '全年收取行政事业性收费{!active|fees|amount}万元。' },
  { shape: '收到申请', text: '本年度共收到政府信息公开申请{!requests|new|total}件。' },
  { shape: '新收申请', text: '本年度新收政府信息公开申请{!requests|new|total}件。' },
  { shape: '受理申请', text: '全年共受理政府信息公开申请{!requests|new|total}件，均在法定期限内答复。' },
  {
    shape: '自然人 split',
    text: '共收到政府信息公开申请{requests|new|total}件，其中自然人{!requests|new|natural}件、法人或其他组织{requests|new|business+requests|new|research+requests|new|nonprofit+requests|new|legal+requests|new|otherOrg}件。',
  },
  {
    shape: '法人或其他组织 split',
    text: '共收到政府信息公开申请{requests|new|total}件，其中自然人{requests|new|natural}件、法人或其他组织{!requests|new|business+requests|new|research+requests|new|nonprofit+requests|new|legal+requests|new|otherOrg}件。',
  },
  { shape: '上年结转', text: '上年结转政府信息公开申请{!requests|carried|total}件。' },
  { shape: '办结', text: '本年度收到的政府信息公开申请均已办结，共办结{!requests|total|total}件。' },
  { shape: '予以公开', text: '予以公开{!requests|granted|total}件。' },
  { shape: '部分公开', text: '予以公开{requests|granted|total}件，部分公开{!requests|partial|total}件。' },
  { shape: '予以公开及部分公开 (sum)', text: '予以公开及部分公开{!requests|granted|total+requests|partial|total}件。' },
  { shape: '不予公开', text: '不予公开{!requests|denied|total}件。' },
  { shape: '不予公开 sub-row', text: '因属于国家秘密不予公开{!requests|denied.secret|total}件。' },
  { shape: '无法提供', text: '因本机关不掌握等原因无法提供{!requests|unable|total}件。' },
  {
    shape: '无法提供 sub-row',
    text: '本机关不掌握相关政府信息{!requests|unable.notHeld|total}件。',
  },
  { shape: '不予处理', text: '不予处理{!requests|ignored|total}件。' },
  { shape: '其他处理', text: '其他处理{!requests|other|total}件。' },
  { shape: '结转下年度', text: '结转下年度继续办理{!requests|carryover|total}件。' },
  {
    shape: 'N件予以公开 (words after the number)',
    text: '收到的申请中，{!requests|granted|total}件予以公开，{requests|partial|total}件部分公开。',
  },
  {
    shape: 'N件顺延到下年度',
    text: '答复{requests|total|total}件，另有{!requests|carryover|total}件顺延到下年度答复。',
  },
  { shape: '行政复议', text: '因政府信息公开被申请行政复议{!review|count|review.total}件。' },
  {
    shape: '行政复议 维持',
    text: '政府信息公开行政复议{review|count|review.total}件，其中结果维持{!review|count|review.upheld}件，结果纠正{review|count|review.corrected}件。',
  },
  {
    shape: '行政复议 纠正',
    text: '政府信息公开行政复议{review|count|review.total}件，其中结果维持{review|count|review.upheld}件，结果纠正{!review|count|review.corrected}件。',
  },
  {
    shape: '行政诉讼 (both groups)',
    text: '政府信息公开行政诉讼{!review|count|direct.total+review|count|after.total}件。',
  },
  {
    shape: '行政诉讼 维持 (both groups)',
    text: '政府信息公开行政诉讼{review|count|direct.total+review|count|after.total}件，其中结果维持{!review|count|direct.upheld+review|count|after.upheld}件。',
  },
  { shape: '复议后起诉', text: '复议后起诉{!review|count|after.total}件。' },
  {
    shape: '行政复议和行政诉讼 (a sum whose members name their own topics)',
    text: '本年度发生政府信息公开行政复议和行政诉讼{!review|count|review.total+review|count|direct.total+review|count|after.total}件。',
  },
  {
    shape: '直接起诉和复议后起诉 (a sum whose members name their own topics)',
    text: '政府信息公开行政诉讼中，直接起诉和复议后起诉共{!review|count|direct.total+review|count|after.total}件。',
  },
  { shape: '2019 新制作', format: format2019, text: '本年新制作规范性文件{!active|normative|made}件。' },
  {
    shape: '2019 新公开',
    format: format2019,
    text: '本年新制作规范性文件{active|normative|made}件，新公开{!active|normative|published}件。',
  },
  { shape: '2019 集中采购', format: format2019, text: '政府集中采购项目{!active|procurement|count}个。' },
  { shape: '2019 采购金额', format: format2019, text: '政府集中采购总金额{!active|procurement|amount}万元。' },
  { shape: '2019 予以公开', format: format2019, text: '予以公开{!requests|granted|total}件。' },
];

describe('text-table-mismatch: each claim shape', () => {
  it.each(positive)('$shape: agrees when the sentence states the table', ({ text, format }) => {
    const f = format ?? format2021;
    expect(mismatches(fill(f, tablesOf(f), text, false), { format: f })).toEqual([]);
  });

  it.each(positive)('$shape: the sentence and the cell are named when it does not', ({ text, format }) => {
    const f = format ?? format2021;
    const sentence = fill(f, tablesOf(f), text, true);
    const found = mismatches(sentence, { format: f });
    const marked = /\{!([^}]+)\}/.exec(text)![1]!;
    const [table, row, column] = marked.split('+')[0]!.split('|');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ table, row, column, marked: sentence });
    expect(found[0]!.expected! + 1).toBe(found[0]!.actual);
    expect(found[0]!.message).toMatch(/^正文：.+；表[二三四].+：/);
  });
});

describe('text-table-mismatch: the message says what the figure counted', () => {
  it('a figure that is the 自然人 column of 总计', () => {
    const tables = structuredClone(t2021);
    tables.get('requests')!.set(key('granted', 'natural'), 4);
    tables.get('requests')!.set(key('granted', 'total'), 9);
    const found = mismatches('予以公开4件。', { tables });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      '正文：予以公开4件；表三「（一）予以公开」行「总计」列：9。正文的数字只算了自然人。',
    );
  });

  it('a sum that counted only one of its rows', () => {
    const tables = structuredClone(t2021);
    tables.get('requests')!.set(key('granted', 'total'), 6);
    tables.get('requests')!.set(key('partial', 'total'), 2);
    const found = mismatches('予以公开及部分公开6件。', { tables });
    expect(found.map((x) => [x.row, x.expected, x.actual])).toEqual([['granted', 8, 6]]);
    expect(found[0]!.message).toContain('正文的数字只算了「予以公开」');
  });

  it('the sentence the issue quotes: 予以公开及部分公开 and 无法提供 that counted the 自然人 column only', () => {
    const tables = structuredClone(t2021);
    const v = tables.get('requests')!;
    for (const [row, natural, business] of [
      ['granted', 30, 4],
      ['partial', 5, 1],
      ['unable.notHeld', 7, 2],
      ['unable.create', 1, 0],
      ['unable.unclear', 0, 0],
    ] as const) {
      v.set(key(row, 'natural'), natural);
      v.set(key(row, 'business'), business);
      for (const c of ['research', 'nonprofit', 'legal', 'otherOrg']) v.set(key(row, c), 0);
      v.set(key(row, 'total'), natural + business);
    }
    const found = mismatches('予以公开及部分公开35件，因本机关不掌握等原因无法提供8件。', { tables });
    expect(found.map((x) => [x.row, x.expected, x.actual])).toEqual([
      ['granted', 40, 35],
      ['unable', 10, 8],
    ]);
    expect(found.every((x) => x.message.endsWith('正文的数字只算了自然人。'))).toBe(true);
    expect(found[1]!.message).toBe(
      '正文：无法提供8件；表三「（四）无法提供」行「总计」列：10。正文的数字只算了自然人。',
    );
  });

  it('现行有效 quotes the text and the table', () => {
    const tables = structuredClone(t2021);
    tables.get('active')!.set(key('normative', 'inForce'), 83);
    const found = mismatches('集中发布现行有效行政规范性文件66件。', { tables });
    expect(found[0]!.message).toBe(
      '正文：现行有效行政规范性文件66件；表二「行政规范性文件」行「现行有效件数」列：83。',
    );
  });
});

describe('text-table-mismatch: the finding names the cells as the table labels them', () => {
  // The generated tables (seed 11): 予以公开 31, 部分公开 15, 本年新收 557 (自然人 90), 行政复议 8,
  // 行政诉讼 21 + 17 (结果维持 8 + 2), 本年制发规范性文件 0.
  it.each([
    ['部分公开1件。', ['partial', 'total', 15, 1, '正文：部分公开1件；表三「（二）部分公开」行「总计」列：15。']],
    [
      '予以公开及部分公开1件。',
      [
        'granted',
        'total',
        46,
        1,
        '正文：予以公开及部分公开1件；表三「（一）予以公开」与「（二）部分公开」行「总计」列：46。',
      ],
    ],
    [
      '共收到政府信息公开申请557件，其中自然人90件、法人或其他组织1件。',
      [
        'new',
        'business',
        467,
        1,
        '正文：法人或其他组织1件；表三「一、本年新收政府信息公开申请数量」行「法人或其他组织」各列之和：467。',
      ],
    ],
    [
      '因政府信息公开被申请行政复议1件。',
      ['count', 'review.total', 8, 1, '正文：行政复议1件；表四「行政复议·总计」列：8。'],
    ],
    [
      '政府信息公开行政诉讼38件，其中结果维持9件。',
      [
        'count',
        'direct.upheld',
        10,
        9,
        '正文：结果维持9件；表四「行政诉讼·未经复议直接起诉·结果维持」与「行政诉讼·复议后起诉·结果维持」列：10。',
      ],
    ],
    [
      '本年度制发行政规范性文件1件。',
      ['normative', 'issued', 0, 1, '正文：制发行政规范性文件1件；表二「行政规范性文件」行「本年制发件数」列：0。'],
    ],
    [
      '因政府信息公开被申请行政复议1,234件。',
      ['count', 'review.total', 8, 1234, '正文：行政复议1,234件；表四「行政复议·总计」列：8。'],
    ],
  ] as const)('%s', (sentence, [row, column, expected, actual, message]) => {
    const found = mismatches(sentence);
    expect(found.map((x) => [x.row, x.column, x.expected, x.actual, x.message, x.marked])).toEqual([
      [row, column, expected, actual, message, sentence],
    ]);
    expect(found[0]).toMatchObject({
      table: message.includes('表二') ? 'active' : message.includes('表三') ? 'requests' : 'review',
      severity: 'warning',
    });
  });

  it('a figure written with thousands separators agrees with its cell', () => {
    const tables = structuredClone(t2021);
    tables.get('review')!.set(key('count', 'review.total'), 1234);
    expect(mismatches('因政府信息公开被申请行政复议1,234件。', { tables })).toEqual([]);
  });

  it.each(['件', '起', '宗', '次', '个', '条', '份'])('a count in %s is a count', (unit) => {
    const [f, ...rest] = mismatches(`因政府信息公开被申请行政复议9${unit}。`);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ column: 'review.total', expected: 8, actual: 9 });
  });
});

describe('text-table-mismatch: a heading line starts a sentence', () => {
  /** The comparison of the line before would excuse the figure if the heading did not cut the sentence. */
  const around = (line: string) => `申请数量较上年有所增加\n${line}\n共收到政府信息公开申请5件。`;

  it.each([
    '（二）依申请公开情况',
    '二、依申请公开情况',
    '2、依申请公开情况',
    '2.依申请公开情况',
    '\u3000\u3000(二)依申请公开情况',
    '十一、依申请公开情况',
    '（十一）依申请公开情况',
  ])('after %s the figure is its own sentence', (heading) => {
    expect(mismatches(around(heading)).map((x) => [x.row, x.actual, x.marked])).toEqual([
      ['new', 5, '共收到政府信息公开申请5件。'],
    ]);
  });

  it('a line that starts with a decimal (3.5%) is no heading, nor is a plain line break a cut', () => {
    expect(mismatches(around('3.5%的申请来自网上'))).toEqual([]);
    expect(mismatches('申请数量较上年有所增加\n共收到政府信息公开申请5件。')).toEqual([]);
  });
});

describe('text-table-mismatch: findings in text order, each on its own sentence', () => {
  it('a 未发生 phrase before a figure: both, in the order of the text, each marking its sentence', () => {
    const text = '未发生因政府信息公开申请行政复议的情况。本年度未收到政府信息公开申请。共收到政府信息公开申请5件。';
    expect(mismatches(text).map((x) => [x.row, x.column, x.expected, x.actual, x.message, x.marked])).toEqual([
      [
        'count',
        'review.total',
        8,
        0,
        '正文：未发生行政复议（“未发生因政府信息公开申请行政复议”）；表四「行政复议·总计」列：8。',
        '未发生因政府信息公开申请行政复议的情况。',
      ],
      [
        'new',
        'total',
        557,
        0,
        '正文：未收到政府信息公开申请（“未收到政府信息公开申请”）；表三「一、本年新收政府信息公开申请数量」行「总计」列：557。',
        '本年度未收到政府信息公开申请。',
      ],
      [
        'new',
        'total',
        557,
        5,
        '正文：收到政府信息公开申请5件；表三「一、本年新收政府信息公开申请数量」行「总计」列：557。',
        '共收到政府信息公开申请5件。',
      ],
    ]);
  });

  it('a figure that opens its sentence (32件予以公开) belongs to that sentence, not the one before', () => {
    const found = mismatches('本年度共收到政府信息公开申请557件。32件予以公开。');
    expect(found.map((x) => [x.row, x.expected, x.actual, x.marked])).toEqual([['granted', 31, 32, '32件予以公开。']]);
  });

  it('one finding per sentence and cell; two cells in one sentence are two', () => {
    const twice = mismatches('本年度新收政府信息公开申请5件，均已受理，受理申请5件。');
    expect(twice.map((x) => [x.row, x.actual])).toEqual([['new', 5]]);
    const both = mismatches('未发生因政府信息公开申请行政复议的情况，本年度未收到政府信息公开申请。');
    expect(both.map((x) => [x.column, x.marked])).toEqual([
      ['review.total', '未发生因政府信息公开申请行政复议的情况，本年度未收到政府信息公开申请。'],
      ['total', '未发生因政府信息公开申请行政复议的情况，本年度未收到政府信息公开申请。'],
    ]);
  });

  it('a year or a scope word of the sentence before does not reach into this one; the report’s own year is its own', () => {
    expect(mismatches('2022年的工作已经总结。共收到政府信息公开申请5件。').map((x) => x.actual)).toEqual([5]);
    expect(mismatches('各部门的工作已经总结。共收到政府信息公开申请5件。').map((x) => x.actual)).toEqual([5]);
    expect(mismatches('2023年共收到政府信息公开申请5件。').map((x) => x.actual)).toEqual([5]);
  });

  it('a comparison in an earlier clause does not excuse 未收到; the units below or another year do', () => {
    expect(mismatches('与上年相比，本年度未收到政府信息公开申请。').map((x) => x.row)).toEqual(['new']);
    expect(mismatches('各部门均未收到政府信息公开申请。')).toEqual([]);
    expect(mismatches('2022年未收到政府信息公开申请。')).toEqual([]);
  });
});

describe('text-table-mismatch: whose figure it is', () => {
  it('全县 in a county’s own report, 全街道 in a 街道办事处’s, is its own figure', () => {
    expect(mismatches('全县共收到政府信息公开申请5件。').map((x) => [x.row, x.actual])).toEqual([['new', 5]]);
    const street = mismatches('全街道共收到政府信息公开申请5件。', { unit: '某街道办事处' });
    expect(street.map((x) => [x.row, x.actual])).toEqual([['new', 5]]);
  });

  it('the cells of a table written with units (7件) are not figures of the text', () => {
    const text = report(format2021, 2023, t2021, asTabs).replace(
      /\n((?:（[一二三四五六七]）|[一二三四]、)[^\t\n]*)((?:\t\d+)+)/g,
      (_, label: string, cells: string) => `\n${label}${cells.replace(/\d+/g, '$&件')}`,
    );
    const r = checkText(text, { year: 2023 });
    expect(r.tables.find((t) => t.table === 'requests')!.status).toBe('ok');
    expect(r.text).toContain('（一）予以公开\t7件');
    expect(r.findings.filter((x) => x.code === 'text-table-mismatch')).toEqual([]);
  });

  it('a report with no table read has nothing to hold its figures against', () => {
    const text = report(format2021, 2023, t2021, () => '（表格见附件）').replace(
      '一、总体情况\n本部分的说明文字。',
      '一、总体情况\n共收到政府信息公开申请5件。本年度未收到政府信息公开申请。',
    );
    const r = checkText(text, { year: 2023 });
    expect(r.tables.every((t) => t.status === 'missing')).toBe(true);
    expect(r.findings.filter((x) => x.code === 'text-table-mismatch')).toEqual([]);
  });
});

describe('text-table-mismatch: topic words', () => {
  it('复议后起诉 is one topic (not 复议 then 起诉): 结果维持 after it counts the 复议后起诉 group only', () => {
    const found = mismatches('复议后起诉的案件中，结果维持3件。');
    expect(found.map((x) => [x.column, x.expected, x.actual, x.message])).toEqual([
      ['after.upheld', 2, 3, '正文：结果维持3件；表四「行政诉讼·复议后起诉·结果维持」列：2。'],
    ]);
  });
});

describe('text-table-mismatch: money at the precision written', () => {
  const withFees = (amount: number) => {
    const tables = structuredClone(t2021);
    tables.get('active')!.set(key('fees', 'amount'), amount);
    return tables;
  };

  it.each([
    ['行政事业性收费7730.28万元。', 0],
    ['行政事业性收费7730.3万元。', 0],
    ['行政事业性收费7730万元。', 0],
    ['行政事业性收费7730.2万元。', 1],
    ['行政事业性收费7730.26万元。', 1],
  ])('the cell holds 7730.28: %s', (sentence, n) => {
    const found = mismatches(sentence, { tables: withFees(7730.28) });
    expect(found).toHaveLength(n);
    if (n) expect(found[0]).toMatchObject({ row: 'fees', column: 'amount', expected: 7730.28 });
  });

  it('an amount in 元 is held against the 万元 cell: 70000元 is 7万元, 70100元 is not', () => {
    expect(mismatches('全年收取行政事业性收费70000元。', { tables: withFees(7) })).toEqual([]);
    const [f, ...rest] = mismatches('全年收取行政事业性收费70100元。', { tables: withFees(7) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ row: 'fees', column: 'amount', expected: 7, actual: 70100 });
    expect(f!.message).toBe(
      '正文：行政事业性收费70100元；表二「行政事业性收费」行「本年收费金额（单位：万元）」列：7万元。',
    );
  });
});

describe('text-table-mismatch: 占X%', () => {
  const tables = structuredClone(t2021);
  tables.get('requests')!.set(key('new', 'total'), 59);
  tables.get('requests')!.set(key('new', 'natural'), 20);
  it.each([
    ['共收到政府信息公开申请59件，其中自然人20件，占33.9%。', 0],
    ['共收到政府信息公开申请59件，其中自然人20件，占33.8%。', 0], // truncated, not rounded: not wrong
    ['共收到政府信息公开申请59件，其中自然人20件，占34%。', 0],
    ['共收到政府信息公开申请59件，其中自然人20件，占43.9%。', 1],
    ['共收到政府信息公开申请59件，其中自然人20件，占比3.4%。', 1],
  ])('%s', (sentence, n) => {
    const found = mismatches(sentence, { tables });
    expect(found).toHaveLength(n);
    if (n) expect(found[0]!.message).toMatch(/按收到政府信息公开申请59计算应为33\.9%/);
  });
});

describe('text-table-mismatch: 占X% as it is written', () => {
  const tables = applicants59();

  it.each([
    '共收到政府信息公开申请59件，其中自然人20件占43.9%。',
    '共收到政府信息公开申请59件，其中自然人20件，占全部申请的43.9%。',
    '共收到政府信息公开申请59件，其中自然人20件（占43.9%）。',
    '共收到政府信息公开申请59件，其中自然人20件，占40%。',
    '共收到政府信息公开申请59件，其中自然人20件，占43.90%。',
  ])('a wrong share: %s', (sentence) => {
    const found = mismatches(sentence, { tables });
    expect(found.map((x) => [x.row, x.column, x.actual])).toEqual([
      ['new', 'natural', Number(/占[^0-9]*([\d.]+)%/.exec(sentence)![1])],
    ]);
  });

  it('a share that follows a later figure is that figure’s, not the one before it', () => {
    const sentence = '共收到政府信息公开申请59件，其中自然人20件、法人或其他组织39件，占66.1%。';
    expect(mismatches(sentence, { tables })).toEqual([]);
  });
});

describe('text-table-mismatch: 占X% of a whole the sentence states', () => {
  const tables = structuredClone(t2021);
  tables.get('requests')!.set(key('new', 'total'), 59);
  tables.get('requests')!.set(key('new', 'natural'), 20);
  const shares = (sentence: string) => mismatches(sentence, { tables }).filter((x) => x.message.includes('计算应为'));

  it('a share of the stated whole (20 of 60) or of the table’s (20 of 59) is right; the stated whole is named first', () => {
    const stated = mismatches('共收到政府信息公开申请60件，其中自然人20件，占33.3%。', { tables });
    expect(stated.map((x) => [x.row, x.column, x.expected, x.actual])).toEqual([['new', 'total', 59, 60]]);
    expect(shares('共收到政府信息公开申请60件，其中自然人20件，占33.9%。')).toEqual([]);
    const [wrong, ...rest] = shares('共收到政府信息公开申请60件，其中自然人20件，占50%。');
    expect(rest).toEqual([]);
    expect(wrong).toMatchObject({ row: 'new', column: 'natural', expected: 33, actual: 50 });
    expect(wrong!.message).toBe('正文：自然人20件，占50%；按收到政府信息公开申请60计算应为33%。');
  });
});

describe('text-table-mismatch: a phrase that says none', () => {
  const some = structuredClone(t2021);
  some.get('requests')!.set(key('new', 'total'), 3);
  some.get('review')!.set(key('count', 'review.total'), 2);
  some.get('review')!.set(key('count', 'direct.total'), 0);
  some.get('review')!.set(key('count', 'after.total'), 0);
  const none = structuredClone(some);
  none.get('requests')!.set(key('new', 'total'), 0);
  none.get('review')!.set(key('count', 'review.total'), 0);

  it.each([
    ['本年度未收到政府信息公开申请。', 'new'],
    ['全年没有因政府信息公开申请行政复议、提起行政诉讼的案件。', 'count'],
    ['未发生因政府信息公开申请行政复议的情况。', 'count'],
  ])('%s', (sentence, row) => {
    expect(mismatches(sentence, { tables: some }).map((x) => x.row)).toEqual([row]);
    expect(mismatches(sentence, { tables: none })).toEqual([]);
  });
});

/** Figures of another scope, or no table cell: never claimed, whatever they say. */
const negative: { why: string; text: string; unit?: string }[] = [
  { why: 'a comparison with last year', text: '收到的申请较上年增加97件。' },
  { why: '同比', text: '予以公开的申请同比减少97件。' },
  { why: 'last year, named', text: '去年共受理政府信息公开申请97件。' },
  { why: '上年度 (not 上年结转)', text: '上年度收到政府信息公开申请97件。' },
  { why: 'another year', text: '2022年共收到政府信息公开申请97件。' },
  { why: 'another year, later clause', text: '2021年收到政府信息公开申请97件，予以公开96件。' },
  { why: 'a date after the year', text: '截至2024年3月，现行有效行政规范性文件97件。' },
  { why: 'a department: the county total', text: '全县共受理政府信息公开申请97件。', unit: '某县教育局' },
  { why: 'a department: 全县 figures', text: '全县制发行政规范性文件97件。', unit: '某县教育局' },
  { why: 'a county: the city total', text: '全市共收到政府信息公开申请97件。' },
  { why: 'the units below', text: '各部门共受理政府信息公开申请97件。' },
  { why: 'all levels', text: '全县各级行政机关共收到政府信息公开申请97件。' },
  { why: '主动公开 counts', text: '全年主动公开政府信息97条。' },
  { why: '主动予以公开', text: '对群众关心的事项主动予以公开97条。' },
  { why: 'approximate (约)', text: '全年共收到政府信息公开申请约97件。' },
  { why: 'approximate (余)', text: '全年共收到政府信息公开申请97余件。' },
  { why: 'approximate (以上)', text: '全年共收到政府信息公开申请97件以上。' },
  { why: 'approximate (近)', text: '行政处罚近97件。' },
  { why: '政策性文件 is not 规范性文件', text: '全年新增公开市政府及市政府办政策性文件97件。' },
  { why: 'all documents sent', text: '截至年底，政府发文97件，主动公开96件。' },
  { why: '依申请公开 items', text: '依申请公开97条政府信息。' },
  { why: '信息处理费', text: '全年收取政府信息公开信息处理费97元。' },
  { why: '信息处理费 in 万元', text: '收取信息处理费97万元。' },
  { why: '咨询', text: '受理群众咨询97件，均已答复96件。' },
  { why: '留言', text: '答复网民留言97条。' },
  { why: '建议提案', text: '办理人大代表建议97件。' },
  { why: 'two rows in one object', text: '制发规章及规范性文件共97件。' },
  { why: '行政许可事项 are items', text: '梳理行政许可事项97项。' },
  { why: '累计', text: '累计公开规范性文件97件。' },
  { why: 'a share of an unclaimed figure', text: '发布政策解读97条，占全部信息的9.9%。' },
  { why: '人次', text: '接待申请人97人次。' },
  { why: 'a count with decimals is no count', text: '全年作出行政处罚决定9.7件。' },
  { why: 'an ordinal', text: '第97件申请已答复。' },
  { why: 'a deadline in days', text: '申请行政复议的期限为60日。' },
  { why: 'a phone number', text: '电话：0517-87222589。' },
  { why: 'no object for a bare verb', text: '共印发文件97件。' },
  { why: '规章制度', text: '建立健全规章制度97项，制发97件。' },
  { why: 'a comparison after the figure', text: '共收到政府信息公开申请97件左右。' },
  { why: 'a channel of requests, not a row', text: '其中通过网上申请97件。' },
  { why: '咨询 by phone', text: '接受电话咨询97次。' },
  { why: 'leaflets', text: '发放宣传资料97份。' },
  { why: 'a department: 全区 documents', text: '全区共制发行政规范性文件97件。', unit: '某区司法局' },
  { why: 'last year named by its number', text: '申请数量较2022年的97件有所下降。' },
  { why: '信访件 are not 信访举报投诉类申请', text: '办理群众信访件97件。' },
  { why: 'posts on social media', text: '政务微博发布信息97条。' },
  { why: 'a 复议机关 handling reviews of others', text: '全年办理行政复议案件97件。' },
  { why: '未经复议 is not a negation', text: '未经复议直接起诉的案件由法院审理。' },
  { why: '未收到 … 行政复议申请 says nothing of table 三', text: '本年度未收到政府信息公开申请人的投诉。' },
];

describe('text-table-mismatch: precision (no claim)', () => {
  it('the negative set is as large as the positive one', () => {
    expect(negative.length).toBeGreaterThanOrEqual(positive.length);
  });
  it.each(negative)('$why: $text', ({ text, unit }) => {
    expect(mismatches(text, { unit })).toEqual([]);
  });
});

describe('claims data', () => {
  it('names real rows and columns of its tables, and its expressions compile', () => {
    for (const f of formats) {
      for (const c of [...(f.claims?.figures ?? []), ...(f.claims?.none ?? [])]) {
        const def = f.tables.find((t) => t.id === c.table);
        expect(def, `${f.id} ${c.id}`).toBeDefined();
        const rows = def!.sections.flatMap((s) => s.rows.map((r) => r.id));
        const columns = def!.sections.flatMap((s) => s.columns.map((x) => x.id));
        for (const r of c.rows) expect(rows, `${f.id} ${c.id}`).toContain(r);
        for (const x of c.columns) expect(columns, `${f.id} ${c.id}`).toContain(x);
        const sources = 'pattern' in c ? [c.pattern] : [c.before, c.after, c.unless].filter((x) => x !== undefined);
        expect(sources.length, `${f.id} ${c.id} has words`).toBeGreaterThan(0);
        for (const source of sources) expect(() => new RegExp(source)).not.toThrow();
      }
      const ids = (f.claims?.figures ?? []).map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of f.claims?.figures ?? [])
        for (const ref of [...(c.follows ?? []), ...(c.wholes ?? [])]) expect(ids, `${f.id} ${c.id}`).toContain(ref);
    }
  });
});

describe('text-table-mismatch: where a sentence and a clause begin and end', () => {
  it('a heading line without a sentence end is a sentence of its own: its comparison words do not excuse the figure below', () => {
    const found = mismatches('三、与上年对比情况\n共收到政府信息公开申请5件。');
    expect(found.map((x) => [x.row, x.actual, x.marked])).toEqual([['new', 5, '共收到政府信息公开申请5件。']]);
  });

  it('a comparison after the figure excuses it only in the figure’s own clause', () => {
    expect(mismatches('共收到政府信息公开申请5件，同比增长10%。').map((x) => [x.row, x.actual])).toEqual([['new', 5]]);
    expect(mismatches('较上年有所增加，共收到政府信息公开申请5件。').map((x) => [x.row, x.actual])).toEqual([
      ['new', 5],
    ]);
    expect(mismatches('较上年有所增加：共收到政府信息公开申请5件。').map((x) => [x.row, x.actual])).toEqual([
      ['new', 5],
    ]);
    expect(mismatches('共收到政府信息公开申请5件同比增长。')).toEqual([]);
  });

  it('a split (其中自然人N件) belongs to the figure of its own sentence only', () => {
    // seed 11: 本年新收 557, of which 自然人 90
    expect(mismatches('共收到政府信息公开申请557件，其中自然人提出5件。').map((x) => [x.column, x.actual])).toEqual([
      ['natural', 5],
    ]);
    expect(mismatches('共收到政府信息公开申请557件。自然人提出5件。')).toEqual([]);
  });

  it('words before the previous number are not this figure’s (主动公开 of an earlier figure does not hide 予以公开)', () => {
    // seed 11: 予以公开 31
    expect(mismatches('全年主动公开政府信息97条，予以公开5件。').map((x) => [x.row, x.expected, x.actual])).toEqual([
      ['granted', 31, 5],
    ]);
  });

  it('words further back than the look-back (48 characters) are not the figure’s', () => {
    const near = mismatches(`共收到政府信息公开申请${'的'.repeat(30)}5件。`);
    expect(near.map((x) => [x.row, x.actual])).toEqual([['new', 5]]);
    expect(mismatches(`共收到政府信息公开申请${'的'.repeat(50)}5件。`)).toEqual([]);
  });
});

describe('text-table-mismatch: the whole a share is taken of', () => {
  /** 予以公开 20 of 办结 `done` and 本年新收 59. */
  function shareTables(done: number) {
    const tables = structuredClone(t2021);
    const v = tables.get('requests')!;
    v.set(key('granted', 'total'), 20);
    v.set(key('total', 'total'), done);
    v.set(key('new', 'total'), 59);
    return tables;
  }
  const shares = (sentence: string, tables: Map<string, Values>) =>
    mismatches(sentence, { tables }).filter((x) => x.message.includes('计算应为'));

  it('a table whole of 0 is passed over for the next (办结 0: the share is of 本年新收)', () => {
    const tables = shareTables(0);
    expect(shares('予以公开20件，占33.9%。', tables)).toEqual([]);
    const [f, ...rest] = shares('予以公开20件，占50%。', tables);
    expect(rest).toEqual([]);
    expect(f!.message).toBe('正文：予以公开20件，占50%；按收到政府信息公开申请59计算应为34%。');
  });

  it('of two wholes the sentence states, the later (nearer) one is taken', () => {
    const found = shares('共收到政府信息公开申请70件，受理申请60件，其中自然人20件，占50%。', shareTables(59));
    expect(found.map((x) => x.message)).toEqual(['正文：自然人20件，占50%；按收到政府信息公开申请60计算应为33%。']);
  });

  it('a whole stated in an earlier sentence is not this sentence’s: the table’s is', () => {
    const found = shares('共收到政府信息公开申请40件。予以公开20件，占50%。', shareTables(59));
    expect(found.map((x) => [x.row, x.expected, x.actual])).toEqual([['granted', 34, 50]]);
  });

  it('a share to two decimals may be truncated as well as rounded', () => {
    // 20 of 59 is 33.898…%
    expect(shares('予以公开20件，占33.89%。', shareTables(59))).toEqual([]);
    expect(shares('予以公开20件，占33.90%。', shareTables(59))).toEqual([]);
    expect(shares('予以公开20件，占33.88%。', shareTables(59)).map((x) => x.expected)).toEqual([33.9]);
  });

  it('a sum followed by 占X% is not held to a share', () => {
    const tables = shareTables(59);
    tables.get('requests')!.set(key('partial', 'total'), 10);
    expect(mismatches('予以公开及部分公开30件，占99%。', { tables })).toEqual([]);
  });
});

describe('text-table-mismatch: figures with nothing to hold them against', () => {
  it('a figure or a 未收到 phrase whose cell is blank is left to cell-invalid', () => {
    const tables = structuredClone(t2021);
    const text = report(format2021, 2023, tables, asTabs)
      .replace(
        /(\n一、本年新收[^\t\n]*)((?:\t\d+)+)/,
        (_, label: string, cells: string) => `${label}${'\t'.repeat(cells.split('\t').length - 1)}`,
      )
      .replace(
        '一、总体情况\n本部分的说明文字。',
        '一、总体情况\n共收到政府信息公开申请5件。本年度未收到政府信息公开申请。予以公开5件。',
      );
    const r = checkText(text, { year: 2023 });
    expect(r.tables.find((t) => t.table === 'requests')!.status).toBe('ok');
    expect(r.findings.filter((x) => x.code === 'text-table-mismatch').map((x) => x.row)).toEqual(['granted']);
  });

  it('a table read with under half its row labels (unrecognized) is not held against the text', () => {
    const def = format2021.tables.find((t) => t.id === 'requests')!;
    const keep = new Set(['new', 'granted']);
    const text = report(format2021, 2023, t2021, asTabs)
      .split('\n')
      .map((l) => {
        const row = def.sections[0]!.rows.find((r) => !r.group && l.startsWith(`${r.label}\t`));
        return row && !keep.has(row.id) ? l.replace(row.label, '未列明') : l;
      })
      .join('\n')
      .replace('一、总体情况\n本部分的说明文字。', '一、总体情况\n共收到政府信息公开申请5件，予以公开5件。');
    const r = checkText(text, { year: 2023 });
    expect(r.tables.find((t) => t.table === 'requests')!.status).toBe('unrecognized');
    expect(r.findings.filter((x) => x.code === 'text-table-mismatch')).toEqual([]);
  });
});

describe('text-table-mismatch: what the figure is counted in', () => {
  it('an amount is never a count and a count never an amount', () => {
    expect(mismatches('全年收取行政事业性收费5件。')).toEqual([]);
    expect(mismatches('予以公开5万元。')).toEqual([]);
    expect(mismatches('予以公开5元。')).toEqual([]);
  });

  it('the words after the number are quoted as written (32件予以公开)', () => {
    const [f] = mismatches('本年度共收到政府信息公开申请557件。32件予以公开。');
    expect(f!.message).toBe('正文：32件予以公开；表三「（一）予以公开」行「总计」列：31。');
  });
});

describe('text-table-mismatch: a sum of members', () => {
  // seed 11: （三）不予公开, （四）无法提供, （五）不予处理 and （六）其他处理 of table 三
  const rows = ['denied', 'unable', 'ignored', 'other'];
  const total = (ids: string[]) => cellSum(format2021, t2021, ids.map((r) => `requests|${r}|total`).join('+'));

  it('up to four members: 不予公开、无法提供、不予处理及其他处理N件 is their sum', () => {
    const sentence = `不予公开、无法提供、不予处理及其他处理${total(rows)}件。`;
    expect(mismatches(sentence)).toEqual([]);
    const [f, ...rest] = mismatches(`不予公开、无法提供、不予处理及其他处理${total(rows) + 1}件。`);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ row: 'denied', column: 'total', expected: total(rows) });
    expect(f!.message).toMatch(
      /^正文：不予公开、无法提供、不予处理及其他处理\d+件；表三「（三）不予公开」与「（四）无法提供」与「（五）不予处理」与「（六）其他处理」行「总计」列/,
    );
  });

  it('a fifth member is not summed: the figure is of the last four', () => {
    const sentence = `部分公开、不予公开、无法提供、不予处理及其他处理${total(rows)}件。`;
    expect(mismatches(sentence)).toEqual([]);
  });

  it('a member of another table is not summed', () => {
    // 行政复议 is table 四’s: 行政复议和予以公开N件 is 予以公开 alone
    expect(mismatches(`行政复议和予以公开${total(['granted'])}件。`)).toEqual([]);
  });
});

describe('text-table-mismatch: the message quotes the text as it is written', () => {
  it('with its 、 and full-width digits, and without the line breaks a PDF puts inside a sentence', () => {
    // seed 11: 予以公开 31, 行政复议 8, 行政诉讼 21 + 17
    const [wide] = mismatches('予以公开３２件。');
    expect(wide!.message).toBe('正文：予以公开３２件；表三「（一）予以公开」行「总计」列：31。');
    const [broken] = mismatches('本年度共收到政府信息\n公开申请5件。');
    expect(broken!.message).toMatch(/^正文：收到政府信息公开申请5件；/);
    const none = mismatches('本年度没有发生行政复议、行政诉讼。');
    expect(none.map((x) => x.message)).toEqual([
      '正文：未发生行政复议（“没有发生行政复议”）；表四「行政复议·总计」列：8。',
      '正文：未发生行政诉讼（“没有发生行政复议、行政诉讼”）；表四「行政诉讼·未经复议直接起诉·总计」与「行政诉讼·复议后起诉·总计」列：38。',
    ]);
  });
});

describe('text-table-mismatch: scope and format, as the report gives them', () => {
  it('a comparison of the sentence before does not excuse a 未收到 phrase', () => {
    const found = mismatches('申请数量较上年有所增加。本年度未收到政府信息公开申请。');
    expect(found.map((x) => [x.row, x.actual, x.marked])).toEqual([['new', 0, '本年度未收到政府信息公开申请。']]);
  });

  it('a report that names no organ: 全市 is not taken for another scope', () => {
    const found = mismatches('全市共收到政府信息公开申请5件。', { unit: '' });
    expect(found.map((x) => [x.row, x.actual])).toEqual([['new', 5]]);
  });

  it('a count in the units its claim allows: 政府集中采购项目 in 项 (2019), not in 次', () => {
    const count = cellSum(format2019, t2019, 'active|procurement|count');
    const found = mismatches(`政府集中采购项目${count + 1}项。`, { format: format2019 });
    expect(found.map((x) => [x.row, x.column, x.expected, x.actual])).toEqual([
      ['procurement', 'count', count, count + 1],
    ]);
    expect(mismatches(`政府集中采购项目${count + 1}次。`, { format: format2019 })).toEqual([]);
  });

  it('a report of a year whose format has no claims (2018) is held against the tables it has', () => {
    const text = report(format2021, 2018, t2021, asTabs).replace(
      '本部分的说明文字。',
      '本年度共收到政府信息公开申请5件。',
    );
    const r = checkText(text, { year: 2018 });
    expect(r.findings.filter((x) => x.code === 'text-table-mismatch').map((x) => [x.row, x.actual])).toEqual([
      ['new', 5],
    ]);
  });
});

describe('text-table-mismatch: tables read in part', () => {
  it('a figure whose row the table does not show (its label unreadable) is not compared', () => {
    const text = report(format2021, 2023, t2021, asTabs)
      .replace('\n（一）予以公开\t', '\n（一）未列明\t')
      .replace('一、总体情况\n本部分的说明文字。', '一、总体情况\n予以公开5件，部分公开1件。');
    const r = checkText(text, { year: 2023 });
    const requests = r.tables.find((t) => t.table === 'requests')!;
    expect(requests.status).toBe('ok');
    // 部分公开 is still held against its row (15 in seed 11); 予以公开 has no row to be held against
    expect(r.findings.filter((x) => x.code === 'text-table-mismatch').map((x) => [x.row, x.actual])).toEqual([
      ['partial', 1],
    ]);
  });

  it('a table found by its start words only (an image) does not hide the figures after those words', () => {
    const active = format2021.tables.find((t) => t.id === 'active')!;
    const text = report(format2021, 2023, t2021, (def, v) =>
      def === active ? '第二十条第（一）项规定的信息见附件图片。共收到政府信息公开申请5件。' : asTabs(def, v),
    );
    const r = checkText(text, { year: 2023 });
    expect(r.tables.find((t) => t.table === 'active')!.status).toBe('unrecognized');
    expect(r.findings.filter((x) => x.code === 'text-table-mismatch').map((x) => [x.row, x.actual])).toEqual([
      ['new', 5],
    ]);
  });
});

describe('text-table-mismatch: numbers and headings as written', () => {
  it('a count with two thousands separators is one number', () => {
    const [f, ...rest] = mismatches('因政府信息公开被申请行政复议1,234,567件。');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ column: 'review.total', expected: 8, actual: 1234567 });
  });

  it('a heading numbered with two digits (10、) starts a sentence too', () => {
    expect(
      mismatches('申请数量较上年有所增加\n10、依申请公开情况\n共收到政府信息公开申请5件。').map((x) => x.actual),
    ).toEqual([5]);
  });
});

describe('text-table-mismatch: more of what a sentence and a cell are', () => {
  it('a count with a thousands separator after two digits (12,345件) is one number', () => {
    expect(mismatches('因政府信息公开被申请行政复议12,345件。').map((x) => x.actual)).toEqual([12345]);
  });

  it('a line that only holds (一) inside it is no heading: the sentence goes on', () => {
    expect(mismatches('申请数量较上年有所增加\n共收到（一）类政府信息公开申请5件。')).toEqual([]);
  });

  it('a numbered paragraph (（二）共收到…5件。) starts its sentence; it may go on past its line', () => {
    expect(mismatches('申请数量较上年有所增加\n（二）共收到政府信息公开申请5件。').map((x) => x.actual)).toEqual([5]);
    expect(mismatches('（二）依申请公开情况。共收到政府\n信息公开申请5件。').map((x) => x.actual)).toEqual([5]);
  });

  it('a figure after the tables (in a later part) is held against them too', () => {
    const text = report(format2021, 2023, t2021, asTabs).replace(
      /五、([^\n]*)\n本部分的说明文字。/,
      '五、$1\n共收到政府信息公开申请5件。',
    );
    const r = checkText(text, { year: 2023 });
    expect(r.findings.filter((x) => x.code === 'text-table-mismatch').map((x) => [x.row, x.actual])).toEqual([
      ['new', 5],
    ]);
  });

  it('a report of a year with no claims and no tables has no figures to check', () => {
    const text = report(format2021, 2018, t2021, () => '（表格见附件）').replace(
      '本部分的说明文字。',
      '本年度共收到政府信息公开申请5件。',
    );
    expect(checkText(text, { year: 2018 }).findings.filter((x) => x.code === 'text-table-mismatch')).toEqual([]);
  });

  it('an amount in 元 agrees with the 万元 cell to its two decimals (70050元 is 7.01 or 7.00)', () => {
    const tables = structuredClone(t2021);
    tables.get('active')!.set(key('fees', 'amount'), 7);
    expect(mismatches('全年收取行政事业性收费70050元。', { tables })).toEqual([]);
  });

  it('a 总计 cell marked not applicable (/) counts as 0; one written 十三 is not held against the text', () => {
    const of = (cell: string) =>
      checkText(
        report(format2021, 2023, t2021, asTabs)
          .replace(/(\n（一）予以公开(?:\t\d+)*\t)\d+(?=\n)/, `$1${cell}`)
          .replace('一、总体情况\n本部分的说明文字。', '一、总体情况\n予以公开5件。'),
        { year: 2023 },
      )
        .findings.filter((x) => x.code === 'text-table-mismatch')
        .map((x) => [x.row, x.column, x.expected, x.actual]);
    expect(of('/')).toEqual([['granted', 'total', 0, 5]]);
    expect(of('十三')).toEqual([]);
  });

  it('two 未收到 phrases in one sentence are one finding', () => {
    const found = mismatches('本年度未收到政府信息公开申请，也未受理政府信息公开申请。');
    expect(found.map((x) => [x.row, x.actual])).toEqual([['new', 0]]);
  });

  it('a sum whose members name their own group: 行政诉讼结果维持和结果纠正', () => {
    const both =
      'review|count|direct.upheld+review|count|after.upheld+review|count|direct.corrected+review|count|after.corrected';
    const n = cellSum(format2021, t2021, both);
    expect(mismatches(`行政诉讼中结果维持和结果纠正共${n}件。`)).toEqual([]);
    expect(mismatches(`行政诉讼中结果维持和结果纠正共${n + 1}件。`).map((x) => x.expected)).toEqual([n]);
  });

  it('a member is read from its longest words: 因属于国家秘密不予公开和无法提供 is the sub-row and 无法提供', () => {
    const n = cellSum(format2021, t2021, 'requests|denied.secret|total+requests|unable|total');
    expect(mismatches(`因属于国家秘密不予公开和无法提供${n}件。`)).toEqual([]);
    expect(mismatches(`因属于国家秘密不予公开和无法提供${n + 1}件。`).map((x) => x.row)).toEqual(['denied.secret']);
  });

  it('a sum with a blank member is not compared', () => {
    const text = report(format2021, 2023, t2021, asTabs)
      .replace(
        /(\n（二）部分公开[^\t\n]*)((?:\t\d+)+)/,
        (_, l: string, c: string) => `${l}${'\t'.repeat(c.split('\t').length - 1)}`,
      )
      .replace('一、总体情况\n本部分的说明文字。', '一、总体情况\n予以公开及部分公开5件。');
    expect(checkText(text, { year: 2023 }).findings.filter((x) => x.code === 'text-table-mismatch')).toEqual([]);
  });

  it('a 法人或其他组织 figure equal to the 自然人 count is not said to count 自然人 only', () => {
    // seed 11: 本年新收 557, 自然人 90, 法人或其他组织 467
    const [f] = mismatches('共收到政府信息公开申请557件，其中自然人90件、法人或其他组织90件。');
    expect(f!.message).toBe(
      '正文：法人或其他组织90件；表三「一、本年新收政府信息公开申请数量」行「法人或其他组织」各列之和：467。',
    );
  });

  it('two wrong shares in one sentence are two findings', () => {
    const tables = applicants59();
    const found = mismatches('共收到政府信息公开申请59件，其中自然人20件，占50%，法人或其他组织39件，占10%。', {
      tables,
    });
    expect(found.map((x) => [x.column, x.actual])).toEqual([
      ['natural', 50],
      ['business', 10],
    ]);
  });
});
