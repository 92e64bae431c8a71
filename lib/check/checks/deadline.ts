import { defineCheck } from './check';

export default defineCheck({
  code: 'deadline',
  severity: 'warning',
  description: '发布时间晚于法定期限',
  needsYear: true,
  run: (a) => {
    const published = a.meta.publishedAt;
    if (!published || a.year === null || !a.expected) return [];
    const f = a.expected;
    const useGovernment =
      a.meta.government && ['county', 'city', 'province'].includes(a.meta.level) && f.governmentDeadline;
    const rule = useGovernment ? f.governmentDeadline! : f.deadline;
    const due = `${a.year + 1}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
    if (published.date <= due) return [];
    return [
      {
        message: `发布时间 ${published.date} 晚于法定期限 ${due}（依据：${rule.label}）。`,
        start: published.start,
        end: published.end,
      },
    ];
  },
});
