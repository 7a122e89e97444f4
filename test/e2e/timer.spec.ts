/**
 * The agenda and the timer (issue 9, item 2): planned minutes per step, a
 * countdown with start, pause, add 5 minutes and reset, kept as timestamps
 * so that a reload or a crashed tab keeps it right, and never an undo step.
 */
import type { Page } from '@playwright/test';
import { CanvasPage } from './pages/CanvasPage';
import { WorkshopPage } from './pages/WorkshopPage';
import { expect, test } from './fixtures';

async function reopen(page: Page, url: string): Promise<{ canvas: CanvasPage; workshop: WorkshopPage }> {
  const again = await page.context().newPage();
  await again.goto(url);
  const canvas = new CanvasPage(again);
  await canvas.waitUntilOpen();
  return { canvas, workshop: new WorkshopPage(again) };
}

test('the timer counts down the planned minutes and is still right after a reload and after the tab crashes', async ({
  library,
  page,
  context,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Timed workshop');
  const workshop = new WorkshopPage(page);
  await workshop.open();
  await workshop.plannedMinutes('Outcome').fill('20');
  await expect(workshop.timer('Outcome')).toContainText('left of 20 min');
  await expect(workshop.workshopClock).toContainText('0:00 spent of 20 min planned');

  // In the step view, T starts the step's timer.
  await canvas.stepByStepLink.click();
  await canvas.expectOnStep('Outcome');
  await canvas.stepHeading('Outcome').focus();
  await page.keyboard.press('t');
  await expect(workshop.timer('Outcome').getByRole('button', { name: 'Pause the timer for Outcome' })).toBeVisible();
  await expect.poll(() => workshop.seconds('Outcome'), { timeout: 5000 }).toBeLessThan(20 * 60);
  await canvas.expectSaved();

  // A reload: still running, and the time spent before it is still counted.
  await page.waitForTimeout(1200);
  const beforeReload = await workshop.seconds('Outcome');
  await canvas.reload();
  await expect(workshop.timer('Outcome').getByRole('button', { name: 'Pause the timer for Outcome' })).toBeVisible();
  await expect.poll(() => workshop.seconds('Outcome')).toBeLessThan(beforeReload);
  expect(await workshop.seconds('Outcome')).toBeGreaterThan(19 * 60);

  // Add 5 minutes, then the renderer crashes: a new tab shows the same running clock.
  await workshop.timer('Outcome').getByRole('button', { name: '+ 5 min for Outcome' }).click();
  await expect(workshop.timer('Outcome')).toContainText('left of 25 min');
  await canvas.expectSaved();
  const beforeCrash = await workshop.seconds('Outcome');
  const url = page.url();
  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
  const { workshop: after } = await reopen(page, url);
  await expect(after.timer('Outcome')).toContainText('left of 25 min');
  await expect(after.timer('Outcome').getByRole('button', { name: 'Pause the timer for Outcome' })).toBeVisible();
  await expect.poll(() => after.seconds('Outcome')).toBeLessThan(beforeCrash);
  expect(await after.seconds('Outcome')).toBeGreaterThan(24 * 60);
});

test('a paused timer stays where it stopped across a reload; reset starts the step again', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Paused timer');
  const workshop = new WorkshopPage(page);
  await workshop.open();
  await workshop.plannedMinutes('Action').fill('15');
  const timer = workshop.timer('Action');
  await timer.getByRole('button', { name: 'Start the timer for Action' }).click();
  await expect.poll(() => workshop.seconds('Action'), { timeout: 5000 }).toBeLessThan(15 * 60);
  await timer.getByRole('button', { name: 'Pause the timer for Action' }).click();
  await expect(timer.getByRole('button', { name: 'Resume the timer for Action' })).toBeFocused();
  const paused = await workshop.seconds('Action');
  await canvas.expectSaved();
  await canvas.reload();
  await page.waitForTimeout(1500);
  expect(await workshop.seconds('Action')).toBe(paused);
  await expect(workshop.workshopClock).toContainText('spent of 15 min planned');

  await timer.getByRole('button', { name: 'Reset the timer for Action' }).click();
  await expect(workshop.clock('Action')).toHaveText('15:00');
  await expect(timer.getByRole('button', { name: 'Start the timer for Action' })).toBeVisible();
});

test('timer changes are not undo steps: undo takes back the plan, never the clock', async ({ library, page }) => {
  await library.goto();
  const canvas = await library.createCanvas('Undo and the clock');
  const workshop = new WorkshopPage(page);
  await workshop.open();
  await workshop.plannedMinutes('Insight').fill('10');
  await workshop.plannedMinutes('Insight').blur();
  const timer = workshop.timer('Insight');
  await timer.getByRole('button', { name: 'Start the timer for Insight' }).click();
  await timer.getByRole('button', { name: '+ 5 min for Insight' }).click();
  await expect(timer).toContainText('left of 15 min');
  await canvas.undoButton.click();
  // The plan's 10 minutes are undone; the 5 added and the running clock stay.
  await expect(workshop.plannedMinutes('Insight')).toHaveValue('');
  await expect(timer).toContainText('left of 5 min');
  await expect(timer.getByRole('button', { name: 'Pause the timer for Insight' })).toBeVisible();
  await expect(canvas.undoButton).toHaveAttribute('aria-disabled', 'true');
});

test('a plan of 0 or 600 minutes, or 0 votes per person, is refused with a clear message, and the last good value stays', async ({
  library,
  page,
}) => {
  await library.goto();
  const canvas = await library.createCanvas('Bad timings');
  const workshop = new WorkshopPage(page);
  await workshop.open();
  const minutes = workshop.plannedMinutes('Enablers');
  await minutes.fill('25');
  await expect(workshop.workshopClock).toContainText('of 25 min planned');
  await minutes.fill('0');
  await expect(page.getByRole('alert')).toHaveText('A step needs at least 1 minute. To plan no time for it, leave the minutes empty.');
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await minutes.fill('600');
  await expect(page.getByRole('alert')).toHaveText('A step can be planned for at most 240 minutes (4 hours); 600 is more than that.');
  await expect(workshop.workshopClock).toContainText('of 25 min planned');
  await minutes.blur();
  await expect(minutes).toHaveValue('25');

  // Votes per person, set by the facilitator: 1 to 20.
  await workshop.votesPerPerson.fill('0');
  await expect(page.getByRole('alert')).toHaveText('Each person can have from 1 to 20 votes.');
  await workshop.votesPerPerson.fill('5');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await canvas.reload();
  await expect(workshop.plannedMinutes('Enablers')).toHaveValue('25');
  await expect(workshop.votesPerPerson).toHaveValue('5');
});
