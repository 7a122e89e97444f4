/**
 * What the app's tabs say to each other over their BroadcastChannel (`tabSync.ts`), in a module of
 * its own so that the page's entry can listen before the rest of the app has loaded (`earlyCanvas.ts`).
 */
import type { CombinedEdits } from '../domain/merge';

export const CHANNEL_NAME = 'outcome-canvas';

export type TabMessage =
  | { type: 'saved'; tab: string; canvasId: string }
  | { type: 'combined'; tab: string; canvasId: string; combined: CombinedEdits }
  | { type: 'library'; tab: string }
  | { type: 'present'; tab: string; canvasId: string | null; reply: boolean };

/** Whether a message may mean storage changed: anything but a tab saying it is here (another version's messages included). */
export const mayHaveWritten = (message: unknown): boolean => (message as Partial<TabMessage> | null)?.type !== 'present';
