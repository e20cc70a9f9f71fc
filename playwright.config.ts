import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side; E2E_DEV_PORT
// does the same for the development server.
const port = Number(process.env.E2E_PORT ?? 4173);
const devPort = Number(process.env.E2E_DEV_PORT ?? 5173);

/// The specs of a researcher's core path (open, tag, search → tag, link,
/// the keyboard alone), run against the development server as well: it
/// renders under React's StrictMode, which mounts every effect twice, and
/// a bug of that kind shows only there.
const coreSpecs = /(library|annotate|search|links|keyboard|desktop-menu)\.spec\.ts$/;

/// End-to-end tests of the real UI in Debian's Chromium: every spec against
/// the built renderer served on 127.0.0.1 (`npm run test:e2e` builds it
/// first), and the core specs against `vite` in development mode.
export default defineConfig({
  testDir: 'e2e/web',
  outputDir: 'test-results/web',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Headless Chromium answers the File System Access save picker as
        // a cancel at once; without the API the app saves by download, as
        // in Firefox and Safari. stream-export.spec.ts puts a stand-in
        // picker back to drive the streamed path.
        '--disable-blink-features=FileSystemAccessLocal',
      ],
    },
  },
  projects: [
    { name: 'built', use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: 'dev', testMatch: coreSpecs, use: { baseURL: `http://127.0.0.1:${devPort}` } },
  ],
  webServer: [
    {
      command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite --config vite.web.config.ts --host 127.0.0.1 --port ${devPort} --strictPort`,
      url: `http://127.0.0.1:${devPort}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
