/**
 * Sees what an incoming Yjs update would change before the real document
 * takes it. A Yjs update is a set of items and deletions whose meaning
 * depends on the document it meets, so the only sound way to read it is to
 * apply it: each served document has a shadow copy, kept equal to it, and an
 * update is applied to the shadow first. Its changes are read from the
 * shadow's events (which key of which record, which text), the policy judges
 * them, and only then does the real document apply the update. A refused
 * update leaves the shadow rebuilt from the real document.
 *
 * An update that needs something the server has not got (Yjs keeps it
 * "pending") is refused too: its effect could only be judged later, when
 * someone else's update completes it.
 */
import * as Y from 'yjs';

export type KeyAction = 'add' | 'update' | 'delete';

export type Change =
  /** A key of a map was set or removed; `value` is what it holds now. */
  | { kind: 'key'; path: readonly string[]; key: string; action: KeyAction; value: unknown }
  /** A `Y.Text` changed; `delta` is the change, `length` the text's length after it. */
  | { kind: 'text'; path: readonly string[]; delta: readonly Record<string, unknown>[]; length: number }
  /** Something no client of ours writes: an unknown root, list content in a map, formatting. */
  | { kind: 'malformed'; path: readonly string[]; detail: string };

export interface Inspection {
  changes: Change[];
  /** The update depends on content the server does not have. */
  incomplete: boolean;
}

/** The name under which a root type is shared in its document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are generic over their events
type AnyType = Y.AbstractType<any>;

function rootName(doc: Y.Doc, type: AnyType): string {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return '?';
}

function topType(type: AnyType): AnyType {
  let current = type;
  while (current._item) current = current._item.parent as AnyType;
  return current;
}

export class Shadow {
  private copy!: Y.Doc;
  private collecting: Change[] | null = null;
  private readonly follow = (update: Uint8Array) => Y.applyUpdate(this.copy, update);

  constructor(
    private readonly main: Y.Doc,
    private readonly roots: readonly string[],
  ) {
    this.rebuild();
    main.on('update', this.follow);
  }

  destroy(): void {
    this.main.off('update', this.follow);
    this.copy.destroy();
  }

  /** The shadow's document: equal to the real one, plus an update being judged. */
  get doc(): Y.Doc {
    return this.copy;
  }

  /** Applies the update to the shadow and lists what it changed. */
  inspect(update: Uint8Array): Inspection {
    const store = this.copy.store;
    const wasIncomplete = store.pendingStructs !== null || store.pendingDs !== null;
    const changes: Change[] = [];
    this.collecting = changes;
    try {
      Y.applyUpdate(this.copy, update);
    } finally {
      this.collecting = null;
    }
    const incomplete = !wasIncomplete && (store.pendingStructs !== null || store.pendingDs !== null);
    return { changes, incomplete };
  }

  /** Forgets a refused update: the shadow becomes a fresh copy of the real document. */
  discard(): void {
    this.copy.destroy();
    this.rebuild();
  }

  private rebuild(): void {
    const copy = new Y.Doc();
    this.copy = copy;
    for (const name of this.roots) {
      copy.getMap(name).observeDeep((events) => {
        if (this.collecting) for (const event of events) this.collecting.push(...describe(name, event));
      });
    }
    copy.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!this.collecting) return;
      for (const [type, keys] of transaction.changed) {
        const top = topType(type);
        const name = rootName(copy, top);
        if (!this.roots.includes(name)) this.collecting.push({ kind: 'malformed', path: [name], detail: `unknown part "${name}"` });
        else if (type instanceof Y.Map && keys.has(null))
          this.collecting.push({ kind: 'malformed', path: [name], detail: 'list content in a map' });
      }
    });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.main));
  }
}

function describe(root: string, event: Y.YEvent<AnyType>): Change[] {
  const path = [root, ...event.path.map(String)];
  const target = event.target;
  if (target instanceof Y.Text) {
    if (event.changes.keys.size > 0) return [{ kind: 'malformed', path, detail: 'formatting on text' }];
    return [{ kind: 'text', path, delta: event.delta as Record<string, unknown>[], length: target.length }];
  }
  if (target instanceof Y.Map) {
    const changes: Change[] = [];
    if (event.changes.delta.length > 0) changes.push({ kind: 'malformed', path, detail: 'list content in a map' });
    for (const [key, { action }] of event.changes.keys) {
      changes.push({ kind: 'key', path, key, action, value: action === 'delete' ? undefined : target.get(key) });
    }
    return changes;
  }
  return [{ kind: 'malformed', path, detail: 'a list or XML type' }];
}
