import type { Checked } from '../../check/engine';
import { fixesFor } from './index';

/**
 * `audit --fix-preview`: per report, each fix as 旧 → 新, so a reviewer can send the unit a precise
 * list of corrections. Nothing is written anywhere.
 */
export function fixPreview(checked: Checked): string {
  const fixes = fixesFor(checked);
  const lines = [`■ ${checked.source}`, `  标题：${checked.title ?? '（未找到）'}`];
  if (!fixes.length) lines.push('  没有可自动修正的问题');
  else lines.push(`  可修正 ${fixes.length} 项：`, ...fixes.map((f, i) => `  ${i + 1}. ${f.preview}`));
  return `${lines.join('\n')}\n`;
}
