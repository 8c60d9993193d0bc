/**
 * Which character encoding a text file is in, and its text.
 *
 * Decoding uses the WHATWG TextDecoder built into Node (full ICU), which knows every encoding
 * named here, so no conversion library is needed. Detection is our own, restricted to what
 * Polish and Hungarian users' files are really in: statistical detectors (chardet) guess among
 * forty encodings and, on a short file of names, pick windows-1252 or windows-1257 about as
 * often as the right one (measured: "Nazwa;Miasto\nŹródło;Łódź" in windows-1250 came out as
 * windows-1252). Here the evidence is exact:
 * 1. a byte order mark says it (UTF-8, UTF-16 LE/BE);
 * 2. text that decodes as strict UTF-8 is UTF-8 (single-byte Polish or Hungarian text almost
 *    never forms valid multi-byte sequences);
 * 3. otherwise it is windows-1250 or ISO-8859-2, which agree on every Hungarian letter and
 *    differ on ą ś ź Ą Ś Ź: each reading is scored (letters count for it, C1 control characters
 *    and stray symbols like ± ¶ ¬ against it) and the better one wins, windows-1250 on a tie
 *    (it is what Excel on Windows saves).
 */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1250',
  'iso-8859-2',
  'windows-1252',
] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  /** Said when a declared encoding did not fit the bytes and another was used. */
  warning?: string;
}

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Symbols that a Central European single-byte reading of a letter turns into, not text. */
const STRAY_SYMBOLS = /[±¶¦¬ˇ˘˛˝¤µ·¸»«©®]/gu;
/** Letters the wrong one of the two readings gives (Slovak, Czech) instead of Polish ones. */
const UNLIKELY_LETTERS = /[šŠťŤľĽ]/gu;
const C1_CONTROLS = /[\u0080-\u009f]/gu;
const NON_ASCII_LETTERS = /[\u00c0-\u024f]/gu;

/** How much a reading looks like Polish or Hungarian text: higher is likelier. */
function plausibility(text: string): number {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return (
    count(NON_ASCII_LETTERS) -
    2 * count(UNLIKELY_LETTERS) -
    3 * count(STRAY_SYMBOLS) -
    10 * count(C1_CONTROLS)
  );
}

function singleByte(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const cp1250 = decodeAs(bytes, 'windows-1250');
  const latin2 = decodeAs(bytes, 'iso-8859-2');
  return plausibility(latin2) > plausibility(cp1250)
    ? { text: latin2, encoding: 'iso-8859-2' }
    : { text: cp1250, encoding: 'windows-1250' };
}

export function isTextEncoding(value: string): value is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(value);
}

/** The text of a file, in the encoding it declares (when it fits) or the one detected. */
export function decodeText(bytes: Uint8Array, declared?: TextEncoding): DecodedText {
  const bom = bomOf(bytes);
  if (bom) {
    return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, bom: true };
  }
  const utf8 = strictUtf8(bytes);
  if (declared && declared !== 'utf-8') {
    if (utf8 !== null && /[^\p{ASCII}]/u.test(utf8)) {
      return {
        text: utf8,
        encoding: 'utf-8',
        bom: false,
        warning: `The file was said to be ${declared}, but it is UTF-8: it was read as UTF-8`,
      };
    }
    return { text: decodeAs(bytes, declared), encoding: declared, bom: false };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  const detected = singleByte(bytes);
  return {
    ...detected,
    bom: false,
    warning: declared
      ? `The file was said to be UTF-8, but it is not: it was read as ${detected.encoding}`
      : undefined,
  };
}
