import { reportAttachment } from '../analysis';
import { defineCheck } from './check';

/** A page that links the report as a file and holds none of it: never an all-clear. */
export default defineCheck({
  code: 'attachment-only',
  severity: 'warning',
  description: '报告正文在附件中，页面本身无法检查',
  always: true,
  run: (a) => {
    const report = reportAttachment(a);
    if (!report) return [];
    const at = a.doc.text.indexOf(report.name);
    return [
      {
        message: `报告正文在附件中：${report.name}。页面上没有报告的文字和统计表，请打开附件检查。`,
        ...(at >= 0 ? { start: at, end: at + report.name.length } : {}),
      },
    ];
  },
});
