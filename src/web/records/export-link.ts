import type { Filter } from '../../shared/filter/types.ts';
import type { Locale, SortSpec } from '../../shared/metadata/types.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'vcf';

/** What an export asks the server for: the list's query (or the marked rows) and the columns. */
export interface ExportRequest {
  format: ExportFormat;
  /** The list's visible columns, in their order; absent when `allFields`. */
  fields?: string[];
  /** Every field the reader may export, in the object's order, instead of the visible columns. */
  allFields?: true;
  filter?: Filter;
  q?: string;
  sort?: SortSpec[];
  ids?: number[];
  exceptIds?: number[];
  locale: Locale;
}

/** Longest export address the browser is handed as a plain link (well under common URL limits). */
const MAX_LINK_LENGTH = 6000;

/** The GET form of an export, or null when the selection is too long for an address. */
export function exportLink(object: string, body: ExportRequest): string | null {
  const params = new URLSearchParams({ format: body.format });
  if (body.allFields) params.set('allFields', 'true');
  else params.set('fields', (body.fields ?? []).join(','));
  params.set('locale', body.locale);
  if (body.filter) params.set('filter', JSON.stringify(body.filter));
  if (body.q) params.set('q', body.q);
  if (body.sort?.length) {
    params.set(
      'sort',
      body.sort.map((key) => `${key.direction === 'desc' ? '-' : ''}${key.field}`).join(','),
    );
  }
  if (body.ids?.length) params.set('ids', body.ids.join(','));
  if (body.exceptIds?.length) params.set('exceptIds', body.exceptIds.join(','));
  const link = `/api/records/${encodeURIComponent(object)}/export?${params.toString()}`;
  return link.length <= MAX_LINK_LENGTH ? link : null;
}

export interface ExportChoice {
  format: ExportFormat;
  /** Every field rather than the visible columns (a vCard takes its own fields either way). */
  allFields: boolean;
  columns: string[];
  sort: SortSpec[];
  locale: Locale;
  /** The marked rows, or null for the whole list as filtered and searched. */
  selection: Pick<ExportRequest, 'ids' | 'filter' | 'q' | 'exceptIds'> | null;
  list: { filter: Filter | null; q: string };
}

/** The request for an export the reader picked in the menu. */
export function exportRequest(choice: ExportChoice): ExportRequest {
  const scope = choice.selection ?? {
    ...(choice.list.filter ? { filter: choice.list.filter } : {}),
    ...(choice.list.q ? { q: choice.list.q } : {}),
  };
  const columns: Pick<ExportRequest, 'fields' | 'allFields'> =
    choice.allFields && choice.format !== 'vcf' ? { allFields: true } : { fields: choice.columns };
  return { format: choice.format, ...columns, sort: choice.sort, locale: choice.locale, ...scope };
}
