// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditOutput } from '../../lib/check/report';
import { format2021 } from '../../lib/format';
import { reportSkeleton } from '../../lib/write/snippets';
import { seedsDir } from '../paths';
import { audit } from '../support/cli';

/** The `audit` command on drafts: what it says while a report is unfinished, or its year unknown. */

/** One report's block of the terminal view. */
const block = (stdout: string, file: string) => stdout.split('■ ').find((b) => b.startsWith(file)) ?? '';

let dir = '';
const files: Record<string, string> = {};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-drafts-'));
  const drafts = {
    'part-one.txt':
      '白水镇人民政府2025年政府信息公开工作年度报告\n一、总体情况\n2025年，白水镇扎实做好主动公开和依申请公开工作，全年发布信息312条。',
    'no-year.txt': '一、总体情况\n白水镇扎实做好主动公开和依申请公开工作，全年发布信息312条。',
    'skeleton.txt': reportSkeleton(format2021, { year: 2025, unit: '白水镇人民政府' }).text,
  };
  for (const [name, text] of Object.entries(drafts)) {
    files[name] = join(dir, name);
    await writeFile(files[name]!, text);
  }
  files['old.txt'] = join(seedsDir, '002_b149f0f934cd76e1.txt');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('audit on drafts', () => {
  it('says what is missing, never 未发现错误 while a part or table is, never undefined; one blank-cell finding per table', async () => {
    const { stdout, code } = await audit(files['part-one.txt']!, files['skeleton.txt']!, files['old.txt']!);
    expect(stdout).not.toContain('undefined');
    const partOne = block(stdout, files['part-one.txt']!);
    expect(partOne).toContain('结论：尚未完成（已写部分 1/6，已填统计表 0/3）');
    expect(partOne).not.toContain('未发现错误');
    expect(partOne).toContain('缺少第六部分');
    const skeleton = block(stdout, files['skeleton.txt']!);
    expect(skeleton).toContain('结论：尚未完成');
    expect(skeleton.match(/‹统计表中尚未填写的单元格（每表一条）›/g)).toHaveLength(3);
    // No English code in what the reviewer reads.
    expect(skeleton.split('\n').slice(1).join('\n')).not.toMatch(/[a-z]+-[a-z]+/);
    expect(skeleton).toContain('仍只有模板文字');
    const old = block(stdout, files['old.txt']!);
    expect(old).toContain('旧结构各部分（仅供参考）：一✓ 二✓ 三✓ 四（未见） 五✓ 六✓ 七（未见）');
    expect(old).not.toContain('（缺）');
    expect(code).toBe(1);
  }, 120000);

  it('without a year names the checks it could not run; --year runs them', async () => {
    const unknown = await audit(files['no-year.txt']!);
    expect(unknown.stdout).toContain('结论：年度未知，请指定报告年度');
    expect(unknown.stdout).toMatch(/未能检查（年度未知，可用 --year 指定）：.*缺少年度报告格式要求的部分/);
    expect(unknown.stdout).not.toContain('未发现错误');
    const given = await audit('--year', '2025', files['no-year.txt']!);
    expect(given.stdout).not.toContain('未能检查');
    expect(given.stdout).toContain('缺少第二部分');
  }, 120000);

  it('--json gives every table’s cells with row, column, value, raw and status', async () => {
    const { stdout } = await audit('--json', files['skeleton.txt']!);
    const [r] = AuditOutput.parse(JSON.parse(stdout));
    expect(r!.verdict).toBe('in-progress');
    for (const t of r!.tables) {
      expect(t.status).toBe('ok');
      expect(t.cells!.length).toBeGreaterThan(0);
      expect(t.cells!.every((c) => c.status === 'blank' && c.value === null && c.raw === '')).toBe(true);
      expect(t.blank).toBe(t.cells!.length);
    }
  }, 120000);
});
