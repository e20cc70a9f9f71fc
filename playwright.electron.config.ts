import { defineConfig } from '@playwright/test';

/// The desktop smoke test: launches the built Electron app where its binary
/// exists, and skips (saying why) where it does not.
export default defineConfig({
  testDir: 'e2e/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  timeout: 90_000,
  reporter: [['list']],
});
