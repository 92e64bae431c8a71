import fc from 'fast-check';
import { parsePage } from '../../lib/review/html';
import { encodeGbk } from '../../scripts/gen-reports';

/**
 * Generators of hostile input for the fuzz suite (issue 14): the traps of the issue and the pieces of
 * a report the passes look for, mixed with brackets, digits, years, control characters, random
 * text, deep and broken nesting, and bytes that are not valid UTF-8 or GBK.
 */

export const TITLE = '2023年政府信息公开工作年度报告';

/**
 * A draft's HTML as the panel's DOMParser reads it, with the CLI's light DOM (happy-dom would
 * take most of the suite's time): a fragment gets the body DOMParser always makes.
 */
export const parseDraft = (html: string): Document => {
  const doc = parsePage(html);
  return doc.body ? doc : parsePage(`<body>${html}</body>`);
};

/** The traps of the issue and the pieces of a report the passes look for. */
const TRAPS = [
  '[bookmark: x',
  '[bookmark:',
  ';2022年x',
  '；2021年度',
  '[',
  '[\n',
  '<table ',
  '<table',
  '<td>',
  '<div>',
  '</div>',
  '<p>',
  '<!--',
  '<script>',
  '<![CDATA[',
  '&#x',
  '&nbsp;',
  TITLE,
  '政府信息公开工作年度报告',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '（一）',
  '(二)',
  '合计',
  '总计',
  '本年新',
  '上年项数',
  '行政复议',
  '维持',
  '纠正',
  '其他结果',
  '一、本年新收政府信息公开申请数量',
  '自然人',
  '法人或其他组织',
  '\t',
  '\n',
  '\r\n',
  '。',
  '，',
  '附件：',
  '.pdf',
  '发布时间：2024-01-15',
];
const BRACKETS = '[](){}<>（）【】《》「」〔〕';
const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ud800', // a lone surrogate
];

/** One piece of hostile text; years near the report's (2018–2025) come up more than any other. */
const atom: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TRAPS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[0-9]{1,12}$/) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 2018, max: 2025 }))
      .map((y) => `${y}年`),
  },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...BRACKETS), maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/**
 * A text of hostile pieces; one in ten repeats a piece into a long line (a few thousand characters
 * at most: the size-growth checks take the large inputs, these stay small and many).
 */
export const hostileText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(atom, { maxLength: 30 }),
    fc.oneof(
      { weight: 9, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.tuple(atom, fc.integer({ min: 20, max: 400 })) },
    ),
  )
  .map(([atoms, long]) => (long ? [...atoms, long[0].repeat(long[1])] : atoms).join(''));

const TAGS = ['div', 'p', 'table', 'tr', 'td', 'span', 'section', 'font', 'tbody', 'h1'];
/** A page: hostile text inside nested (and sometimes unclosed or mismatched) tags. */
export const hostilePage: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...TAGS), { maxLength: 12 }),
    fc.integer({ min: 0, max: 300 }),
    hostileText,
    hostileText,
    fc.boolean(),
  )
  .map(([tags, deep, head, body, closed]) => {
    const open = `${tags.map((t) => `<${t}>`).join('')}${'<div>'.repeat(deep)}`;
    const close = closed
      ? `${'</div>'.repeat(deep)}${[...tags]
          .reverse()
          .map((t) => `</${t}>`)
          .join('')}`
      : '</td></table>';
    return `<html><head><title>${head}</title></head><body>${open}<p>${body}</p>${close}</body></html>`;
  });

/** Bytes a server or disk might hand over: UTF-8 or GBK, with invalid sequences and NULs put in. */
export const hostileBytes: fc.Arbitrary<{ bytes: Uint8Array; name: string; contentType: string | null }> = fc
  .tuple(
    fc.oneof(hostileText, hostilePage),
    fc.constantFrom('utf8', 'gbk'),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(fc.constantFrom(0x00, 0x80, 0x81, 0xa1, 0xc3, 0xe4, 0xfe, 0xff), fc.integer({ min: 0, max: 255 })),
      ),
      { maxLength: 8 },
    ),
    fc.constantFrom('page.html', 'report.txt', 'https://example.gov.cn/nb.html'),
    fc.constantFrom(null, 'text/html; charset=gbk', 'text/html; charset=utf-8', 'text/plain', 'text/html; charset=x'),
  )
  .map(([text, encoding, noise, name, contentType]) => {
    // Characters GBK lacks become ?, as a real GBK page would have lost them.
    const clean = encoding === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(text);
    const bytes = Array.from(clean);
    for (const [at, byte] of noise) bytes.splice(at % (bytes.length + 1), 0, byte);
    return { bytes: Uint8Array.from(bytes), name, contentType };
  });

/** What opens a sentence, a line or a marker: where the passes start a look-ahead. */
const OPENERS = ['；', ';', '。', '\n', '[', '<', '（', '第'];

/** What ends a look-ahead: a line, a sentence, a marker, a tag. */
const ENDS = ['\n', '\r', '。', ']', '>'];

/**
 * A piece to repeat into a large input for the size-growth checks: traps, openers and years, with
 * some of what would end a look-ahead taken out (say no ] but line breaks kept), which is what turns
 * a scan to the next end into a scan to the end of the text.
 */
export const growthUnit: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...TRAPS) },
        { weight: 3, arbitrary: fc.constantFrom(...OPENERS) },
        { weight: 2, arbitrary: fc.integer({ min: 2018, max: 2024 }).map((y) => `${y}年`) },
        { weight: 1, arbitrary: atom },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.subarray(ENDS),
  )
  .map(([pieces, dropped]) => [...pieces.join('')].filter((c) => !dropped.includes(c)).join(''));
