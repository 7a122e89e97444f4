/**
 * The repository for a browser that refuses IndexedDB: canvases live in
 * this tab's memory until it closes. Same contract as the IndexedDB one
 * (test/unit/storage/repository.test.ts runs both).
 */
import { type CanvasChanges, metaOf } from '../domain/diff';
import { recoverMeta } from '../domain/merge';
import type { ImportPlan } from '../domain/importPlan';
import { assembleCanvas } from '../domain/assemble';
import { type IdMap, copyMap, recordOf } from '../domain/idMap';
import { type Canvas, type CanvasMeta, type Card, checkKey } from '../domain/model';
import { type Snapshot, type SnapshotListing, listingsNewestFirst, makeSnapshot, snapshotsToPrune } from '../domain/snapshots';
import { summaryOf, summaryProgress } from '../domain/summary';
import type { Template } from '../domain/templates';
import type { CanvasRepository, CanvasSummary, SaveOutcome } from './repository';

type Filter = <T extends { updatedAt: number }>(incoming: T, stored: T | undefined) => boolean;
const always: Filter = () => true;
const newer: Filter = (incoming, stored) => stored === undefined || stored.updatedAt <= incoming.updatedAt;

export class MemoryRepository implements CanvasRepository {
  readonly kind = 'memory';
  private readonly canvases = new Map<string, Canvas>();
  private readonly templates = new Map<string, Template>();
  private readonly snapshots = new Map<string, Snapshot>();

  async listCanvases(): Promise<CanvasSummary[]> {
    return [...this.canvases.values()].map((canvas) => {
      const summary = summaryOf(canvas);
      return { meta: summary.meta, progress: summaryProgress(summary) };
    });
  }

  async loadCanvas(id: string): Promise<Canvas | null> {
    return this.canvases.get(id) ?? null;
  }

  /** Read from the browser's storage, which this tab could not open: never this storage's canvas. */
  async adoptEarlyRead(): Promise<Canvas | null> {
    return null;
  }

  async loadAllCanvases(): Promise<Canvas[]> {
    return [...this.canvases.values()];
  }

  async existingIds(ids: string[]): Promise<string[]> {
    return ids.filter((id) => this.canvases.has(id));
  }

  // Memory belongs to one tab, so no other tab can have written in between: no conflicts to find.
  async saveChanges(canvasId: string, changes: CanvasChanges): Promise<SaveOutcome> {
    this.apply(canvasId, changes, always);
    return 'saved';
  }

  // Nothing outlives the tab in memory, so no note is ever recovered into it; this is for the contract's sake.
  async saveNewerChanges(canvasId: string, changes: CanvasChanges, metaBase: CanvasMeta | null): Promise<void> {
    const stored = this.canvases.get(canvasId);
    const meta = changes.meta && stored ? recoverMeta(metaOf(stored), changes.meta, metaBase ?? metaOf(stored)) : changes.meta;
    this.apply(canvasId, { ...changes, meta }, newer);
  }

  private apply(canvasId: string, changes: CanvasChanges, keep: Filter): void {
    const stored = this.canvases.get(canvasId);
    const { meta } = changes;
    const base: Canvas | null = stored ?? (meta ? assembleCanvas(meta, { cards: [], checks: [] }) : null);
    if (!base) return;
    const cards: Record<string, Card> = copyMap(base.cards);
    for (const card of changes.cards) if (keep(card, cards[card.id])) cards[card.id] = card;
    for (const id of changes.removedCardIds) delete cards[id];
    const checks = { ...base.checks };
    for (const check of changes.checks) {
      const key = checkKey(check.step, check.lens);
      if (keep(check, checks[key])) checks[key] = check;
    }
    const governance = { ...base.governance };
    for (const check of changes.governance) if (keep(check, governance[check.id])) governance[check.id] = check;
    const records = <T extends { id: string; updatedAt: number }>(current: IdMap<T>, changed: T[], removed: string[]) => {
      const next = copyMap(current);
      for (const record of changed) if (keep(record, recordOf(next, record.id))) next[record.id] = record;
      for (const id of removed) delete next[id];
      return next;
    };
    const actionItems = records(base.actionItems, changes.actionItems, changes.removedActionItemIds);
    const datasets = records(base.datasets, changes.datasets, changes.removedDatasetIds);
    this.canvases.set(canvasId, { ...base, ...meta, cards, checks, governance, actionItems, datasets });
  }

  async updateMeta(id: string, change: Partial<Pick<CanvasMeta, 'title' | 'deletedAt'>>, now: number): Promise<void> {
    const canvas = this.canvases.get(id);
    if (canvas) this.canvases.set(id, { ...canvas, ...change, updatedAt: now });
  }

  async purgeDeleted(): Promise<number> {
    let count = 0;
    for (const [id, canvas] of this.canvases) {
      if (canvas.deletedAt !== null) {
        this.canvases.delete(id);
        for (const snapshot of this.snapshots.values()) if (snapshot.canvasId === id) this.snapshots.delete(snapshot.id);
        count++;
      }
    }
    return count;
  }

  async importCanvases(plan: ImportPlan, now: number, newId: () => string): Promise<void> {
    for (const { canvas, replaces } of plan.canvases) {
      const old = this.canvases.get(canvas.id);
      if (replaces && old) await this.addSnapshot(makeSnapshot(old, 'before-import', newId(), now));
      this.canvases.set(canvas.id, canvas);
    }
    for (const snapshot of plan.snapshots) this.snapshots.set(snapshot.id, snapshot);
    for (const template of plan.templates) this.templates.set(template.id, template);
  }

  async listSnapshots(canvasId: string): Promise<SnapshotListing[]> {
    return listingsNewestFirst([...this.snapshots.values()].filter((snapshot) => snapshot.canvasId === canvasId));
  }

  async loadSnapshot(id: string): Promise<Snapshot | null> {
    return this.snapshots.get(id) ?? null;
  }

  async loadAllSnapshots(): Promise<Snapshot[]> {
    return [...this.snapshots.values()];
  }

  async cardOwners(ids: string[]): Promise<Map<string, string>> {
    const wanted = new Set(ids);
    const owners = new Map<string, string>();
    for (const canvas of this.canvases.values()) for (const id of Object.keys(canvas.cards)) if (wanted.has(id)) owners.set(id, canvas.id);
    return owners;
  }

  async existingSnapshotIds(ids: string[]): Promise<string[]> {
    return ids.filter((id) => this.snapshots.has(id));
  }

  async addSnapshot(snapshot: Snapshot): Promise<void> {
    this.snapshots.set(snapshot.id, snapshot);
    const doomed = snapshotsToPrune(
      [...this.snapshots.values()].filter((other) => other.canvasId === snapshot.canvasId),
      snapshot.takenAt,
    );
    doomed.forEach((id) => this.snapshots.delete(id));
  }

  async latestSnapshotAt(canvasId: string): Promise<number | null> {
    const times = [...this.snapshots.values()].filter((snapshot) => snapshot.canvasId === canvasId).map((snapshot) => snapshot.takenAt);
    return times.length ? Math.max(...times) : null;
  }

  async listTemplates(): Promise<Template[]> {
    return [...this.templates.values()];
  }

  async saveTemplate(template: Template): Promise<void> {
    this.templates.set(template.id, template);
  }

  async deleteTemplate(id: string): Promise<void> {
    this.templates.delete(id);
  }
}
