#!/usr/bin/env node
/**
 * How much typing a crash loses (issue 8). Builds the app, serves it, and
 * for each case types a burst of keys into a card of a saved canvas, waits,
 * then crashes the page or kills the whole browser, opens the canvas again
 * and compares what is there with what was typed.
 *
 * Cases: the renderer crashed (CDP `Page.crash`) 0, 50 and 100 ms after the
 * last key; the whole browser killed with SIGKILL 100 ms and 1,500 ms after
 * the last key (a persistent profile, started again afterwards).
 *
 *   node scripts/measure-loss.mjs [runs per case, default 10]
 *
 * Prints one line per case: runs, runs that lost something, characters lost.
 * MEASURE_PORT (default 4341) is where the built app is served.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from './chromium.mjs';

const RUNS = Number(process.argv[2] ?? 10);
const PORT = Number(process.env.MEASURE_PORT ?? 4341);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OUT = 'node_modules/.measure-dist';
const SAVED = 'Saved before the burst';
const BURST = ' and typed just before it went';

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

async function serve() {
  await run('node', ['node_modules/vite/bin/vite.js', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn']);
  const server = spawn(
    'node',
    ['node_modules/vite/bin/vite.js', 'preview', '--outDir', OUT, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return server;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error('the app server did not start');
}

/** A saved canvas with one card, the cursor at its end; resolves to the canvas address. */
async function prepare(page) {
  await page.goto(`${ORIGIN}/`);
  await page.getByRole('textbox', { name: 'New canvas title' }).fill('Crash test');
  await page.getByRole('button', { name: 'Create canvas' }).click();
  await page.getByRole('textbox', { name: 'Canvas title', exact: true }).waitFor();
  await page
    .getByRole('button', { name: /Add card/ })
    .first()
    .click();
  await page.keyboard.insertText(SAVED);
  await page.getByText('All changes saved in this browser').waitFor();
  await page.waitForTimeout(500);
  return page.url();
}

/** Types the burst key by key, as a person does, and waits `after` ms. */
async function burst(page, after) {
  await page.keyboard.type(BURST);
  if (after) await page.waitForTimeout(after);
}

async function readCard(page, url) {
  await page.goto(url);
  const card = page.getByRole('textbox', { name: /^Text of card 1 in Outcome/ });
  await card.waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  return card.inputValue();
}

/** Characters of the burst missing from what came back. */
function lost(text) {
  const expected = SAVED + BURST;
  if (text === expected) return 0;
  let same = 0;
  while (same < text.length && text[same] === expected[same]) same++;
  return expected.length - same;
}

async function rendererCrash(after) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const url = await prepare(page);
    await burst(page, after);
    const crashed = page.waitForEvent('crash');
    const cdp = await context.newCDPSession(page);
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    return lost(await readCard(await context.newPage(), url));
  } finally {
    await browser.close();
  }
}

/** Chromium on a profile of its own, driven over CDP so its process can be killed outright. */
async function startBrowser(profile, debugPort) {
  const child = spawn(
    CHROMIUM,
    [...ARGS, '--headless=new', `--user-data-dir=${profile}`, `--remote-debugging-port=${debugPort}`, 'about:blank'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
      return { child, browser };
    } catch {
      await sleep(100);
    }
  }
  throw new Error('Chromium did not start');
}

async function browserKill(after, index) {
  const profile = await mkdtemp(join(tmpdir(), 'oc-measure-'));
  const debugPort = 9400 + (index % 50);
  try {
    let { child, browser } = await startBrowser(profile, debugPort);
    const page = await browser.contexts()[0].newPage();
    const url = await prepare(page);
    await burst(page, after);
    const gone = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    ({ child, browser } = await startBrowser(profile, debugPort));
    try {
      return lost(await readCard(await browser.contexts()[0].newPage(), url));
    } finally {
      await browser.close().catch(() => {});
      child.kill('SIGKILL');
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

const CASES = [
  ['renderer crash 0 ms after the last key', (i) => rendererCrash(0, i)],
  ['renderer crash 50 ms after the last key', (i) => rendererCrash(50, i)],
  ['renderer crash 100 ms after the last key', (i) => rendererCrash(100, i)],
  ['whole browser SIGKILL 100 ms after the last key', (i) => browserKill(100, i)],
  ['whole browser SIGKILL 1,500 ms after the last key', (i) => browserKill(1500, i)],
];

const server = await serve();
try {
  console.log(`Typing lost to a crash: ${RUNS} runs per case, a burst of ${BURST.length} keys after a saved card.\n`);
  console.log('| case | runs | runs that lost typing | characters lost (of all typed) |');
  console.log('|---|---|---|---|');
  for (const [name, measure] of CASES) {
    let losing = 0;
    let chars = 0;
    for (let i = 0; i < RUNS; i++) {
      const missing = await measure(i);
      if (missing > 0) losing++;
      chars += missing;
    }
    console.log(`| ${name} | ${RUNS} | ${losing} (${Math.round((100 * losing) / RUNS)} %) | ${chars} of ${RUNS * BURST.length} |`);
  }
} finally {
  server.kill();
}
