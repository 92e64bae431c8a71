import type { Checked } from '../../check/engine';
import { distinctPreviews } from './distinct';
import { fixesFor } from './index';

/**
 * `audit --fix-preview`: per report, each fix as 旧 → 新, so a reviewer can send the unit a precise
 * list of corrections. Nothing is written anywhere.
 */
export function fixPreview(checked: Checked): string {
  // Findings one mend answers (three sums broken by one wrong total) list it once.
  const mends = distinctPreviews(fixesFor(checked));
  const lines = [`■ ${checked.source}`, `  标题：${checked.title ?? '（未找到）'}`];
  if (!mends.length) lines.push('  没有可自动修正的问题');
  else lines.push(`  可修正 ${mends.length} 项：`, ...mends.map((p, i) => `  ${i + 1}. ${p}`));
  return `${lines.join('\n')}\n`;
}
