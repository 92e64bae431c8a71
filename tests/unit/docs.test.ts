import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { checks } from '../../lib/check/checks';
import { root } from '../paths';

it('docs/engine.md lists every check with its severity', () => {
  const doc = readFileSync(resolve(root, 'docs/engine.md'), 'utf8');
  for (const c of checks) expect(doc).toContain(`| \`${c.code}\` | ${c.severity} |`);
});
