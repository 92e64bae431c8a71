import { defineConfig } from 'vitest/config';

/** End to end: the built extension in Chromium. One browser at a time on this 2-core machine. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
