/**
 * Turning a file's bytes into text, before any parser sees it. Browsers'
 * `File.text()` decodes everything as UTF-8 and silently swaps bytes it
 * cannot read for U+FFFD ("Caf� plan"), which would then be stored for
 * good. Here:
 * - a byte-order mark decides (UTF-8, UTF-16 LE or BE);
 * - otherwise valid UTF-8 is read as UTF-8;
 * - otherwise the text is read as Windows-1252 (what Notepad and Excel on a
 *   UK council laptop save as "ANSI"; it includes ISO-8859-1), and the user
 *   is told, so they can check accented letters;
 * - bytes that are no text in any of these (a binary file, or another
 *   encoding) are refused with a message about the file.
 */

export type DecodedFile =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; notice: string | null }
  | { ok: false; problem: string };

/** Bytes of Windows-1252 that are no character (and C0 controls a text never has). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT_1252 = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u0081\u008D\u008F\u0090\u009D]/;

export function decodeFileBytes(bytes: Uint8Array): DecodedFile {
  const decode = (label: string, fatal: boolean, from = 0) =>
    new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes.subarray(from));
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      return { ok: true, text: decode('utf-8', true, 3), encoding: 'utf-8', notice: null };
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: decode('utf-16le', true, 2), encoding: 'utf-16le', notice: null };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: decode('utf-16be', true, 2), encoding: 'utf-16be', notice: null };
  } catch {
    return { ok: false, problem: 'The file says which text encoding it uses, but its contents do not match it, so it was not read.' };
  }
  try {
    const text = decode('utf-8', true);
    if (text.includes('\u0000')) return notText();
    return { ok: true, text, encoding: 'utf-8', notice: null };
  } catch {
    /* not UTF-8: try the encoding Windows uses for "ANSI" text */
  }
  const text = decodeWindows1252(bytes);
  if (NOT_TEXT_1252.test(text)) return notText();
  return {
    ok: true,
    text,
    encoding: 'windows-1252',
    notice:
      'The file was not saved as UTF-8, so it was read as Western European (Windows-1252) text. Check that accented letters and symbols look right.',
  };
}

/**
 * Windows-1252 bytes 0x80 to 0x9F (the rest are the same as Unicode).
 * Decoded here rather than with TextDecoder, which in Node treats the label
 * as ISO-8859-1 and so turns "€" and curly quotes into control characters.
 * The five undefined bytes map to themselves, as the WHATWG decoder does.
 */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  bytes.forEach((byte, i) => (units[i] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte));
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return parts.join('');
}

function notText(): DecodedFile {
  return {
    ok: false,
    problem:
      'The file is not text the app can read: it may be a different kind of file, or text in an encoding other than UTF-8 or Windows-1252. Save it as UTF-8 text and try again.',
  };
}

/** True when a file holds nothing but white space (and perhaps a byte-order mark). */
export function isBlankText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trim() === '';
}

export const EMPTY_FILE = 'The file is empty: there is nothing in it to import.';
