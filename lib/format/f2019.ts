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
  activeFigure,
  commonClaims,
  decisionFigures,
  documentFigures,
} from './common';

/** 国办公开办函〔2019〕60号: reports for 2019 and 2020. */
const itemColumns = [
  { id: 'previous', label: '上一年项目数量', keys: ['上一年项目数量', '上一年'] },
  { id: 'change', label: '本年增/减', keys: ['本年增/减', '本年增减', '增/减'], signed: true },
  { id: 'decisions', label: '处理决定数量', keys: ['处理决定数量'] },
];

/** Table 三 of 2019: （六）其他处理 is one row of numbers. */
const requestRows: RowDef[] = [
  ...requestRowsHead,
  { id: 'other', label: '（六）其他处理', parent: 'results', keys: ['（六）其他处理'] },
  ...requestRowsTail,
];

export const format2019: FormatDef = {
  id: '2019',
  name: '2019年版格式',
  basis: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  demandsParts: true,
  ...deadlines,
  parts: sixParts,
  tables: [
    {
      id: 'active',
      part: 2,
      title: '主动公开政府信息情况',
      start: ['第二十条第(一)项', '本年新制作数量'],
      labelHeader: '信息内容',
      sections: [
        {
          id: 'item1',
          label: '第二十条第（一）项',
          columns: [
            { id: 'made', label: '本年新制作数量', keys: ['本年新制作数量', '新制作'] },
            { id: 'published', label: '本年新公开数量', keys: ['本年新公开数量', '新公开'] },
            { id: 'total', label: '对外公开总数量', keys: ['对外公开总数量', '公开总数'] },
          ],
          rows: [
            { id: 'regulations', label: '规章', keys: ['规章'] },
            { id: 'normative', label: '规范性文件', keys: ['规范性文件'] },
          ],
        },
        {
          id: 'item5',
          label: '第二十条第（五）项',
          columns: itemColumns,
          rows: [
            { id: 'licensing', label: '行政许可' },
            { id: 'otherServices', label: '其他对外管理服务事项', keys: ['其他对外管理服务', '对外管理服务'] },
          ],
        },
        {
          id: 'item6',
          label: '第二十条第（六）项',
          columns: itemColumns,
          rows: [
            { id: 'penalty', label: '行政处罚' },
            { id: 'enforcement', label: '行政强制' },
          ],
        },
        {
          id: 'item8',
          label: '第二十条第（八）项',
          columns: itemColumns.slice(0, 2),
          rows: [{ id: 'fees', label: '行政事业性收费' }],
        },
        {
          id: 'item9',
          label: '第二十条第（九）项',
          columns: [
            { id: 'count', label: '采购项目数量', keys: ['采购项目数量'] },
            { id: 'amount', label: '采购总金额', keys: ['采购总金额'], money: true },
          ],
          rows: [{ id: 'procurement', label: '政府集中采购', keys: ['政府集中采购', '集中采购'] }],
        },
      ],
    },
    requestTable(requestRows),
    reviewTable,
  ],
  rules: [
    ...requestAndReviewRules,
    {
      id: 'active-total-published',
      table: 'active',
      section: 'item1',
      over: 'rows',
      left: ['total'],
      op: '>=',
      right: ['published'],
      code: 'value-implausible',
      label: '对外公开总数量不应少于本年新公开数量',
    },
    {
      id: 'active-published-made',
      table: 'active',
      section: 'item1',
      over: 'rows',
      left: ['published'],
      op: '<=',
      right: ['made'],
      code: 'value-implausible',
      label: '本年新公开数量不应多于本年新制作数量',
    },
  ],
  levelRules: regulationsByLevel,
  // ==== claims: table 二 of 2019 (table 三 and 四 from common.ts) ====
  claims: commonClaims(
    requestRows.map((r) => r.id),
    [
      ...documentFigures([
        { column: 'made', label: '本年新制作', verbs: '(?:新)?(?:制作|制发|出台|制定|印发)' },
        { column: 'published', label: '本年新公开', verbs: '(?:新)?公开' },
        { column: 'total', label: '对外公开', verbs: '对外公开总(?:数量|数)?|公开总数' },
      ]),
      ...decisionFigures('decisions'),
      activeFigure('procurement', 'count', '政府集中采购项目', '(?:政府)?(?:集中)?采购项目(?:数量)?', {
        units: ['个', '项', '件'],
      }),
      activeFigure('procurement', 'amount', '政府集中采购金额', '(?:集中)?采购(?:总)?金额|采购资金', { money: true }),
    ],
  ),
  // ==== end of claims ====
  contentRules: partOneContent,
};
