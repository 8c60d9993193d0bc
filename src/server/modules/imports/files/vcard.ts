import { malformedFile } from './problems.ts';

/**
 * vCard 2.1, 3.0 and 4.0 contacts (Outlook, Google, Apple, phones) as rows of the columns
 * below, which the mapping guesses match to a person's fields like any spreadsheet's headers.
 *
 * A small parser of our own rather than a library: ical.js reads 3.0/4.0 but not Outlook's
 * 2.1 (QUOTED-PRINTABLE values with a CHARSET, such as windows-1250), vcard4 reads 4.0 only,
 * and neither reports where a broken file breaks. What a contact list needs is small: unfold
 * lines, split name, parameters and value, undo escapes and quoted-printable, and pick a
 * dozen properties.
 */
export const VCARD_COLUMNS = [
  'First name',
  'Last name',
  'Full name',
  'Company',
  'Department',
  'Position',
  'E-mail',
  'E-mail 2',
  'Phone',
  'Mobile',
  'Street',
  'City',
  'Region',
  'Postal code',
  'Country',
  'Birth date',
  'Website',
  'Notes',
] as const;

type Column = (typeof VCARD_COLUMNS)[number];

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Physical lines joined where a long line was folded (a line starting with a space or tab). */
function unfold(text: string): Array<{ line: string; number: number }> {
  const lines: Array<{ line: string; number: number }> = [];
  const physical = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < physical.length; index++) {
    const line = physical[index] ?? '';
    const last = lines.at(-1);
    if (last && /^[ \t]/.test(line)) last.line += line.slice(1);
    // vCard 2.1 quoted-printable: a line ending in `=` continues on the next one.
    else if (
      last &&
      /ENCODING=QUOTED-PRINTABLE/i.test(last.line.split(':')[0] ?? '') &&
      last.line.endsWith('=')
    )
      last.line = last.line.slice(0, -1) + line;
    else if (line.trim() !== '') lines.push({ line, number: index + 1 });
  }
  return lines;
}

/** `item1.TEL;TYPE=CELL,VOICE;PREF=1:+48…` → name TEL, params, value (colons inside quotes kept). */
function parseLine(line: string): Property | null {
  let quoted = false;
  let colon = -1;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '"') quoted = !quoted;
    else if (line[index] === ':' && !quoted) {
      colon = index;
      break;
    }
  }
  if (colon < 0) return null;
  const [rawName = '', ...rawParams] = line.slice(0, colon).split(';');
  const name = rawName.replace(/^[^.]*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const param of rawParams) {
    const [key, value] = param.includes('=') ? param.split(/=(.*)/s) : ['TYPE', param];
    const values = (value ?? '').replace(/"/g, '').split(',');
    const upper = (key ?? '').toUpperCase();
    params.set(upper, [...(params.get(upper) ?? []), ...values.map((v) => v.trim())]);
  }
  return { name, params, value: line.slice(colon + 1) };
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index++) {
    const hex = value.slice(index + 1, index + 3);
    if (value[index] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else bytes.push(value.charCodeAt(index) & 0xff);
  }
  try {
    return new TextDecoder(charset || 'utf-8').decode(Uint8Array.from(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
  }
}

/** A value's components (`;`-separated) with backslash escapes undone. */
function components(property: Property): string[] {
  const encoding = property.params.get('ENCODING')?.[0]?.toUpperCase();
  const raw =
    encoding === 'QUOTED-PRINTABLE'
      ? decodeQuotedPrintable(property.value, property.params.get('CHARSET')?.[0] ?? 'utf-8')
      : property.value;
  const parts: string[] = [];
  let part = '';
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index] ?? '';
    if (char === '\\' && index + 1 < raw.length) {
      const next = raw[++index] ?? '';
      part += next === 'n' || next === 'N' ? '\n' : next;
    } else if (char === ';') {
      parts.push(part.trim());
      part = '';
    } else part += char;
  }
  parts.push(part.trim());
  return parts;
}

function types(property: Property): string[] {
  return (property.params.get('TYPE') ?? []).map((type) => type.toUpperCase());
}

/** One contact's properties as a row; the first of a kind wins, mobile and work phones apart. */
function rowOf(properties: Property[]): string[] {
  const row = new Map<Column, string>();
  const set = (column: Column, value: string | undefined) => {
    if (value && !row.has(column)) row.set(column, value);
  };
  for (const property of properties) {
    const parts = components(property);
    const text = parts.join(' ').trim();
    switch (property.name) {
      case 'N':
        set('Last name', parts[0]);
        set('First name', [parts[1], parts[2]].filter(Boolean).join(' '));
        break;
      case 'FN':
        set('Full name', property.value.includes('\\;') ? parts.join(';') : text);
        break;
      case 'ORG':
        set('Company', parts[0]);
        set('Department', parts.slice(1).filter(Boolean).join(', '));
        break;
      case 'TITLE':
        set('Position', text);
        break;
      case 'EMAIL':
        if (row.has('E-mail')) set('E-mail 2', text);
        else set('E-mail', text);
        break;
      case 'TEL':
        set(types(property).includes('CELL') ? 'Mobile' : 'Phone', property.value.replace(/^tel:/i, ''));
        break;
      case 'ADR':
        set('Street', [parts[2], parts[1]].filter(Boolean).join(' '));
        set('City', parts[3]);
        set('Region', parts[4]);
        set('Postal code', parts[5]);
        set('Country', parts[6]);
        break;
      case 'BDAY':
        set('Birth date', property.value.trim());
        break;
      case 'URL':
        set('Website', property.value.trim());
        break;
      case 'NOTE':
        set('Notes', parts.join(';'));
        break;
    }
  }
  // A card with only a formatted name (some phones) still has a first and last name.
  const full = row.get('Full name');
  if (full && !row.has('Last name') && !row.has('First name')) {
    const words = full.split(/\s+/);
    set('Last name', words.length > 1 ? words.at(-1) : full);
    set('First name', words.length > 1 ? words.slice(0, -1).join(' ') : undefined);
  }
  return VCARD_COLUMNS.map((column) => row.get(column) ?? '');
}

/**
 * The contacts of a vCard file, one row each (header excluded). A card without its END, an END
 * without a BEGIN or a line that is not a property is an error naming the line.
 */
export function* vcardRows(text: string): Generator<string[]> {
  let current: Property[] | null = null;
  let startedAt = 0;
  for (const { line, number } of unfold(text)) {
    const property = parseLine(line);
    if (!property) {
      throw malformedFile(`Line ${number} of the vCard file is not a property (NAME:value)`, {
        line: number,
        code: 'invalid_vcard_line',
      });
    }
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      if (current) {
        throw malformedFile(
          `The contact starting on line ${startedAt} has no END:VCARD before the next one`,
          {
            line: startedAt,
            code: 'vcard_without_end',
          },
        );
      }
      current = [];
      startedAt = number;
    } else if (property.name === 'END' && value === 'VCARD') {
      if (!current) {
        throw malformedFile(`Line ${number} ends a contact that never began (END:VCARD without BEGIN)`, {
          line: number,
          code: 'vcard_without_begin',
        });
      }
      yield rowOf(current);
      current = null;
    } else if (current) current.push(property);
  }
  if (current) {
    throw malformedFile(`The contact starting on line ${startedAt} has no END:VCARD: the file is cut short`, {
      line: startedAt,
      code: 'vcard_without_end',
    });
  }
}
