import type { FormatDef } from './schema';

/** The structure of reports before the 2019 revision (old art. 32): recognised, not demanded. */
export const formatPre2019: FormatDef = {
  id: 'pre2019',
  name: '2019年以前的旧结构',
  basis: '《中华人民共和国政府信息公开条例》（国务院令第492号）第三十二条',
  years: { from: 2008, to: 2018 },
  demandsParts: false,
  deadline: { month: 3, day: 31, label: '次年3月31日前（原《条例》第三十一条）' },
  parts: [
    {
      number: 1,
      title: '概述',
      variants: ['基本情况', '基本概述', '总体情况'],
      keywords: ['概述', '基本情况', '开展情况', '总体'],
    },
    { number: 2, title: '主动公开政府信息情况', variants: ['政府信息主动公开情况'], keywords: ['主动公开'] },
    {
      number: 3,
      title: '依申请公开政府信息和不予公开政府信息的情况',
      variants: ['依申请公开政府信息情况'],
      keywords: ['依申请公开', '不予公开'],
    },
    { number: 4, title: '政府信息公开的收费及减免情况', variants: ['收费及减免情况'], keywords: ['收费', '减免'] },
    {
      number: 5,
      title: '因政府信息公开申请行政复议、提起行政诉讼的情况',
      variants: [],
      keywords: ['行政复议', '行政诉讼'],
    },
    {
      number: 6,
      title: '政府信息公开工作存在的主要问题及改进措施',
      variants: ['存在的主要问题及改进措施'],
      keywords: ['问题', '改进'],
    },
    { number: 7, title: '其他需要报告的事项', variants: [], keywords: ['其他'] },
  ],
  tables: [],
  rules: [],
  levelRules: [],

  contentRules: [],
  cues: ['收费及减免', '收费和减免', '工作安排', '工作思路', '工作打算', '工作计划', '不予公开政府信息', '财政资金'],
};
