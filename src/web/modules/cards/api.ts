import { useQuery } from '@tanstack/react-query';
import type { Locale, ObjectMeta } from '../../../shared/metadata/types.ts';
import { ApiError, api } from '../../app/api-client.ts';
import type { ListResponse } from '../../app/api-types.ts';

/** On a card there is room for a few; a client with more is better served by its page. */
const MAX_CONTACTS = 20;

/**
 * The records of a child object pointing at one company (its phones, its e-mails), as the reader
 * may see them: none when they may not read the object (it is absent from their metadata).
 */
export function useCompanyChildren(child: ObjectMeta | undefined, companyId: number | null, locale: Locale) {
  return useQuery({
    queryKey: ['records', child?.key ?? 'none', 'card-children', companyId, locale],
    enabled: child !== undefined && companyId !== null,
    queryFn: async ({ signal }) => {
      if (!child || companyId === null) return [];
      try {
        const list = await api.post<ListResponse>(
          `/api/records/${encodeURIComponent(child.key)}/query`,
          {
            filter: { field: 'company', op: 'eq', value: companyId },
            expand: ['kind'],
            limit: MAX_CONTACTS,
            locale,
          },
          { signal },
        );
        return list.items;
      } catch (error) {
        // A field the reader may not see (the link, the kind) leaves the card without them.
        if (error instanceof ApiError && (error.status === 400 || error.status === 403)) return [];
        throw error;
      }
    },
  });
}
