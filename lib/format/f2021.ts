import type { FormatDef, RowDef } from './schema';
import {
  deadlines,
  partOneContent,
  regulationsByLevel,
  requestAndReviewRules,
  requestRowsHead,
  requestRowsTail,
  requestTable,
  reviewTable,
  sixParts,
  commonClaims,
  decisionFigures,
  documentFigures,
  activeFigure,
} from './common';

/** Table 三 of 2021: （六）其他处理 has three sub-rows. */
const requestRows: RowDef[] = [
  ...requestRowsHead,
  { id: 'other', label: '（六）其他处理', parent: 'results', group: true, keys: ['（六）其他处理'] },
  {
    id: 'other.noCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    parent: 'other',
    keys: ['逾期不补正'],
  },
  {
    id: 'other.noFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    parent: 'other',
    keys: ['收费通知', '逾期未按'],
  },
  { id: 'other.other', label: '3.其他', parent: 'other', keys: ['3.其他'] },
  ...requestRowsTail,
];

/** 国办公开办函〔2021〕30号: reports for 2021 on. */
export const format2021: FormatDef = {
  id: '2021',
  name: '2021年版格式',
  basis: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  demandsParts: true,
  ...deadlines,
  parts: sixParts,
  tables: [
    {
      id: 'active',
      part: 2,
      title: '主动公开政府信息情况',
      start: ['第二十条第(一)项', '本年制发件数'],
      labelHeader: '信息内容',
      sections: [
        {
          id: 'item1',
          label: '第二十条第（一）项',
          columns: [
            { id: 'issued', label: '本年制发件数', keys: ['本年制发件数', '制发件数'] },
            { id: 'repealed', label: '本年废止件数', keys: ['本年废止件数', '废止件数'] },
            { id: 'inForce', label: '现行有效件数', keys: ['现行有效件数', '现行有效'] },
          ],
          rows: [
            { id: 'regulations', label: '规章', keys: ['规章'] },
            { id: 'normative', label: '行政规范性文件', keys: ['行政规范性文件', '规范性文件'] },
          ],
        },
        {
          id: 'item5',
          label: '第二十条第（五）项',
          columns: [{ id: 'decisions', label: '本年处理决定数量', keys: ['本年处理决定数量', '处理决定数量'] }],
          rows: [{ id: 'licensing', label: '行政许可' }],
        },
        {
          id: 'item6',
          label: '第二十条第（六）项',
          columns: [{ id: 'decisions', label: '本年处理决定数量', keys: ['本年处理决定数量', '处理决定数量'] }],
          rows: [
            { id: 'penalty', label: '行政处罚' },
            { id: 'enforcement', label: '行政强制' },
          ],
        },
        {
          id: 'item8',
          label: '第二十条第（八）项',
          columns: [
            { id: 'amount', label: '本年收费金额（单位：万元）', keys: ['本年收费金额', '收费金额'], money: true },
          ],
          rows: [{ id: 'fees', label: '行政事业性收费' }],
        },
      ],
    },
    requestTable(requestRows),
    reviewTable,
  ],
  rules: [
    ...requestAndReviewRules,
    {
      id: 'active-issued-in-force',
      table: 'active',
      section: 'item1',
      over: 'rows',
      left: ['issued'],
      op: '<=',
      right: ['inForce', 'repealed'],
      code: 'value-implausible',
      label: '本年制发件数不应多于现行有效件数与本年废止件数之和',
    },
  ],
  levelRules: regulationsByLevel,
  // ==== claims: table 二 of 2021 (table 三 and 四 from common.ts) ====
  claims: commonClaims(
    requestRows.map((r) => r.id),
    [
      ...documentFigures([
        { column: 'issued', label: '本年制发', verbs: '(?:新)?(?:制发|出台|制定|印发|新增)' },
        { column: 'repealed', label: '本年废止', verbs: '(?:宣布)?废止' },
        { column: 'inForce', label: '现行有效', verbs: '现行有效' },
      ]),
      ...decisionFigures('decisions'),
      activeFigure('fees', 'amount', '行政事业性收费', '行政事业性收费(?:金额|总额|收入)?', {
        money: true,
        unless: '信息处理费',
      }),
    ],
  ),
  // ==== end of claims ====
  contentRules: [
    ...partOneContent,
    { id: 'part6-fees', part: 6, any: ['信息处理费', '处理费'], label: '信息处理费的收取情况' },
  ],
};
