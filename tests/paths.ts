import { resolve } from 'node:path';

/** vitest runs from the project root; happy-dom gives import.meta.url an http: scheme, so paths start here. */
export const root = process.cwd();
export const seedsDir = resolve(root, 'tests/fixtures');
export const seedNames = [
  '000_44aebc5475f13285.txt',
  '001_c97c571f5e04231d.txt',
  '002_b149f0f934cd76e1.txt',
  '003_422ee649bd0c999e.txt',
  '004_90225ff58829eda7.txt',
];
/** Real published reports beside the project, read in place and never copied in. */
/** NIANBAO_SHARED names ../shared where the tests run elsewhere (a mutation run's sandbox copy of the project). */
export const realDir = resolve(process.env.NIANBAO_SHARED ?? resolve(root, '../shared'), 'fixtures/real');
