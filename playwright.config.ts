import { defineConfig } from '@playwright/test';

/** The built app is served here, on a port of its own (see /work/shared/notes/toolchain.md). */
// E2E_PORT lets two runs share a machine (each builds into its own folder too).
const PORT = Number(process.env.E2E_PORT ?? 4322);
export const APP_ORIGIN = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: `test-results/${PORT}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A 2-core machine: one browser per core at most.
  workers: 2,
  // Generous for a busy 2-core machine; most tests take 3-10 s.
  timeout: 45_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    baseURL: APP_ORIGIN,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command:
      // A build folder of its own, so a `vite build` elsewhere cannot swap files under a running test.
      `node node_modules/vite/bin/vite.js build --outDir node_modules/.e2e-dist-${PORT} --emptyOutDir && node node_modules/vite/bin/vite.js preview --outDir node_modules/.e2e-dist-${PORT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: APP_ORIGIN,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
