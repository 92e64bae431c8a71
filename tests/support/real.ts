import { existsSync } from 'node:fs';
import { it } from 'vitest';
import { realDir } from '../paths';

/**
 * Whether the real published reports (../shared/fixtures/real, read in place, never copied in) are
 * there. When they are not, the suite says so out loud: a warning in the log and a skipped test
 * whose name gives the reason, so a run without them cannot pass for a run with them.
 */
export function haveRealReports(suite: string): boolean {
  if (existsSync(realDir)) return true;
  const why = `${suite}: NOT RUN — ${realDir} is absent (the real reports are read in place from ../shared/fixtures/real)`;
  console.warn(`\n*** ${why}\n`);
  it.skip(why, () => {});
  return false;
}
