import { useMemo } from 'react';
import type { MetadataLookup } from '../../../shared/filter/validate.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { useObjects } from '../../modules/metadata/index.ts';

/**
 * The metadata lookup the shared filter helpers need, from the cached metadata query. `meta`
 * always resolves, so own-field conditions work even before the query has answered.
 */
export function useMetadataLookup(meta: ObjectMeta): MetadataLookup {
  const objects = useObjects();
  return useMemo(() => {
    const byKey = new Map((objects.data ?? []).map((object) => [object.key, object]));
    if (!byKey.has(meta.key)) byKey.set(meta.key, meta);
    return (key: string) => byKey.get(key);
  }, [objects.data, meta]);
}
