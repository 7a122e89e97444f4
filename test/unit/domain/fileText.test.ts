// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeFileBytes, isBlankText } from '../../../src/domain/fileText';
import { importCanvasMarkdown } from '../../../src/domain/markdown/importCanvas';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Text as Windows-1252 (Notepad's "ANSI"): every character here is one byte. */
const windows1252 = (text: string) =>
  Uint8Array.from([...text], (char) => ({ '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 })[char] ?? char.charCodeAt(0));
const utf16 = (text: string, littleEndian: boolean) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(bytes.buffer);
  [...text].forEach((_, i) => view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian));
  return bytes;
};

const CANVAS = '---\nformat: outcome-canvas\nversion: 2\n---\n\n# Café plan – “résumé” £5 €10\n\n## Outcome\n\n- Naïve façade\n';

describe('decodeFileBytes', () => {
  it('reads UTF-8 as it is, with or without a byte-order mark', () => {
    expect(decodeFileBytes(utf8(CANVAS))).toEqual({ ok: true, text: CANVAS, encoding: 'utf-8', notice: null });
    expect(decodeFileBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CANVAS)]))).toMatchObject({ ok: true, text: CANVAS });
  });

  it('reads UTF-16 with a byte-order mark, either way round', () => {
    expect(decodeFileBytes(utf16(CANVAS, true))).toMatchObject({ ok: true, text: CANVAS, encoding: 'utf-16le' });
    expect(decodeFileBytes(utf16(CANVAS, false))).toMatchObject({ ok: true, text: CANVAS, encoding: 'utf-16be' });
  });

  it('reads a Windows-1252 (Latin-1) file correctly, never storing U+FFFD, and says it did', () => {
    const decoded = decodeFileBytes(windows1252(CANVAS));
    expect(decoded).toMatchObject({ ok: true, text: CANVAS, encoding: 'windows-1252' });
    expect(decoded.ok && decoded.text).not.toContain('\uFFFD');
    expect(decoded.ok && decoded.notice).toMatch(/not saved as UTF-8.*Windows-1252.*Check that accented letters/);
    const imported = importCanvasMarkdown(decoded.ok ? decoded.text : '');
    expect(imported.ok && imported.content.title).toBe('Café plan – “résumé” £5 €10');
    expect(imported.ok && imported.content.cards.outcome[0]!.text).toBe('Naïve façade');
  });

  it('refuses bytes that are not text, with a message about the file', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x81, 0x8d,
    ]);
    expect(decodeFileBytes(png)).toEqual({ ok: false, problem: expect.stringMatching(/not text the app can read.*Save it as UTF-8/) });
    // UTF-16 without a byte-order mark is valid UTF-8 full of zero bytes.
    expect(decodeFileBytes(utf16(CANVAS, true).subarray(2))).toMatchObject({ ok: false });
  });

  it('refuses a file whose byte-order mark does not match its contents', () => {
    expect(decodeFileBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x41]))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/do not match/),
    });
  });
});

describe('isBlankText', () => {
  it('is true only for nothing but white space', () => {
    expect(isBlankText('')).toBe(true);
    expect(isBlankText('\uFEFF \n\t')).toBe(true);
    expect(isBlankText(' x ')).toBe(false);
  });
});
