/**
 * How every tool here starts Debian's Chromium: the browser tests (playwright.config.ts), the bench
 * and its Lighthouse runs (scripts/bench.mjs) and the loss measurement (scripts/measure-loss.mjs).
 * One list, so a figure and a test always see the same browser.
 */

/** Where Debian puts Chromium (see ../shared/notes/toolchain.md); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The features Playwright turns off (playwright-core's chromiumSwitches). Chromium keeps only the
 * last `--disable-features` it is given, so ours must repeat them. A unit test
 * (test/unit/scripts/chromium.test.ts) fails when the installed Playwright's list has one this lacks.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 156 builds the address bar's drop-down as a web page (chrome://omnibox-popup.top-chrome)
 * in a renderer of its own for every new window, headless too, where no one can see it: about 1.9 s
 * of CPU for each page a test or the bench opens, on the same 2 cores as the page being measured.
 * Puppeteer turns these off by default for the same reason.
 */
export const UNSEEN_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** `--disable-features` with every name in the lists given, once. */
export function disableFeatures(...lists) {
  return `--disable-features=${[...new Set(lists.flat())].join(',')}`;
}

/**
 * The switches a launch here passes, for a launcher whose own `--disable-features` list is `launcherFeatures`
 * (Playwright's by default; the bench gives Lighthouse's launcher's): that list with the unseen features added.
 */
export function chromiumArgs(launcherFeatures = PLAYWRIGHT_DISABLED_FEATURES) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    disableFeatures(launcherFeatures, UNSEEN_FEATURES),
  ];
}

/** The switches for Playwright's launches: the browser tests, the bench, `measure-loss`. */
export const CHROMIUM_ARGS = chromiumArgs();
