import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only unit tests: the Playwright specs under e2e/ have their own runner.
    include: ['shared/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'cli/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['shared/test-support/fast-check-seed.ts'],
    globalSetup: ['scripts/test-tmp.ts'],
  },
});
