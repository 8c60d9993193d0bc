import { setImmediate as nextTurn } from 'node:timers/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ZipArchive } from './zip.ts';

/**
 * The parts of a workbook the importer needs before its first worksheet: where that sheet is,
 * the date system, the shared strings and each cell style's number format. Read with a SAX
 * parser over the XML; element names compared without their namespace prefix (`x:row` from
 * the Open XML SDK is `row`).
 */

export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** A SAX parser whose events carry local names and plain attributes; `write` it text. */
export function xmlParser(handlers: XmlHandlers): SaxesParser {
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) =>
    handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>),
  );
  parser.on('closetag', (tag: SaxesTagPlain) => handlers.close?.(localName(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  return parser;
}

function parseWhole(bytes: Uint8Array | null, handlers: XmlHandlers): void {
  if (!bytes) return;
  const parser = xmlParser(handlers);
  parser.write(new TextDecoder().decode(bytes));
  parser.close();
}

/** An attribute by local name (`r:id` is `id`). */
function attribute(attributes: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
  return undefined;
}

export interface WorkbookParts {
  /** The path of the first worksheet in the workbook's tab order. */
  sheetPath: string;
  date1904: boolean;
  sharedStrings: string[];
  /** Per cell style (the `s` attribute): its number format code, or '' for General. */
  formats: string[];
}

/** Number formats Excel does not write out; ids 27–36 and 50–58 are East Asian dates. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy-mm-dd h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
for (let id = 27; id <= 36; id++) BUILT_IN_FORMATS[id] = 'yyyy-mm-dd';
for (let id = 50; id <= 58; id++) BUILT_IN_FORMATS[id] = 'yyyy-mm-dd';

/** A part named relative to `xl/` (`worksheets/sheet1.xml`, `/xl/…`, `../xl/…`). */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(zip: ZipArchive): Map<string, { type: string; path: string }> {
  const found = new Map<string, { type: string; path: string }>();
  parseWhole(zip.read('xl/_rels/workbook.xml.rels'), {
    open(name, attributes) {
      if (name !== 'Relationship' || !attributes.Id || !attributes.Target) return;
      found.set(attributes.Id, { type: attributes.Type ?? '', path: partPath(attributes.Target) });
    },
  });
  return found;
}

function firstSheet(zip: ZipArchive): { relationId: string | null; date1904: boolean } {
  let relationId: string | null = null;
  let date1904 = false;
  parseWhole(zip.read('xl/workbook.xml'), {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
      if (name === 'sheet' && relationId === null) relationId = attribute(attributes, 'id') ?? null;
    },
  });
  return { relationId, date1904 };
}

/**
 * Shared strings; a rich one is its runs joined, without phonetic guides (`rPh`). A big table
 * (hundreds of thousands of strings) is parsed piece by piece with a turn of the event loop
 * between pieces, so other requests are served meanwhile.
 */
async function sharedStrings(zip: ZipArchive, path: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  if (!zip.has(path)) return strings;
  const parser = xmlParser({
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    close(name) {
      if (name === 'si' && current) strings.push(current.join(''));
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText) current?.push(text);
    },
  });
  const decoder = new TextDecoder();
  for (const chunk of zip.stream(path)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    await nextTurn();
  }
  parser.write(decoder.decode());
  parser.close();
  return strings;
}

function cellFormats(bytes: Uint8Array | null): string[] {
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellStyles = false;
  parseWhole(bytes, {
    open(name, attributes) {
      if (name === 'numFmt' && attributes.numFmtId !== undefined)
        custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellStyles = true;
      else if (name === 'xf' && inCellStyles) {
        const id = Number(attributes.numFmtId ?? 0);
        formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? '');
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellStyles = false;
    },
  });
  return formats;
}

export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  if (!zip.has('xl/workbook.xml')) throw new Error('it has no workbook (xl/workbook.xml)');
  const rels = relationships(zip);
  const { relationId, date1904 } = firstSheet(zip);
  const sheetPath = (relationId && rels.get(relationId)?.path) ?? 'xl/worksheets/sheet1.xml';
  if (!zip.has(sheetPath)) throw new Error(`its first worksheet (${sheetPath}) is missing`);
  const byType = (suffix: string) => [...rels.values()].find((rel) => rel.type.endsWith(suffix))?.path;
  return {
    sheetPath,
    date1904,
    sharedStrings: await sharedStrings(zip, byType('/sharedStrings') ?? 'xl/sharedStrings.xml'),
    formats: cellFormats(zip.read(byType('/styles') ?? 'xl/styles.xml')),
  };
}
