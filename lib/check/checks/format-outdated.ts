import { defineCheck } from './check';

export default defineCheck({
  code: 'format-outdated',
  severity: 'error',
  description: '2019年及以后的报告仍使用旧结构',
  needsYear: true,
  run: (a) =>
    a.format === 'pre2019' && a.year !== null && a.year >= 2019 && a.expected
      ? [
          {
            message: `${a.year}年度报告应使用${a.expected.name}（${a.expected.basis}）的六部分结构和统计表，本报告仍是2019年以前的旧结构。`,
          },
        ]
      : [],
});
