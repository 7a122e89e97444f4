/**
 * A three-way merge of one text field changed in two tabs at once (each
 * from the same saved `base`), keeping every character either side typed.
 *
 * Edits in different places both apply, as in any merge. Where both changed
 * the same place, the result holds this tab's text first, then a separator,
 * then the other tab's: nothing is dropped, and the typist's own words stay
 * where they were. (Character-level merging of live typing comes with the
 * sync engine; this is the rule until then.)
 */
import { diff3Merge } from 'node-diff3';

/** Beyond this many differing characters the merge is not worth its cost: both whole texts are kept. */
const MAX_MERGED_SPAN = 4_000;

export type TextMerger = (base: string, ours: string, theirs: string, separator: string) => string;

function commonPrefix(a: string[], b: string[], c: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && i < c.length && a[i] === b[i] && a[i] === c[i]) i++;
  return i;
}

function commonSuffix(a: string[], b: string[], c: string[], prefix: number): number {
  let i = 0;
  while (
    i < a.length - prefix &&
    i < b.length - prefix &&
    i < c.length - prefix &&
    a[a.length - 1 - i] === b[b.length - 1 - i] &&
    a[a.length - 1 - i] === c[c.length - 1 - i]
  )
    i++;
  return i;
}

/** Both versions of a part changed on both sides: ours, the separator, theirs (an empty side adds nothing). */
function keepBoth(ours: string, theirs: string, separator: string): string {
  if (!ours) return theirs;
  if (!theirs) return ours;
  return ours + separator + theirs;
}

type Chunk = { ok: string[] } | { conflict: { a: string[]; o: string[]; b: string[] } };

/** Words and the spaces between them, so a word replaced on both sides is kept whole, once from each. */
const words = (text: string) => text.split(/(\s+)/).filter(Boolean);

/** A clean character-level merge of one region, or null when both sides changed the same characters. */
function mergeCharacters(base: string, ours: string, theirs: string): string | null {
  let out = '';
  for (const chunk of diff3Merge(Array.from(ours), Array.from(base), Array.from(theirs), { excludeFalseConflicts: true }) as Chunk[]) {
    if (!('ok' in chunk)) return null;
    out += chunk.ok.join('');
  }
  return out;
}

/**
 * Word by word; where both sides changed the same words, letter by letter
 * (two people typing at either end of one word); where they changed the
 * same letters too, both versions, ours first.
 */
function mergeWords(base: string, ours: string, theirs: string, separator: string): string {
  let out = '';
  for (const chunk of diff3Merge(words(ours), words(base), words(theirs), { excludeFalseConflicts: true }) as Chunk[]) {
    if ('ok' in chunk) {
      out += chunk.ok.join('');
      continue;
    }
    const [o, a, b] = [chunk.conflict.o.join(''), chunk.conflict.a.join(''), chunk.conflict.b.join('')];
    out += mergeCharacters(o, a, b) ?? keepBoth(a, b, separator);
  }
  return out;
}

export const mergeText: TextMerger = (base, ours, theirs, separator) => {
  if (ours === theirs || theirs === base) return ours;
  if (ours === base) return theirs;
  // Code points, not UTF-16 units, so an emoji is never split.
  const o = Array.from(base);
  const a = Array.from(ours);
  const b = Array.from(theirs);
  // Typing changes a small part of a text: merge only the part that differs.
  // (Back to the nearest space, so a word typed into on both sides is merged whole.)
  let prefix = commonPrefix(o, a, b);
  while (prefix > 0 && !/\s/.test(o[prefix - 1]!)) prefix--;
  let suffix = commonSuffix(o, a, b, prefix);
  while (suffix > 0 && !/\s/.test(o[o.length - suffix]!)) suffix--;
  const head = o.slice(0, prefix).join('');
  const tail = o.slice(o.length - suffix).join('');
  const part = (chars: string[]) => chars.slice(prefix, chars.length - suffix).join('');
  const [om, am, bm] = [part(o), part(a), part(b)];
  if (am.length + bm.length + om.length > MAX_MERGED_SPAN) return head + keepBoth(am, bm, separator) + tail;
  return head + mergeWords(om, am, bm, separator) + tail;
};
