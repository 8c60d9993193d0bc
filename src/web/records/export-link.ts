import type { Filter } from '../../shared/filter/types.ts';
import type { Locale, SortSpec } from '../../shared/metadata/types.ts';

/** What an export asks the server for: the list's query (or the marked rows) and the columns. */
export interface ExportRequest {
  format: 'csv' | 'xlsx' | 'vcf';
  fields: string[];
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
  const params = new URLSearchParams({
    format: body.format,
    fields: body.fields.join(','),
    locale: body.locale,
  });
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
