/**
 * Imports a canvas Markdown file or a full backup. Parsers load only when a
 * file arrives. Nothing is stored unless the whole file is valid, and a
 * backup is stored in one transaction.
 */
import { decodeFileBytes } from '../../domain/fileText';
import { newId } from '../../domain/ids';
import { type Canvas, displayTitle } from '../../domain/model';
import type { Snapshot } from '../../domain/snapshots';
import type { Template } from '../../domain/templates';
import { showToast } from '../../components/toasts';
import { useSharingStore } from '../../state/sharingStore';
import { useTemplateStore } from '../../state/templateStore';
import { useDataSafetyStore } from '../../state/dataSafetyStore';
import { useLibraryStore } from '../../state/libraryStore';
import { repository } from '../../state/repositoryStore';
import { downloadText } from '../../lib/download';
import { setTransfer, useTransferStore } from './transferStore';

const MB = 1024 * 1024;
/** Backups carry version history, so they may be larger than a canvas file (see domain/backup.ts). */
const maxBytes = (name: string) => (/\.json$/i.test(name) ? 50 * MB : 10 * MB);

/** `stay`: the file was a breakout group's changes, merged into (or refused by) the open shared canvas, which stays open. */
export type ImportOutcome = { kind: 'canvas'; id: string } | { kind: 'template'; id: string } | { kind: 'other' } | { kind: 'stay' };

/** A breakout group's changes to a shared canvas (sync/groupFile.ts) start with their format name. */
const GROUP_FILE = /^\s*\{\s*"format"\s*:\s*"outcome-canvas-group-changes"/;

/**
 * A group's changes dropped on the window: merged into the open shared
 * canvas (the "Merge by file" dialog's way, with its checks), the result
 * said in a message; elsewhere, where to take the file instead.
 */
async function mergeDropped(file: File): Promise<ImportOutcome> {
  if (useSharingStore.getState().record) {
    const { message } = await useSharingStore.getState().mergeGroupFile(file);
    showToast({ message });
    return { kind: 'stay' };
  }
  setTransfer({
    status: 'failed',
    fileName: file.name,
    problems: [
      'This file holds a breakout group’s changes to a shared canvas, not a backup. Open that shared canvas, choose “Merge by file”, then “Merge a group’s changes…”.',
    ],
  });
  return { kind: 'other' };
}

function looksLikeBackup(name: string, text: string): boolean {
  if (/\.json$/i.test(name)) return true;
  if (/\.(md|markdown|txt)$/i.test(name)) return false;
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
}

/**
 * True while an import or a restore runs. A second click, drop or paste
 * meanwhile does nothing, so a double click imports or restores once.
 */
const busy = () => useTransferStore.getState().status === 'working';
const NOTHING: ImportOutcome = { kind: 'other' };

export async function importFile(file: File): Promise<ImportOutcome> {
  if (busy()) return NOTHING;
  if (file.size > maxBytes(file.name)) {
    setTransfer({
      status: 'failed',
      fileName: file.name,
      problems: [
        `The file is larger than ${maxBytes(file.name) / MB} MB, so it was not read. A canvas or backup file is far smaller than that.`,
      ],
    });
    return { kind: 'other' };
  }
  if (!/\.(md|markdown|txt|json)$/i.test(file.name) && file.type && !/^(text\/|application\/json)/.test(file.type)) {
    setTransfer({
      status: 'failed',
      fileName: file.name,
      problems: ['Only canvas Markdown files (.md) and backups (.json) can be imported.'],
    });
    return { kind: 'other' };
  }
  if (/\.json$/i.test(file.name) && GROUP_FILE.test(await file.slice(0, 200).text())) return mergeDropped(file);
  setTransfer({ status: 'working', fileName: file.name });
  try {
    // Bytes, not file.text(): text that is not UTF-8 must be read correctly or refused, never stored as U+FFFD.
    const decoded = decodeFileBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) {
      setTransfer({ status: 'failed', fileName: file.name, problems: [decoded.problem] });
      return { kind: 'other' };
    }
    const outcome = await readText(file.name, decoded.text);
    const state = useTransferStore.getState();
    if (decoded.notice && state.status === 'done') setTransfer({ ...state, message: `${state.message} ${decoded.notice}` });
    return outcome;
  } catch (error) {
    console.warn('Outcome Canvas: could not read file', error);
    setTransfer({ status: 'failed', fileName: file.name, problems: ['The file could not be read. Nothing was imported.'] });
    return { kind: 'other' };
  }
}

/**
 * Runs a parser so that anything it throws is reported as a problem with
 * the file, never as a storage failure (the parsers bound their own work,
 * so this is a last resort).
 */
function readSafely<T>(read: () => T, refused: (problems: string[]) => T): T {
  try {
    return read();
  } catch (error) {
    console.warn('Outcome Canvas: a file could not be parsed', error);
    return refused(['The file is too complex or too damaged for the app to read, so nothing was imported.']);
  }
}

export async function importText(fileName: string, text: string): Promise<ImportOutcome> {
  if (busy()) return NOTHING;
  return readText(fileName, text);
}

async function readText(fileName: string, text: string): Promise<ImportOutcome> {
  setTransfer({ status: 'working', fileName });
  try {
    return looksLikeBackup(fileName, text) ? await importBackup(fileName, text) : await importMarkdown(fileName, text);
  } catch (error) {
    console.warn('Outcome Canvas: import failed', error);
    setTransfer({
      status: 'failed',
      fileName,
      problems: ['The browser would not store the imported canvases. Nothing was imported; what was here is unchanged.'],
    });
    return { kind: 'other' };
  }
}

async function importMarkdown(fileName: string, text: string): Promise<ImportOutcome> {
  const [{ importCanvasMarkdown, describeProblems }, { canvasFromContent }] = await Promise.all([
    import('../../domain/markdown/importCanvas'),
    import('../../domain/content'),
  ]);
  const result = readSafely(
    () => importCanvasMarkdown(text),
    (problems) => ({ ok: false as const, problems: problems.map((message) => ({ line: null, message })) }),
  );
  if (!result.ok) {
    setTransfer({ status: 'failed', fileName, problems: describeProblems(result.problems) });
    return { kind: 'other' };
  }
  if (result.template) {
    const template: Template = {
      ...result.template,
      id: newId(),
      preset: false,
      content: result.content,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    await useTemplateStore.getState().save(template);
    const privacy = await privacyNotice([canvasFromContent(result.content, template.id, newId, Date.now())], 'template');
    setTransfer({ status: 'done', fileName, message: `Imported the template “${template.name}”. It is in Templates.${privacy}` });
    return { kind: 'template', id: template.id };
  }
  const canvas = canvasFromContent(result.content, newId(), newId, Date.now());
  const id = await useLibraryStore.getState().add(canvas);
  const privacy = await privacyNotice([canvas]);
  setTransfer({ status: 'done', fileName, message: `Imported “${displayTitle(canvas)}” as a new canvas.${privacy}` });
  return { kind: 'canvas', id };
}

async function importBackup(fileName: string, text: string): Promise<ImportOutcome> {
  const { readBackup } = await import('../../domain/backup');
  const result = readSafely(
    () => readBackup(text),
    (problems) => ({ ok: false as const, problems }),
  );
  if (!result.ok) {
    setTransfer({ status: 'failed', fileName, problems: result.problems });
    return { kind: 'other' };
  }
  if (result.canvases.length === 0 && result.templates.length === 0) {
    setTransfer({ status: 'done', fileName, message: 'The backup holds no canvases or templates, so nothing was added.' });
    return { kind: 'other' };
  }
  const repo = await repository();
  const ownTemplateIds = new Set((await repo.listTemplates()).map((template) => template.id));
  const clashes =
    (await repo.existingIds(result.canvases.map((canvas) => canvas.id))).length +
    result.templates.filter((template) => ownTemplateIds.has(template.id)).length;
  if (clashes) {
    setTransfer({
      status: 'conflict',
      fileName,
      canvases: result.canvases,
      templates: result.templates,
      snapshots: result.snapshots,
      clashes,
    });
    return { kind: 'other' };
  }
  await restore(fileName, result.canvases, result.templates, result.snapshots, false);
  return { kind: 'other' };
}

/** The user's answer when a backup holds canvases that are already here. */
export async function resolveConflict(choice: 'keep-both' | 'replace' | 'cancel'): Promise<void> {
  const state = useTransferStore.getState();
  if (state.status !== 'conflict') return;
  if (choice === 'cancel') {
    setTransfer({ status: 'done', fileName: state.fileName, message: 'Restore cancelled. Nothing was changed.' });
    return;
  }
  // Before anything is awaited: a second click finds no question left to answer.
  setTransfer({ status: 'working', fileName: state.fileName });
  try {
    await restore(state.fileName, state.canvases, state.templates, state.snapshots, choice === 'replace');
  } catch (error) {
    console.warn('Outcome Canvas: restore failed', error);
    setTransfer({
      status: 'failed',
      fileName: state.fileName,
      problems: ['The browser would not store the backup. Nothing was restored; what was here is unchanged.'],
    });
  }
}

async function restore(fileName: string, canvases: Canvas[], templates: Template[], snapshots: Snapshot[], replace: boolean) {
  const summary = await useLibraryStore.getState().restoreBackup(canvases, templates, replace, snapshots);
  // Only a backup with templates changes them; listing them again would read every preset for nothing.
  if (summary.templates) await useTemplateStore.getState().load();
  const parts = [
    summary.added && `${summary.added} added`,
    summary.replaced && `${summary.replaced} replaced`,
    summary.copied &&
      (summary.copied === 1
        ? '1 added as a copy next to the one already here'
        : `${summary.copied} added as copies next to the ones already here`),
  ].filter(Boolean);
  const total = canvases.length;
  const templateNote = summary.templates ? ` and ${summary.templates} ${summary.templates === 1 ? 'template' : 'templates'}` : '';
  const detail = parts.length ? `: ${parts.join(', ')}` : '';
  const privacy = await privacyNotice(canvases);
  setTransfer({
    status: 'done',
    fileName,
    message: `Restored ${total} ${total === 1 ? 'canvas' : 'canvases'}${templateNote}${detail}.${sharedNote(summary.sharedKept)}${privacy}`,
  });
}

/** Why a shared canvas was not replaced: its room's copy would have come straight back over the backup's. */
function sharedNote(titles: string[]): string {
  if (titles.length === 0) return '';
  const names = titles.map((title) => `“${displayTitle({ title })}”`).join(', ');
  return titles.length === 1
    ? ` ${names} is shared with other people, so it was not replaced: the backup’s version is beside it as a copy, and the shared canvas is unchanged.`
    : ` ${names} are shared with other people, so they were not replaced: the backup’s versions are beside them as copies, and the shared canvases are unchanged.`;
}

/**
 * After the file is in (never instead of it): where the privacy check finds
 * text that looks like personal data about one person. The canvas shows the
 * same places, each with why and how to rephrase.
 */
async function privacyNotice(canvases: Canvas[], what: 'canvas' | 'template' = 'canvas'): Promise<string> {
  const { privacyPlaces, describePrivacyPlaces } = await import('../../domain/privacyPlaces');
  const found = canvases.filter((canvas) => canvas.deletedAt === null).map((canvas) => ({ canvas, places: privacyPlaces(canvas) }));
  const flagged = found.filter(({ places }) => places.length > 0);
  if (flagged.length === 0) return '';
  if (flagged.length === 1 && canvases.length === 1)
    return ` Text in it may be personal data about one person, in ${describePrivacyPlaces(flagged[0]!.places)}. ${
      what === 'template' ? 'A canvas started from it lists them' : 'The canvas lists them'
    }, with why and how to rephrase.`;
  const names = flagged.map(({ canvas, places }) => `“${displayTitle(canvas)}” (${places.length})`).join(', ');
  return ` Text that may be personal data about one person is in ${flagged.length} of them: ${names}. Each canvas lists where, with why and how to rephrase.`;
}

export async function downloadBackup(): Promise<number> {
  const repo = await repository();
  const [{ createBackup, backupFileName }, canvases, templates, snapshots] = await Promise.all([
    import('../../domain/backup'),
    repo.loadAllCanvases(),
    repo.listTemplates(),
    repo.loadAllSnapshots(),
  ]);
  const now = new Date();
  downloadText(backupFileName(now), createBackup(canvases, templates, now, snapshots), 'application/json');
  useDataSafetyStore.getState().recordBackup(now.getTime());
  return canvases.length;
}
