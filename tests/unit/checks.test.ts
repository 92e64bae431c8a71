import { describe, expect, it } from 'vitest';
import { asPrevious, checkText } from '../../lib/check/engine';
import { format2019, format2021 } from '../../lib/format';
import { checks } from '../../lib/check/checks';
import { FindingCode } from '../../lib/check/report';
import { asTabs, checked, generate, report } from '../support/report';

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const tables2021 = generate(format2021, 7);
// Table 二 has no equations, only plausibility: keep it plausible for a county (no 规章, nothing issued).
for (const k of tables2021.get('active')!.keys())
  if (k.startsWith('regulations|') || k.endsWith('|issued')) tables2021.get('active')!.set(k, 0);
const clean2021 = (edit?: (t: string) => string) => checked(format2021, 2023, tables2021, 'tabs', edit);

describe('the check list', () => {
  it('has one check per code, each with a Chinese description', () => {
    const ids = checks.map((c) => c.code);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of checks) {
      expect(FindingCode.options).toContain(c.code);
      expect(c.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a generated 2021 report with every required word is clean', () => {
    const r = clean2021((t) =>
      t
        .replace(
          '一、总体情况\n本部分的说明文字。',
          '一、总体情况\n主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障、工作考核。',
        )
        .replace('六、其他需要报告的事项\n本部分的说明文字。', '六、其他需要报告的事项\n本年度未收取信息处理费。'),
    );
    expect(r.findings).toEqual([]);
  });
});

describe('structure', () => {
  it('part-order: two parts swapped', () => {
    const r = clean2021((t) => {
      const five = t.indexOf('五、存在的主要问题及改进情况');
      const six = t.indexOf('六、其他需要报告的事项');
      return `${t.slice(0, five) + t.slice(six)}\n${t.slice(five, six)}`;
    });
    expect(codes(r)).toContain('part-order');
    expect(r.findings.find((f) => f.code === 'part-order')!.part).toBe(5);
  });

  it('format-outdated: a 2020 report in the old structure', () => {
    const r = checkText(
      '某镇2020年政府信息公开工作年度报告\n一、概述\n……\n二、主动公开政府信息情况\n……\n三、政府信息公开的收费及减免情况\n……\n四、2021年工作安排\n……',
    );
    expect(r.format).toBe('pre2019');
    expect(codes(r)).toContain('format-outdated');
    expect(codes(r)).not.toContain('old-format');
  });

  it('table-format: the 2019 table 二 in a 2021 report names 政府集中采购', () => {
    const tables = generate(format2019, 3);
    const text = report(format2021, 2023, tables2021, (def, v) =>
      def.id === 'active' ? asTabs(format2019.tables[0]!, tables.get('active')!) : asTabs(def, v),
    );
    const r = checkText(text);
    const tf = r.findings.filter((f) => f.code === 'table-format');
    expect(tf.map((f) => f.table)).toEqual(['active']);
    expect(tf[0]!.message).toContain('政府集中采购');
    expect(tf[0]!.message).toContain('国办公开办函〔2021〕30号');
  });
});

describe('tables published as images', () => {
  it('table-image instead of table-missing where part 3 holds only an image', () => {
    const r = checked(format2021, 2023, tables2021, 'html', (t) =>
      t.replace(/<p>收到和处理政府信息公开申请情况<\/p><table[\s\S]*?<\/table>/, '<p><img src="table3.png"></p>'),
    );
    expect(r.findings.filter((f) => f.code === 'table-image').map((f) => f.table)).toEqual(['requests']);
    expect(r.findings.filter((f) => f.code === 'table-missing')).toEqual([]);
  });
});

describe('content', () => {
  it('content-missing: part 6 of a 2021 report says nothing of 信息处理费', () => {
    const r = clean2021();
    const missing = r.findings.filter((f) => f.code === 'content-missing');
    expect(missing.some((f) => f.part === 6 && f.message.includes('信息处理费'))).toBe(true);
  });

  it('content-missing: a government report without 考核 is flagged, a department is not', () => {
    expect(clean2021().findings.some((f) => f.code === 'content-missing' && f.message.includes('责任追究'))).toBe(true);
    const dept = clean2021((t) => t.replace('某县人民政府', '某县财政局'));
    expect(dept.level).toBe('department');
    expect(dept.findings.some((f) => f.code === 'content-missing' && f.message.includes('责任追究'))).toBe(false);
  });
});

describe('years and dates', () => {
  it('year-mismatch: a wrong 统计期限', () => {
    const r = clean2021((t) =>
      t.replace('本部分的说明文字。', '本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。'),
    );
    const slip = r.findings.filter((f) => f.code === 'year-mismatch');
    expect(slip.map((f) => f.actual)).toContain(2022);
  });

  it('deadline: a 2023 county department report published in March 2024 is late, a county government report is not', () => {
    const late = clean2021((t) => t.replace('某县人民政府', '某县财政局').replace('\n', '\n发布时间：2024-03-05\n'));
    expect(late.publishedAt).toBe('2024-03-05');
    expect(late.findings.filter((f) => f.code === 'deadline')[0]!.message).toContain('2024-01-31');
    const government = clean2021((t) => t.replace('\n', '\n发布时间：2024-03-05\n'));
    expect(codes(government)).not.toContain('deadline');
  });
});

describe('across years', () => {
  it('carryover-mismatch names the column; copied-text gives the share', () => {
    const last = asPrevious(
      clean2021((t) =>
        t
          .replace('2023年', '2022年')
          .replace(
            '本部分的说明文字。',
            '本单位坚持以公开为常态、不公开为例外，全面推进政务公开工作，取得了明显成效。',
          ),
      ),
    );
    const tables = generate(format2021, 7);
    const carried = tables.get('requests')!;
    carried.set('carried|legal', 5);
    carried.set('new|legal', Math.max(carried.get('new|legal')! - 5, 0));
    const lastCarryover = last.tables
      .find((t) => t.table === 'requests')!
      .cells!.find((c) => c.row === 'carryover' && c.column === 'legal')!.value;
    const r = checked(format2021, 2023, tables, 'tabs', (t) =>
      t.replace('本部分的说明文字。', '本单位坚持以公开为常态、不公开为例外，全面推进政务公开工作，取得了明显成效。'),
    );
    const withPrev = checkText(r.text, { previous: last });
    const co = withPrev.findings.filter((f) => f.code === 'carryover-mismatch');
    expect(co.map((f) => f.column)).toContain('legal');
    expect(co.find((f) => f.column === 'legal')!.expected).toBe(lastCarryover);
    const copied = withPrev.findings.filter((f) => f.code === 'copied-text');
    expect(copied[0]!.message).toMatch(/约占正文的 \d+%/);
    expect(withPrev.text.slice(copied[1]!.start, copied[1]!.end)).toContain('以公开为常态');
  });
});

describe('the skeleton for a people’s government', () => {
  it('covers 工作考核、社会评议和责任追究 under 监督保障', async () => {
    const { reportSkeleton } = await import('../../lib/write/snippets');
    const r = checkText(reportSkeleton(format2021, { year: 2023, unit: '某县人民政府' }).text);
    expect(r.level).toBe('county');
    expect(r.findings.filter((f) => f.code === 'content-missing')).toEqual([]);
  });
});

describe('copied-text reads passages, not lines', () => {
  const opening = '本报告根据《中华人民共和国政府信息公开条例》要求编制，统计期限自2023年1月1日起至2023年12月31日止。';
  const prose = [
    '本单位坚持以公开为常态、不公开为例外，全面推进政务公开工作，',
    '围绕重点领域信息公开持续发力，取得了明显成效，群众满意度明显提升。',
    '下一步将进一步加强。',
  ];
  const report = (year: number, parts: string) =>
    `某县人民政府${year}年政府信息公开工作年度报告\n${opening.replaceAll('2023', String(year))}\n一、总体情况\n${parts}\n五、存在的主要问题及改进情况\n${year % 2 ? '单数' : '双数'}年份的问题各不相同，年年有新的情况和新的改进措施要写清楚。`;

  it('one finding for the lines of one copied paragraph; the opening and a short line alone are not flagged', () => {
    const last = asPrevious(checkText(report(2022, prose.join('\n'))));
    const r = checkText(report(2023, prose.join('\n')), { previous: last });
    const copied = r.findings.filter((f) => f.code === 'copied-text');
    expect(copied).toHaveLength(2);
    expect(copied[0]!.message).toContain('有 1 段');
    // The passage runs from its first line through its short last line.
    expect(r.text.slice(copied[1]!.start, copied[1]!.end)).toBe(prose.join('\n'));
    expect(copied.some((f) => f.start !== undefined && r.text.slice(f.start, f.end).includes('统计期限'))).toBe(false);
  });

  it('a paragraph written anew between two copied ones splits them into two passages', () => {
    const last = asPrevious(checkText(report(2022, `${prose[0]}\n${prose[1]}`)));
    const r = checkText(
      report(2023, `${prose[0]}\n本年新开通了依申请公开网上办理平台，实现申请全程网上办理和进度查询。\n${prose[1]}`),
      {
        previous: last,
      },
    );
    const copied = r.findings.filter((f) => f.code === 'copied-text');
    expect(copied.slice(1).map((f) => r.text.slice(f.start, f.end))).toEqual([prose[0], prose[1]]);
  });

  it('a report written anew has no copied passage', () => {
    const last = asPrevious(checkText(report(2022, prose.join('\n'))));
    const r = checkText(report(2023, '今年围绕优化营商环境开展了十项专项公开行动，逐项公开了进展和成效。'), {
      previous: last,
    });
    expect(r.findings.filter((f) => f.code === 'copied-text')).toEqual([]);
  });
});
