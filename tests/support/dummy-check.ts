import { defineCheck } from '../../lib/check/checks/check';
import type { FindingCode } from '../../lib/check/report';

/**
 * A check written the way the README says a new one is written: one file like this in
 * lib/check/checks/, and one line in the list of lib/check/checks/index.ts (tests/unit/new-check.test.ts
 * adds that line). A real check also names its code in FindingCode (lib/check/report.ts).
 */
export default defineCheck({
  code: 'dummy-check' as FindingCode,
  severity: 'info',
  description: '测试用：正文中的“测试用语”',
  run: (a) =>
    [...a.doc.text.matchAll(/测试用语/g)].map((m) => ({
      message: '正文中有“测试用语”。',
      start: m.index,
      end: m.index + m[0].length,
    })),
});
