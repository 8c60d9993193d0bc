import { unsupportedFile } from './problems.ts';

export type FileFormat = 'csv' | 'xlsx' | 'vcard';

/**
 * Formats recognised by their first bytes, to tell the user what they sent instead of a
 * spreadsheet: a name's extension says nothing (a PNG renamed .csv is still a PNG).
 */
const SIGNATURES: ReadonlyArray<[bytes: number[], kind: string, message: string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'png', 'The file is a PNG image, not a spreadsheet or a contacts file'],
  [[0xff, 0xd8, 0xff], 'jpeg', 'The file is a JPEG image, not a spreadsheet or a contacts file'],
  [[0x47, 0x49, 0x46, 0x38], 'gif', 'The file is a GIF image, not a spreadsheet or a contacts file'],
  [
    [0x25, 0x50, 0x44, 0x46],
    'pdf',
    'The file is a PDF document: export the data as CSV or Excel (.xlsx) instead',
  ],
  [
    [0xd0, 0xcf, 0x11, 0xe0],
    'xls',
    'The file is an old Excel 97–2003 workbook (.xls): save it as Excel Workbook (.xlsx) or CSV and import that',
  ],
  [[0x1f, 0x8b], 'gzip', 'The file is compressed (gzip): unpack it first'],
  [[0x52, 0x61, 0x72, 0x21], 'rar', 'The file is a RAR archive: unpack it first'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z', 'The file is a 7-Zip archive: unpack it first'],
  [[0x7f, 0x45, 0x4c, 0x46], 'executable', 'The file is a program, not a spreadsheet or a contacts file'],
  [[0x4d, 0x5a], 'executable', 'The file is a program, not a spreadsheet or a contacts file'],
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Whether a ZIP archive holds an Excel workbook (its part names are stored uncompressed). */
function holdsWorkbook(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('xl/workbook.xml');
}

function holdsOpenDocument(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    'application/vnd.oasis.opendocument',
  );
}

/**
 * Binary data: NUL bytes (which no text in an 8-bit or UTF-8 encoding has) or many control
 * characters in the first 64 kB. UTF-16 text (it has NULs) is recognised by its byte order mark
 * before this is asked.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65_536);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) controls++;
  }
  return controls > sample.length / 100;
}

const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * The format of an uploaded file, from its content. Text is CSV unless it starts with a vCard.
 * Throws 415 for anything else, naming what it is when that is known.
 */
export function sniffFormat(bytes: Uint8Array, firstText: () => string): FileFormat {
  if (startsWith(bytes, ZIP)) {
    if (holdsWorkbook(bytes)) return 'xlsx';
    if (holdsOpenDocument(bytes)) {
      throw unsupportedFile(
        'The file is an OpenDocument spreadsheet (.ods): save it as Excel Workbook (.xlsx) or CSV and import that',
        'ods',
      );
    }
    throw unsupportedFile('The file is a ZIP archive, not an Excel workbook: unpack it first', 'zip');
  }
  for (const [signature, kind, message] of SIGNATURES) {
    if (startsWith(bytes, signature)) throw unsupportedFile(message, kind);
  }
  const utf16 = UTF16_BOMS.some((bom) => startsWith(bytes, bom));
  if (!utf16 && looksBinary(bytes)) {
    throw unsupportedFile('The file holds binary data, not text: it is not a CSV file or a vCard', 'binary');
  }
  return /^\s*BEGIN:VCARD/i.test(firstText()) ? 'vcard' : 'csv';
}
