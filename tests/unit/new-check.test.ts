import { describe, expect, it, vi } from 'vitest';
import { checkText } from '../../lib/check/engine';
import { format2021 } from '../../lib/format';
import dummy from '../support/dummy-check';
import { report, asTabs, generate } from '../support/report';

// "One line in the check list": the list of lib/check/checks/index.ts with the new check appended.
vi.mock('../../lib/check/checks', async (importOriginal) => {
  const list = await importOriginal<typeof import('../../lib/check/checks')>();
  const { default: added } = await import('../support/dummy-check');
  return { ...list, checks: [...list.checks, added] };
});

describe('a new check is one file and one line in the check list', () => {
  const text = report(format2021, 2023, generate(format2021, 2), asTabs).replace(
    '五、存在的主要问题及改进情况\n本部分的说明文字。',
    '五、存在的主要问题及改进情况\n这里有一句测试用语。',
  );

  it('the engine runs it on a report: its code, its default severity, the part its place falls in', () => {
    const r = checkText(text);
    const found = r.findings.filter((f) => f.code === dummy.code);
    expect(found).toEqual([
      {
        code: 'dummy-check',
        severity: 'info',
        part: 5,
        message: '正文中有“测试用语”。',
        start: text.indexOf('测试用语'),
        end: text.indexOf('测试用语') + 4,
      },
    ]);
  });

  it('can be turned off like any other, and does not run on a page that is not a report', () => {
    expect(checkText(text, { disabled: [dummy.code] }).findings.some((f) => f.code === dummy.code)).toBe(false);
    expect(checkText('新闻中心\n这里有一句测试用语。').findings.some((f) => f.code === dummy.code)).toBe(false);
  });
});
