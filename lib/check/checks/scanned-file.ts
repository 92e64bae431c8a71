import { defineCheck } from './check';

/** A PDF of page images has no text to check: say so rather than report an empty document. */
export default defineCheck({
  code: 'scanned-file',
  severity: 'error',
  description: 'PDF 是扫描件，无法读取文字',
  always: true,
  run: (a) => {
    const f = a.file;
    if (f?.kind !== 'pdf' || !f.imagePages) return [];
    if (f.imagePages === f.pages)
      return [
        {
          message: `PDF 是扫描件（${f.pages} 页都是图片，没有文字层），无法读取文字和统计表；请提供可以复制文字的版本。`,
        },
      ];
    return [
      {
        severity: 'warning',
        message: `PDF 中有 ${f.imagePages} 页是扫描图片（共 ${f.pages} 页），这些页上的文字和表格无法检查。`,
      },
    ];
  },
});
