import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import TARGETS from './scripts/mutate-targets.json';

/** The unit tests of one mutation target (MUTATE_TARGET, see stryker.config.mjs), nothing else. */
const target = TARGETS[(process.env.MUTATE_TARGET ?? 'rules') as keyof typeof TARGETS];

export default defineConfig({ ...base, test: { ...base.test, include: target.tests } });
