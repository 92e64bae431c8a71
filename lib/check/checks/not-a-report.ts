import { defineCheck } from './check';

export default defineCheck({
  code: 'not-a-report',
  severity: 'info',
  always: true,
  description: '页面不是政府信息公开工作年度报告',
  run: (a) =>
    a.isReport || a.empty
      ? []
      : [{ message: '此页面看起来不是政府信息公开工作年度报告：没有找到报告标题、六部分标题或统计表。' }],
});
