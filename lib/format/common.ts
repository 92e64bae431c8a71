import type {
  ColumnDef,
  ContentRuleDef,
  FormatDef,
  LevelRuleDef,
  PartDef,
  RowDef,
  RuleDef,
  TableDef,
  TextClaimDef,
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

export const textClaims: TextClaimDef[] = [
  {
    id: 'requests-none',
    pattern: '(?:未|没有)(?:收到|受理|接到)[^。;,]{0,8}申请(?!行政复议|复议|人|提起)',
    table: 'requests',
    rows: ['new'],
    column: 'total',
    label: '正文说未收到政府信息公开申请',
  },
  {
    id: 'requests-received',
    pattern: '(?:收到|受理|接收|新收)[^。;,0-9]{0,10}申请(?:共|合计)?(\\d+)(?:件|个|条|次|份)',
    table: 'requests',
    rows: ['new'],
    column: 'total',
    label: '正文所述收到申请数',
  },
  {
    id: 'requests-granted',
    pattern: '予以公开(\\d+)(?:件|个|条)',
    table: 'requests',
    rows: ['granted'],
    column: 'total',
    label: '正文所述予以公开数',
  },
  {
    id: 'requests-unable',
    pattern: '无法提供(\\d+)(?:件|个|条)',
    table: 'requests',
    rows: ['unable'],
    column: 'total',
    label: '正文所述无法提供数',
  },
  {
    id: 'review-count',
    pattern: '行政复议(?:案件)?(\\d+)(?:件|起|个)',
    table: 'review',
    rows: ['count'],
    column: 'review.total',
    label: '正文所述行政复议数',
  },
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
