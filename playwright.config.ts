import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

/** The built app is served here, on a port of its own (see /work/shared/notes/toolchain.md). */
// E2E_PORT lets two runs share a machine (each builds into its own folder too).
const PORT = Number(process.env.E2E_PORT ?? 4322);
export const APP_ORIGIN = `http://127.0.0.1:${PORT}`;
/** The sync server (server/) serving the same build, for the specs that share a canvas. */
const SYNC_PORT = PORT + 100;
export const SYNC_ORIGIN = `http://127.0.0.1:${SYNC_PORT}`;
const DIST = `node_modules/.e2e-dist-${PORT}`;
/** The specs that open a device per person on the sync server. */
const DEVICE_SPECS = /\/(sharing|sharing-edges|shared-files)\.spec\.ts$/;

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
    // No trace: recording one (DOM snapshots and a screencast of every page) took a third of the sharing specs'
    // CPU time, enough to push them past their timeout on a slow machine. To see one: `npm run test:e2e -- --trace on`.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        // Nothing but this machine resolves, so a request to another origin fails at once (the guard in
        // test/e2e/fixtures.ts records it and fails the test) and the app is tested as it works offline.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    },
  },
  projects: [
    // Several browser contexts each (a facilitator and participants, each with a service worker): one such test at a
    // time, beside one of the others, so two never share the 2 cores. First, so they spread over the whole run.
    { name: 'devices', testMatch: DEVICE_SPECS, workers: 1 },
    { name: 'chromium', testIgnore: DEVICE_SPECS },
  ],
  webServer: [
    {
      command:
        // A build folder of its own, so a `vite build` elsewhere cannot swap files under a running test.
        `node node_modules/vite/bin/vite.js build --outDir ${DIST} --emptyOutDir && node node_modules/vite/bin/vite.js preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: APP_ORIGIN,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Started after the first (Playwright starts web servers in order), so the build is there to serve.
      command: [
        `rm -rf node_modules/.e2e-sync-${PORT}`,
        `node node_modules/vite/bin/vite.js build --config server/vite.config.ts --outDir node_modules/.e2e-sync-${PORT}/server`,
        `PORT=${SYNC_PORT} HOST=127.0.0.1 STATIC_DIR=${DIST} SYNC_DATABASE=node_modules/.e2e-sync-${PORT}/sync.sqlite node node_modules/.e2e-sync-${PORT}/server/main.js`,
      ].join(' && '),
      url: `${SYNC_ORIGIN}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
