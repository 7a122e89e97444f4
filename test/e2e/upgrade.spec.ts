/**
 * A browser that last ran version 1 of the app (IndexedDB as version 1 left
 * it: canvases, cards and ethics checks only) opens today's app: every status
 * and note is kept, and the new parts (the "before this goes live" checks,
 * the golden thread, the data inventory) are there and work on the old canvas.
 */
import { expect, test } from './fixtures';

test('a version 1 database upgrades in the browser, keeping every status and note, and takes links and data sets', async ({
  page,
  library,
}) => {
  // A page of the app's origin that does not run the app, to write the old database first.
  await page.goto('/robots.txt');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        // Dexie's version 1 is IndexedDB version 10.
        const request = indexedDB.open('outcome-canvas', 10);
        request.onupgradeneeded = () => {
          const db = request.result;
          const canvases = db.createObjectStore('canvases', { keyPath: 'id' });
          canvases.createIndex('updatedAt', 'updatedAt');
          canvases.createIndex('deletedAt', 'deletedAt');
          db.createObjectStore('cards', { keyPath: 'id' }).createIndex('canvasId', 'canvasId');
          db.createObjectStore('checks', { keyPath: ['canvasId', 'key'] }).createIndex('canvasId', 'canvasId');
        };
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['canvases', 'cards', 'checks'], 'readwrite');
          const now = Date.UTC(2025, 0, 15);
          tx.objectStore('canvases').put({
            v: 1,
            id: 'old',
            title: 'Made with version 1',
            description: 'Before the golden thread',
            createdAt: now,
            updatedAt: now,
            deletedAt: null,
          });
          const card = (id: string, step: string, order: string, text: string) => ({
            v: 1,
            id,
            canvasId: 'old',
            step,
            order,
            text,
            colour: 'green',
            createdAt: now,
            updatedAt: now,
            deletedAt: null,
          });
          tx.objectStore('cards').put(card('o1', 'outcome', 'a0', 'Fewer families reach crisis'));
          tx.objectStore('cards').put(card('a1', 'action', 'a0', 'Offer early help sooner'));
          tx.objectStore('cards').put(card('i1', 'insight', 'a0', 'Families known to three services'));
          const check = (step: string, lens: string, status: string, notes: string) => ({
            v: 1,
            canvasId: 'old',
            key: `${step}:${lens}`,
            step,
            lens,
            status,
            notes,
            updatedAt: now,
          });
          tx.objectStore('checks').put(check('insight', 'consent', 'concern', 'Were they asked?'));
          tx.objectStore('checks').put(check('outcome', 'trust', 'no-concern', 'The panel agreed'));
          tx.objectStore('checks').put(check('action', 'power', 'not-applicable', ''));
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

  await library.goto();
  const canvas = await library.open('Made with version 1');
  await expect(canvas.titleInput).toHaveValue('Made with version 1');
  await canvas.expectCards('Outcome', ['Fewer families reach crisis']);
  await expect(canvas.checkRadio('Outcome', 'Trust', 'Discussed, no concern')).toBeChecked();
  await expect(canvas.checkNotes('Outcome', 'Trust')).toHaveValue('The panel agreed');
  await expect(canvas.concernsLink).toHaveText('Open concerns (1)');
  await canvas.openStep('Action');
  await expect(canvas.checkRadio('Action', 'Power', 'Not applicable')).toBeChecked();
  await canvas.openStep('Insight');
  await expect(canvas.checkRadio('Insight', 'Consent', 'Concern raised')).toBeChecked();
  await expect(canvas.checkNotes('Insight', 'Consent')).toHaveValue('Were they asked?');
  // The new checks are there, not yet discussed.
  await expect(canvas.governanceRadio('Lawful basis', 'Not yet discussed')).toBeChecked();

  // The old cards take links and data sets.
  await canvas.linkWithKeyboard('Insight', 1, 'early help', 'This card now serves “Offer early help sooner”.');
  await page.getByRole('button', { name: '+ Add a data set' }).click();
  await page.keyboard.type('Early help case records');
  await canvas.setGovernance('Lawful basis', 'Discussed, no concern', 'Public task');
  await canvas.expectSaved();
  await canvas.reload();
  await expect(canvas.card('Insight', 1)).toContainText('Serves: “Offer early help sooner”');
  await expect(page.getByRole('article', { name: 'Data set 1: Early help case records' })).toBeVisible();
  await expect(canvas.governanceNotes('Lawful basis')).toHaveValue('Public task');
  await expect(canvas.checkNotes('Insight', 'Consent')).toHaveValue('Were they asked?');
});
