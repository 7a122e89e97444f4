/**
 * Text cleaning at the doors where text enters: imported files and backups.
 * Line endings become \n; the byte-order mark and control characters other
 * than tab and newline go (they cannot be typed, and some break other tools).
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

/** Text as the Markdown format carries it: cleaned, without trailing line breaks. */
export function normaliseText(text: string): string {
  return cleanText(text).replace(/\n+$/, '');
}

/** A file-name-safe slug: lower case, accents dropped, dashes between words, at most `max` characters. */
export function slugify(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max + 1)
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/**
 * Made when first needed, not when this module loads: a page's first Intl.Segmenter costs tens of
 * milliseconds (more on a slow laptop), and this module loads with every opening of a canvas,
 * where no text is over its limit.
 */
let graphemes: Intl.Segmenter | null | undefined;
function graphemeSegmenter(): Intl.Segmenter | null {
  if (graphemes === undefined)
    graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  return graphemes;
}

/**
 * Text cut to at most `max` UTF-16 code units (the unit every limit is
 * counted in) without splitting a character: never half of an emoji's
 * surrogate pair, a family emoji's joiners or an accent from its letter.
 */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  const segmenter = graphemeSegmenter();
  if (segmenter) {
    let end = 0;
    for (const { segment, index } of segmenter.segment(text)) {
      if (index + segment.length > max) break;
      end = index + segment.length;
    }
    return text.slice(0, end);
  }
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** One line: line breaks and tabs become spaces (names, owners and titles sit on one line). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}
