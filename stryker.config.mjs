// Mutation testing (`npm run mutate`, not in CI: it takes long on 2 cores). scripts/mutate.mjs runs
// Stryker once per target of scripts/mutate-targets.json, each against only the unit tests that exercise it, one mutant at
// a time, and writes reports/mutation/<target>.json. Scores and survivors: docs/benchmarks.md.
import { readFileSync } from 'node:fs';

const TARGETS = JSON.parse(readFileSync('scripts/mutate-targets.json', 'utf8'));

const name = process.env.MUTATE_TARGET ?? 'rules';
const target = TARGETS[name];
if (!target) throw new Error(`MUTATE_TARGET=${name}: not one of ${Object.keys(TARGETS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: target.mutate,
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 30000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['.output', 'reports', 'docs', 'coverage', 'tests/e2e'],
};
