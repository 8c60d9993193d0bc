/** Values per `IN (…)` list: well under SQLite's and PostgreSQL's parameter limits. */
export const IDS_PER_QUERY = 1_000;

/** The distinct values in lists of at most IDS_PER_QUERY, one query's worth each. */
export function idLists<T>(values: Iterable<T>): T[][] {
  const all = [...new Set(values)];
  const lists: T[][] = [];
  for (let start = 0; start < all.length; start += IDS_PER_QUERY)
    lists.push(all.slice(start, start + IDS_PER_QUERY));
  return lists;
}
