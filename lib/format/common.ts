import type {
  ColumnDef,
  ContentRuleDef,
  FormatDef,
  LevelRuleDef,
  PartDef,
  RowDef,
  RuleDef,
  TableDef,
  ClaimsDef,
  FigureClaimDef,
  NoneClaimDef,
  TopicDef,
} from './schema';

/** Pieces the 2019 and 2021 formats print identically; each format file composes them. */

export const sixParts: PartDef[] = [
  {
    number: 1,
    title: '总体情况',
    variants: [
      '概述',
      '总体公开工作情况概述',
      '政府信息公开工作总体情况',
      '基本情况',
      '总体公开情况',
      '政府信息公开总体情况',
      '工作概述',
    ],
    keywords: ['总体', '概述', '基本情况', '概况'],
    // 《条例》第五十条: a people's government reports 工作考核、社会评议和责任追究 under 监督保障.
    subheadings: [
      '主动公开',
      '依申请公开',
      '政府信息管理',
      '政府信息公开平台建设',
      '监督保障（工作考核、社会评议和责任追究情况）',
    ],
    boilerplate: [
      '{year}年，{unit}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕中心工作，扎实推进政府信息公开工作。',
      '本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限自{year}年1月1日起至{year}年12月31日止。',
      '{year}年，{unit}坚持把政府信息公开作为建设法治政府、服务型政府的重要抓手，健全工作机制，丰富公开载体，依法保障公众的知情权、参与权、表达权和监督权。',
    ],
  },
  {
    number: 2,
    title: '主动公开政府信息情况',
    variants: ['政府信息主动公开情况', '主动公开情况', '主动公开政府信息'],
    keywords: ['主动公开'],
    boilerplate: [
      '{year}年，{unit}严格落实《中华人民共和国政府信息公开条例》第二十条的规定，通过政府网站、政务新媒体等渠道及时主动公开政府信息。具体情况如下：',
      '{unit}坚持“公开为常态、不公开为例外”，按照主动公开基本目录做好政府信息主动公开工作。{year}年主动公开政府信息情况如下：',
    ],
  },
  {
    number: 3,
    title: '收到和处理政府信息公开申请情况',
    variants: [
      '依申请公开政府信息情况',
      '依申请公开政府信息及咨询受理情况',
      '依申请公开情况',
      '收到和处理政府信息公开申请',
    ],
    keywords: ['收到和处理', '依申请公开', '公开申请'],
    boilerplate: [
      '{year}年，{unit}依法受理、按时答复政府信息公开申请，严格执行《中华人民共和国政府信息公开条例》规定的答复期限和答复形式。具体情况如下：',
      '{unit}进一步规范依申请公开的受理、登记、办理和答复流程。{year}年收到和处理政府信息公开申请情况如下：',
    ],
  },
  {
    number: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '政府信息公开行政复议及行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政复议、行政诉讼情况',
    ],
    keywords: ['行政复议', '行政诉讼', '复议'],
    boilerplate: [
      '{year}年，{unit}因政府信息公开工作被申请行政复议、提起行政诉讼的情况如下：',
      '{unit}依法妥善应对政府信息公开行政复议和行政诉讼，{year}年有关情况如下：',
    ],
  },
  {
    number: 5,
    title: '存在的主要问题及改进情况',
    variants: [
      '政府信息公开工作存在的主要问题及改进情况',
      '存在的主要问题和改进措施',
      '存在的主要问题和改进情况',
      '存在问题及改进措施',
      '存在问题及改进情况',
      '存在的主要问题及改进措施',
    ],
    keywords: ['问题', '改进'],
    boilerplate: [
      '{year}年，{unit}政府信息公开工作取得了一定成效，但仍存在公开内容不够全面、更新不够及时等问题。下一步，将进一步加强组织领导，规范公开流程，提升公开质量。',
      '{unit}政府信息公开工作还存在一些不足：一是公开的及时性和规范性有待提高；二是政策解读的形式还不够丰富。下一步，{unit}将加强业务培训，完善公开审查机制，持续提升政府信息公开工作水平。',
    ],
  },
  {
    number: 6,
    title: '其他需要报告的事项',
    variants: ['其他事项', '其他需要说明的事项', '其他需要报告事项'],
    keywords: ['其他'],
    boilerplate: [
      '{year}年，{unit}无其他需要报告的事项。',
      '{year}年，{unit}按照《政府信息公开信息处理费管理办法》的规定，未向申请人收取信息处理费（发出收费通知0件，通知收费金额0元，实际收取0元）。{unit}认真落实本年度政务公开工作要点，依法公开人大代表建议和政协提案的办理结果。',
    ],
  },
];

const leafLabel = (ordinal: string, words: string) => `${ordinal}${words}`;

export const requestColumns: ColumnDef[] = [
  { id: 'natural', label: '自然人' },
  { id: 'business', label: '商业企业', group: '法人或其他组织' },
  { id: 'research', label: '科研机构', group: '法人或其他组织' },
  { id: 'nonprofit', label: '社会公益组织', group: '法人或其他组织', keys: ['社会公益组织', '社会组织'] },
  { id: 'legal', label: '法律服务机构', group: '法人或其他组织' },
  { id: 'otherOrg', label: '其他', group: '法人或其他组织' },
  { id: 'total', label: '总计' },
];

export const requestRowsHead: RowDef[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', keys: ['本年新收'] },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量', keys: ['上年结转'] },
  { id: 'results', label: '三、本年度办理结果', group: true, keys: ['本年度办理结果'] },
  { id: 'granted', label: '（一）予以公开', parent: 'results', keys: ['（一）予以公开', '予以公开'] },
  {
    id: 'partial',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    parent: 'results',
    keys: ['（二）部分公开', '部分公开'],
  },
  { id: 'denied', label: '（三）不予公开', parent: 'results', group: true },
  { id: 'denied.secret', label: leafLabel('1.', '属于国家秘密'), parent: 'denied', keys: ['国家秘密'] },
  {
    id: 'denied.law',
    label: leafLabel('2.', '其他法律行政法规禁止公开'),
    parent: 'denied',
    keys: ['法律行政法规禁止', '其他法律行政'],
  },
  {
    id: 'denied.safety',
    label: leafLabel('3.', '危及“三安全一稳定”'),
    parent: 'denied',
    keys: ['三安全一稳定', '危及'],
  },
  { id: 'denied.thirdParty', label: leafLabel('4.', '保护第三方合法权益'), parent: 'denied', keys: ['第三方合法权益'] },
  { id: 'denied.internal', label: leafLabel('5.', '属于三类内部事务信息'), parent: 'denied', keys: ['内部事务'] },
  { id: 'denied.process', label: leafLabel('6.', '属于四类过程性信息'), parent: 'denied', keys: ['过程性信息'] },
  { id: 'denied.enforcement', label: leafLabel('7.', '属于行政执法案卷'), parent: 'denied', keys: ['执法案卷'] },
  { id: 'denied.inquiry', label: leafLabel('8.', '属于行政查询事项'), parent: 'denied', keys: ['行政查询'] },
  { id: 'unable', label: '（四）无法提供', parent: 'results', group: true },
  { id: 'unable.notHeld', label: leafLabel('1.', '本机关不掌握相关政府信息'), parent: 'unable', keys: ['不掌握'] },
  {
    id: 'unable.create',
    label: leafLabel('2.', '没有现成信息需要另行制作'),
    parent: 'unable',
    keys: ['另行制作', '没有现成'],
  },
  {
    id: 'unable.unclear',
    label: leafLabel('3.', '补正后申请内容仍不明确'),
    parent: 'unable',
    keys: ['仍不明确', '补正后申请'],
  },
  { id: 'ignored', label: '（五）不予处理', parent: 'results', group: true },
  { id: 'ignored.petition', label: leafLabel('1.', '信访举报投诉类申请'), parent: 'ignored', keys: ['信访举报'] },
  { id: 'ignored.repeat', label: leafLabel('2.', '重复申请'), parent: 'ignored', keys: ['重复申请'] },
  { id: 'ignored.publication', label: leafLabel('3.', '要求提供公开出版物'), parent: 'ignored', keys: ['公开出版物'] },
  { id: 'ignored.massive', label: leafLabel('4.', '无正当理由大量反复申请'), parent: 'ignored', keys: ['大量反复'] },
  {
    id: 'ignored.confirm',
    label: leafLabel('5.', '要求行政机关确认或重新出具已获取信息'),
    parent: 'ignored',
    keys: ['要求行政机关确认', '重新出具'],
  },
];

export const requestRowsTail: RowDef[] = [
  { id: 'total', label: '（七）总计', parent: 'results', keys: ['（七）总计'] },
  { id: 'carryover', label: '四、结转下年度继续办理', keys: ['结转下年度', '结转下一年度'] },
];

export const requestTable = (rows: RowDef[]): TableDef => ({
  id: 'requests',
  part: 3,
  title: '收到和处理政府信息公开申请情况',
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  start: ['本年新收'],
  labelHeader: '申请人情况',
  sections: [{ id: 'requests', columns: requestColumns, rows }],
});

const reviewGroup = (prefix: string, group: string, subgroup?: string): ColumnDef[] =>
  [
    ['upheld', '结果维持'],
    ['corrected', '结果纠正'],
    ['other', '其他结果'],
    ['pending', '尚未审结'],
    ['total', '总计'],
  ].map(([id, label]) => ({ id: `${prefix}.${id}`, label, group, ...(subgroup ? { subgroup } : {}) }));

export const reviewTable: TableDef = {
  id: 'review',
  part: 4,
  title: '政府信息公开行政复议、行政诉讼情况',
  start: ['行政复议'],
  sections: [
    {
      id: 'review',
      columns: [
        ...reviewGroup('review', '行政复议'),
        ...reviewGroup('direct', '行政诉讼', '未经复议直接起诉'),
        ...reviewGroup('after', '行政诉讼', '复议后起诉'),
      ],
      rows: [{ id: 'count', label: '数量' }],
    },
  ],
};

const reviewSum = (prefix: string, label: string): RuleDef => ({
  id: `review-${prefix}-total`,
  table: 'review',
  over: 'rows',
  left: [`${prefix}.total`],
  op: '=',
  right: ['upheld', 'corrected', 'other', 'pending'].map((c) => `${prefix}.${c}`),
  code: 'sum-mismatch',
  label,
});

export const requestAndReviewRules: RuleDef[] = [
  {
    id: 'requests-balance',
    table: 'requests',
    over: 'columns',
    left: ['new', 'carried'],
    op: '=',
    right: ['total', 'carryover'],
    code: 'sum-mismatch',
    label: '第一项加第二项之和，等于第三项（总计）加第四项之和',
  },
  {
    id: 'requests-results-total',
    table: 'requests',
    over: 'columns',
    left: ['total'],
    op: '=',
    right: ['granted', 'partial', 'denied', 'unable', 'ignored', 'other'],
    code: 'sum-mismatch',
    label: '（七）总计等于（一）至（六）各项办理结果之和',
  },
  {
    id: 'requests-row-total',
    table: 'requests',
    over: 'rows',
    left: ['total'],
    op: '=',
    right: ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'],
    code: 'sum-mismatch',
    label: '总计等于自然人与各类法人或其他组织之和',
  },
  reviewSum('review', '行政复议总计等于结果维持、结果纠正、其他结果、尚未审结之和'),
  reviewSum('direct', '行政诉讼（未经复议直接起诉）总计等于各项结果之和'),
  reviewSum('after', '行政诉讼（复议后起诉）总计等于各项结果之和'),
];

export const deadlines: Pick<FormatDef, 'deadline' | 'governmentDeadline'> = {
  deadline: { month: 1, day: 31, label: '次年1月31日前（《条例》第四十九条）' },
  governmentDeadline: { month: 3, day: 31, label: '次年3月31日前（县级以上人民政府本级年度报告）' },
};

export const regulationsByLevel: LevelRuleDef[] = [
  {
    table: 'active',
    row: 'regulations',
    levels: ['township', 'county'],
    label: '规章只能由国务院部门和省、自治区、直辖市及设区的市人民政府制定',
  },
];

/** What part 1 covers (the five sub-headings) and what a government's report adds (《条例》第五十条). */
export const partOneContent: ContentRuleDef[] = [
  { id: 'part1-active', part: 1, any: ['主动公开'], label: '主动公开' },
  { id: 'part1-requests', part: 1, any: ['依申请公开', '依申请'], label: '依申请公开' },
  { id: 'part1-management', part: 1, any: ['政府信息管理', '信息管理'], label: '政府信息管理' },
  {
    id: 'part1-platform',
    part: 1,
    any: ['平台建设', '公开平台', '政府网站', '门户网站'],
    label: '政府信息公开平台建设',
  },
  { id: 'part1-oversight', part: 1, any: ['监督保障', '监督', '保障'], label: '监督保障' },
  {
    id: 'government-assessment',
    part: 0,
    any: ['考核', '社会评议', '责任追究'],
    onlyGovernment: true,
    label: '工作考核、社会评议和责任追究结果情况',
  },
];

// ==== claims: what the narrative states about tables 三 and 四 (text-table-mismatch) ====
// Regular expressions are over compact text: no white space, half-width digits and punctuation, 、 as '.'.

/** One character inside a clause that is not a number, a list separator or a clause end. */
const IN_CLAUSE = '[^,;:!?。.0-9%]';
/** Up to n such characters. */
export const within = (n: number) => `${IN_CLAUSE}{0,${n}}`;
/** Up to n characters joining a verb to its object, without 及/和/与 (制发规章及规范性文件 is a sum, not one row). */
export const joining = (n: number) => `[^,;:!?。.0-9%及和与]{0,${n}}`;

const ORGS = ['business', 'research', 'nonprofit', 'legal', 'otherOrg'];

/** How a narrative names each figure of table 三 (column 总计), with the rows it sums. */
const requestFigures: {
  id: string;
  rows: string[];
  label: string;
  before: string;
  after?: string;
  topics?: string[];
  unless?: string;
}[] = [
  {
    id: 'new',
    rows: ['new'],
    label: '收到政府信息公开申请',
    before: `(?:新收|收到|受理|接收|接到|收悉)${joining(14)}(?:申请|依申请公开)(?:数量|总数|总量|数|量)?|申请(?:数量|总数|总量|量)`,
    unless: '主动|咨询|留言|来信|来访|热线|信箱|建议|提案|投诉|举报',
  },
  { id: 'carried', rows: ['carried'], label: '上年结转申请', before: `(?:上|去)一?年度?结转${within(10)}` },
  {
    id: 'total',
    rows: ['total'],
    label: '办结申请',
    before: '(?:已|均已|全部)?(?:办结|答复|办理完毕|处理完毕|作出答复|予以答复)',
    topics: ['requests'],
  },
  {
    id: 'granted',
    rows: ['granted'],
    label: '予以公开',
    before: '予以公开|同意公开',
    after: '(?:全部)?予以公开',
    unless: '主动',
  },
  { id: 'partial', rows: ['partial'], label: '部分公开', before: '(?:予以|同意)?部分公开', after: '(?:予以)?部分公开' },
  { id: 'denied', rows: ['denied'], label: '不予公开', before: '不予公开', after: '不予公开' },
  { id: 'unable', rows: ['unable'], label: '无法提供', before: '无法提供', after: '无法提供' },
  { id: 'ignored', rows: ['ignored'], label: '不予处理', before: '不予处理', after: '不予处理' },
  { id: 'other', rows: ['other'], label: '其他处理', before: '其他处理|作其他处理' },
  {
    id: 'carryover',
    rows: ['carryover'],
    label: '结转下年度继续办理',
    before: '(?:结转|转入|顺延)(?:至|到|入)?下一?年度?(?:继续)?(?:办理|答复)?',
    after: '(?:结转|转入|顺延)(?:至|到|入)?下一?年度?',
  },
];

/** The sub-rows of （三）（四）（五）（六）: their words, and the group word a sentence may add (国家秘密不予公开1件). */
const requestLeaves: { row: string; label: string; words: string; parent: string }[] = [
  { row: 'denied.secret', label: '属于国家秘密', words: '国家秘密', parent: 'denied' },
  {
    row: 'denied.law',
    label: '其他法律行政法规禁止公开',
    words: '法律行政法规禁止公开|法律法规禁止公开',
    parent: 'denied',
  },
  { row: 'denied.safety', label: '危及“三安全一稳定”', words: '三安全一稳定', parent: 'denied' },
  { row: 'denied.thirdParty', label: '保护第三方合法权益', words: '第三方合法权益', parent: 'denied' },
  { row: 'denied.internal', label: '属于三类内部事务信息', words: '内部事务信息|内部事务', parent: 'denied' },
  { row: 'denied.process', label: '属于四类过程性信息', words: '过程性信息', parent: 'denied' },
  { row: 'denied.enforcement', label: '属于行政执法案卷', words: '行政执法案卷|执法案卷', parent: 'denied' },
  { row: 'denied.inquiry', label: '属于行政查询事项', words: '行政查询事项', parent: 'denied' },
  {
    row: 'unable.notHeld',
    label: '本机关不掌握相关政府信息',
    words: '不掌握(?:相关)?(?:政府)?(?:信息)?',
    parent: 'unable',
  },
  { row: 'unable.create', label: '没有现成信息需要另行制作', words: '(?:需要|需)?另行制作', parent: 'unable' },
  { row: 'unable.unclear', label: '补正后申请内容仍不明确', words: '(?:申请内容)?仍不明确', parent: 'unable' },
  { row: 'ignored.petition', label: '信访举报投诉类申请', words: '信访举报投诉类?(?:申请)?', parent: 'ignored' },
  { row: 'ignored.repeat', label: '重复申请', words: '重复申请', parent: 'ignored' },
  { row: 'ignored.publication', label: '要求提供公开出版物', words: '公开出版物', parent: 'ignored' },
  { row: 'ignored.massive', label: '无正当理由大量反复申请', words: '大量反复申请', parent: 'ignored' },
  {
    row: 'ignored.confirm',
    label: '要求行政机关确认或重新出具已获取信息',
    words: '重新出具已获取信息',
    parent: 'ignored',
  },
  { row: 'other.noCorrection', label: '逾期不补正', words: '逾期不补正', parent: 'other' },
  { row: 'other.noFee', label: '逾期未缴纳费用', words: '逾期未(?:按收费通知要求)?缴纳费用', parent: 'other' },
];

/** 其中自然人N件、法人或其他组织M件: the columns of the figure just stated. */
const requestSplits: { id: string; columns: string[]; label: string; before: string }[] = [
  { id: 'natural', columns: ['natural'], label: '自然人', before: '自然人(?:提出)?(?:的)?(?:申请)?' },
  {
    id: 'org',
    columns: ORGS,
    label: '法人或其他组织',
    before: '法人(?:或|和|及)?(?:其他)?组织(?:提出)?(?:的)?(?:申请)?',
  },
  { id: 'business', columns: ['business'], label: '商业企业', before: '商业企业(?:申请)?' },
  { id: 'research', columns: ['research'], label: '科研机构', before: '科研机构(?:申请)?' },
  { id: 'nonprofit', columns: ['nonprofit'], label: '社会公益组织', before: '社会(?:公益)?组织(?:申请)?' },
  { id: 'legal', columns: ['legal'], label: '法律服务机构', before: '法律服务机构(?:申请)?' },
];

const RESULT_WHOLES = ['requests.total', 'requests.new'];

function requestClaims(rows: readonly string[]): FigureClaimDef[] {
  const bases: FigureClaimDef[] = requestFigures.map((f) => ({
    id: `requests.${f.id}`,
    table: 'requests',
    rows: f.rows,
    columns: ['total'],
    label: f.label,
    before: f.before,
    ...(f.after ? { after: f.after } : {}),
    ...(f.topics ? { topics: f.topics } : {}),
    ...(f.unless ? { unless: f.unless } : {}),
    ...(['new', 'carried', 'total', 'carryover'].includes(f.id) ? {} : { wholes: RESULT_WHOLES }),
  }));
  const leafClaims: FigureClaimDef[] = requestLeaves
    .filter((l) => rows.includes(l.row))
    .map((l) => {
      const parent = requestFigures.find((f) => f.id === l.parent)!;
      return {
        id: `requests.${l.row}`,
        table: 'requests',
        rows: [l.row],
        columns: ['total'],
        label: l.label,
        // 因属于国家秘密不予公开1件 is the sub-row; 因不掌握等原因无法提供 is the whole group.
        before: `(?:${l.words})(?:(?:的|而|被|依法)?(?:${parent.before}))?`,
        wholes: [`requests.${l.parent}`, ...RESULT_WHOLES],
      };
    });
  const splits = [...bases, ...leafClaims].flatMap((base) => {
    const family = requestSplits.map((s) => `${base.id}.${s.id}`);
    return requestSplits.map(
      (s): FigureClaimDef => ({
        id: `${base.id}.${s.id}`,
        table: 'requests',
        rows: base.rows,
        columns: s.columns,
        label: `${base.label}（${s.label}）`,
        before: s.before,
        follows: [base.id, ...family],
        wholes: [base.id],
      }),
    );
  });
  return [...bases, ...leafClaims, ...splits];
}

/** 行政复议 N件, 其中结果维持N件 …; 行政诉讼 is both of its groups unless the sentence names one. */
const reviewGroups: { topic: string; prefixes: string[]; label: string; before?: string }[] = [
  { topic: 'review', prefixes: ['review'], label: '行政复议', before: '(?:行政)?复议(?:的)?(?:案件|申请)?' },
  {
    topic: 'litigation',
    prefixes: ['direct', 'after'],
    label: '行政诉讼',
    before: '(?:行政)?诉讼(?:的)?(?:案件)?|起诉',
  },
  {
    topic: 'direct',
    prefixes: ['direct'],
    label: '未经复议直接起诉的行政诉讼',
    before: '直接(?:起诉|提起(?:行政)?诉讼)',
  },
  {
    topic: 'after',
    prefixes: ['after'],
    label: '复议后起诉的行政诉讼',
    before: '复议后(?:再)?(?:起诉|提起(?:行政)?诉讼)',
  },
];

const reviewResults: { column: string; label: string; before: string }[] = [
  { column: 'upheld', label: '结果维持', before: '(?:结果)?维持(?:原)?(?:行政行为|决定|答复)?' },
  { column: 'corrected', label: '结果纠正', before: '(?:结果)?(?:被)?纠正' },
  { column: 'other', label: '其他结果', before: '其他结果' },
  { column: 'pending', label: '尚未审结', before: '尚未审结|未审结|正在审理(?:中)?' },
];

/** An organ that 办理/审理 reviews or suits is their 复议机关 or court, not the party table 四 counts. */
const ACTING = '办理|审理|受理|收到|接收|承办|复议机关|法院';

const reviewClaims: FigureClaimDef[] = reviewGroups.flatMap((g) => [
  {
    id: `${g.topic}.total`,
    table: 'review' as const,
    rows: ['count'],
    columns: g.prefixes.map((p) => `${p}.total`),
    label: g.label,
    before: g.before!,
    topics: [g.topic],
    unless: ACTING,
  },
  ...reviewResults.map(
    (r): FigureClaimDef => ({
      id: `${g.topic}.${r.column}`,
      table: 'review',
      rows: ['count'],
      columns: g.prefixes.map((p) => `${p}.${r.column}`),
      label: `${g.label}${r.label}`,
      before: r.before,
      topics: [g.topic],
      wholes: [`${g.topic}.total`],
    }),
  ),
]);

/** 未发生…行政复议/行政诉讼: zero. A negation must be followed by a verb, so 未经复议 is not one. */
const NEGATION = '(?:未|没有|无)(?:发生|出现|收到|接到|产生|有|被|因)';
const IN_SENTENCE = '[^,;:!?。0-9]';

const noneClaims: NoneClaimDef[] = [
  {
    id: 'requests.none',
    table: 'requests',
    rows: ['new'],
    columns: ['total'],
    pattern: `(?:未|没有)(?:收到|受理|接到|接收)${IN_SENTENCE}{0,8}申请(?!行政复议|复议|人|提起)`,
    label: '未收到政府信息公开申请',
  },
  {
    id: 'review.none',
    table: 'review',
    rows: ['count'],
    columns: ['review.total'],
    pattern: `${NEGATION}${IN_SENTENCE}{0,16}?复议(?!后)`,
    label: '未发生行政复议',
  },
  {
    id: 'litigation.none',
    table: 'review',
    rows: ['count'],
    columns: ['direct.total', 'after.total'],
    pattern: `${NEGATION}${IN_SENTENCE}{0,24}?(?:行政诉讼|起诉)`,
    label: '未发生行政诉讼',
  },
];

/**
 * Topic words: the last one before a number says what a bare 废止N件 or 结果维持N件 is about. Neutral
 * topics (咨询, 信息处理费, 规章制度) end the previous topic without starting one that has claims.
 */
const commonTopics: TopicDef[] = [
  { id: 'requests', words: ['申请'] },
  { id: 'review', words: ['行政复议', '复议'] },
  { id: 'direct', words: ['未经复议直接起诉', '直接起诉', '直接提起行政诉讼', '直接提起诉讼'] },
  {
    id: 'after',
    words: ['复议后起诉', '复议后提起行政诉讼', '复议后提起诉讼', '复议后再起诉', '行政复议后起诉', '行政复议后提起'],
  },
  { id: 'litigation', words: ['行政诉讼', '诉讼', '起诉', '应诉'] },
  { id: 'regulations', words: ['规章'] },
  { id: 'normative', words: ['规范性文件'] },
  { id: 'licensing', words: ['行政许可'] },
  { id: 'penalty', words: ['行政处罚'] },
  { id: 'enforcement', words: ['行政强制'] },
  { id: 'fees', words: ['行政事业性收费'] },
  {
    id: 'neutral',
    words: [
      '咨询',
      '留言',
      '来信',
      '热线',
      '建议',
      '提案',
      '信息处理费',
      '处理费',
      '规章制度',
      '政策性文件',
      '政策文件',
    ],
  },
];

/** A figure of table 二: one row, one column, no topic needed when the sentence names the row. */
export const activeFigure = (
  row: string,
  column: string,
  label: string,
  before: string,
  more: Partial<FigureClaimDef> = {},
): FigureClaimDef => ({
  id: `active.${row}.${column}`,
  table: 'active',
  rows: [row],
  columns: [column],
  label,
  before,
  ...more,
});

/** 本年制发规范性文件3件，废止1件，现行有效8件: a verb, then the object unless the sentence already named it. */
export const documentFigures = (columns: { column: string; label: string; verbs: string }[]): FigureClaimDef[] =>
  [
    { row: 'regulations', noun: '规章', label: '规章' },
    { row: 'normative', noun: '(?:行政)?规范性文件', label: '行政规范性文件' },
  ].flatMap((r) =>
    columns.map((c) =>
      activeFigure(r.row, c.column, `${c.label}${r.label}`, `(?:${c.verbs})(?:了|的)?(?:${joining(8)}${r.noun})?`, {
        topics: [r.row],
      }),
    ),
  );

/** 行政许可N件, 行政处罚决定N件: one figure per row of the 处理决定数量 column. */
export const decisionFigures = (column: string): FigureClaimDef[] =>
  [
    { row: 'licensing', words: '行政许可', label: '行政许可决定' },
    { row: 'penalty', words: '行政处罚', label: '行政处罚决定' },
    { row: 'enforcement', words: '行政强制', label: '行政强制决定' },
  ].map((r) => activeFigure(r.row, column, r.label, `${r.words}(?:措施|执行)?(?:处理)?(?:决定|案件)?(?:书)?`));

/** What every format shares; a format adds the claims about its own table 二 (`activeClaims`). */
export const commonClaims = (requestRows: readonly string[], activeClaims: FigureClaimDef[] = []): ClaimsDef => ({
  topics: commonTopics,
  figures: [...activeClaims, ...requestClaims(requestRows), ...reviewClaims],
  none: noneClaims,
  filler: '共计|合计|总计|总数为|总数|数量为|数量|数为|数|均为|分别为|达到|达|为|是|共|计|的|了|:',
  conjunction: '及|和|与|以及|\\.|加',
  comparison:
    '较上年|比上年|较去年|比去年|同比|环比|同期|与上年|和上年|(?:上|去)一?年度?(?!度?结转)|前年|增长|下降|减少|增加|增幅|降幅|上升|提高|回落|持平|多出|少了|累计',
  approxBefore: '约|近|超过|超|逾|将近|接近|不到|不足|多达|上千|近千',
  approxAfter: '余|多|以上|左右|以内|上下|相比|相较',
  area: '全(?:国|省|自治区|市|州|盟|县|区|旗|乡|镇|街道)',
  below: '各部门|各单位|各乡镇|各街道|各县|各区|各市|各地|各级|各镇|各村|全系统|系统内|下属|所属',
});
// ==== end of claims ====
