import { titleFieldsIn } from '../../../shared/metadata/title.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';
import { type Content, renderPdf, type TableCell } from '../../pdf/render.ts';
import type { ApiRecord, RecordRef } from '../../records/present.ts';
import { ValueText } from '../../records/value-text.ts';
import type { HistoryItem, PersonalData, RelatedSection } from './collect.ts';
import { PDF_WORDS, type PdfWords } from './pdf-words.ts';

/** Fields that say nothing to the person the document is about. */
const INTERNAL_FIELDS = new Set(['version']);

/** Headings carry a headline level, so none is left alone at the foot of a page (`pageBreakBefore`). */
const heading = (text: string): Content => ({ text, style: 'h2', headlineLevel: 1 });

function keyValueTable(words: PdfWords, rows: Array<[string, string]>): Content {
  const body: TableCell[][] = [
    [
      { text: words.field, style: 'th' },
      { text: words.value, style: 'th' },
    ],
    ...rows.map(([label, value]): TableCell[] => [{ text: label, bold: true }, value]),
  ];
  return {
    table: { headerRows: 1, widths: [140, '*'], body, dontBreakRows: true },
    layout: 'lightHorizontalLines',
  };
}

/** The record's non-empty fields as [label, text] rows, in declaration order. */
function recordRows(
  definition: ObjectDefinition,
  keys: string[],
  record: ApiRecord,
  values: ValueText,
  skip: ReadonlySet<string> = new Set(),
): Array<[string, string]> {
  const expanded = (record._expanded ?? {}) as Record<string, RecordRef | RecordRef[] | null>;
  const rows: Array<[string, string]> = [];
  for (const key of keys) {
    const field = definition.field(key);
    // Memberships have their own section (groups).
    if (!field || INTERNAL_FIELDS.has(key) || skip.has(key) || field.through) continue;
    const text = values.of(field, record[key], expanded[key]);
    if (text !== '') rows.push([field.labels[values.locale], text]);
  }
  return rows;
}

function relatedContent(
  registry: MetadataRegistry,
  section: RelatedSection,
  words: PdfWords,
  values: ValueText,
): Content[] {
  const definition = registry.get(section.object);
  if (!definition) return [];
  const content: Content[] = [heading(`${section.label} (${section.records.length})`)];
  if (section.records.length === 0) content.push({ text: words.none, style: 'muted' });
  for (const record of section.records) {
    const trashed = typeof record.deleted_at === 'string' ? `, ${words.inTrash}` : '';
    const title = titleFieldsIn(definition, values.locale)
      .map((key) => record[key])
      .filter((value) => typeof value === 'string' && value !== '')
      .join(' ');
    const name = `${title || definition.labels.one[values.locale]} (#${String(record.id)}${trashed})`;
    content.push({ text: name, style: 'h3', headlineLevel: 1 });
    const keys = section.fields.map((field) => field.key);
    content.push(
      keyValueTable(words, recordRows(definition, keys, record, values, new Set([section.via, 'id']))),
    );
  }
  if (section.truncated) content.push({ text: words.truncated, style: 'muted' });
  return content;
}

function historyValue(
  definition: ObjectDefinition,
  entry: HistoryItem,
  side: 'old' | 'new',
  values: ValueText,
): string {
  const value = side === 'old' ? entry.oldValue : entry.newValue;
  const title = side === 'old' ? entry.oldTitle : entry.newTitle;
  if (title !== null) return title;
  if (entry.field === null) {
    // An anonymisation's own row carries its reason.
    const reason = (value as { reason?: unknown } | null)?.reason;
    return typeof reason === 'string' ? reason : '';
  }
  const field = definition.field(entry.field);
  return field ? values.of(field, value) : JSON.stringify(value ?? '');
}

function historyContent(
  definition: ObjectDefinition,
  data: PersonalData,
  words: PdfWords,
  values: ValueText,
) {
  const content: Content[] = [heading(words.history)];
  if (data.history.length === 0) return [...content, { text: words.none, style: 'muted' }];
  const header: TableCell[] = [
    words.when,
    words.who,
    words.change,
    words.field,
    words.before,
    words.after,
  ].map((text) => ({ text, style: 'th' }));
  const body: TableCell[][] = [
    header,
    ...data.history.map((entry): TableCell[] => [
      values.instant(entry.changedAt),
      entry.changedByTitle ?? (entry.changedBy === null ? words.system : `#${entry.changedBy}`),
      words.actions[entry.action],
      entry.fieldLabel ?? '',
      historyValue(definition, entry, 'old', values),
      historyValue(definition, entry, 'new', values),
    ]),
  ];
  content.push({
    table: { headerRows: 1, widths: [70, 60, 55, 65, '*', '*'], body },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  });
  if (data.historyTruncated) content.push({ text: words.truncated, style: 'muted' });
  return content;
}

function sharesContent(data: PersonalData, words: PdfWords, values: ValueText): Content[] {
  const content: Content[] = [heading(words.shares)];
  if (data.shares.length === 0) return [...content, { text: words.none, style: 'muted' }];
  const body: TableCell[][] = [
    [words.sharedWith, words.access, words.since].map((text) => ({ text, style: 'th' })),
    ...data.shares.map((share): TableCell[] => [
      `${words.shareTarget[share.with.object]}: ${share.with.title ?? `#${share.with.id}`}`,
      words.shareAccess[share.access] ?? share.access,
      values.instant(share.createdAt),
    ]),
  ];
  content.push({ table: { headerRows: 1, widths: ['*', 80, 120], body }, layout: 'lightHorizontalLines' });
  return content;
}

/**
 * The export as a document for a person to read: their record, the records that refer to them,
 * their groups, the history of changes and the shares, with headings and tables, dates and
 * values in the reader's language.
 */
export async function personalDataPdf(
  registry: MetadataRegistry,
  data: PersonalData,
  generatedBy: string,
): Promise<Buffer> {
  const definition = registry.get(data.subject.object);
  if (!definition) throw new Error(`unknown object ${data.subject.object}`);
  const words = PDF_WORDS[data.locale];
  const values = new ValueText(data.locale, data.timeZone);
  const title = words.title(data.subject.title);
  const keys = data.fields.map((field) => field.key);
  const content: Content[] = [
    { text: title, style: 'h1' },
    { text: words.generated(values.instant(data.generatedAt), generatedBy), style: 'muted' },
    { text: words.intro, margin: [0, 8, 0, 0] },
    heading(words.person),
    keyValueTable(words, recordRows(definition, keys, data.record, values)),
    heading(words.groups),
    data.groups.length > 0
      ? { ul: data.groups.map((group) => group.title) }
      : { text: words.none, style: 'muted' },
    ...data.related.flatMap((section) => relatedContent(registry, section, words, values)),
    ...historyContent(definition, data, words, values),
    ...sharesContent(data, words, values),
  ];
  return renderPdf({
    info: { title, creator: 'Kartoteka', producer: 'Kartoteka' },
    language: data.locale,
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    footer: (current, total) => ({
      text: words.page(current, total),
      alignment: 'right',
      fontSize: 8,
      margin: [40, 16, 40, 0],
    }),
    content,
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 13, bold: true, margin: [0, 16, 0, 6] },
      h3: { fontSize: 10, bold: true, margin: [0, 8, 0, 2] },
      th: { bold: true, fillColor: '#eeeeee' },
      muted: { fontSize: 9, color: '#555555' },
    },
    defaultStyle: { fontSize: 10, lineHeight: 1.15 },
  });
}
