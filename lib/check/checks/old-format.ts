import { formatPre2019 } from '../../format';
import { defineCheck } from './check';

export default defineCheck({
  code: 'old-format',
  severity: 'info',
  description: '2019年以前的报告，按旧结构识别',
  run: (a) =>
    a.format === 'pre2019' && (a.year === null || a.year < 2019)
      ? [
          {
            message: `这是${a.year ?? '2019年以前'}年度的报告，按${formatPre2019.name}（${formatPre2019.basis}）识别，不要求六部分结构和统计表。`,
          },
        ]
      : [],
});
