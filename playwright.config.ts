import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. Flags from shared/toolchain.md: the
// machine has no network beyond package registries.
const PORT = Number(process.env.ANJU_E2E_PORT ?? 8765);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  retries: 0,
  // A stray test.only would silently skip the rest of the suite.
  forbidOnly: true,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
    viewport: { width: 1366, height: 768 },
  },
  // The release build in dist/, served as static files (as on any intranet server), with
  // the test datasets beside it (tests/e2e/serve.mjs).
  webServer: {
    command: `node tests/e2e/serve.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
