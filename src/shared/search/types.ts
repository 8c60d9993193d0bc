/** What `GET /api/search` answers: shared by the server that builds it and the web app that shows it. */

/** One subtitle fact of a hit, labelled in the reader's language ("NIP", "725-18-01-126"). */
export interface SearchFact {
  field: string;
  label: string;
  value: string;
}

export interface GlobalSearchHit {
  object: string;
  id: number;
  title: string;
  /** The object's subtitle fields joined ("Łódź · 725-18-01-126"), or null when it has none. */
  subtitle: string | null;
  /** The same values with their fields' labels, for a reader who asks "which number is that?". */
  facts: SearchFact[];
  /**
   * `title`: the record's own title matched (exactly, as a prefix or word by word); `other`:
   * only its other search fields did (a person through the company domain of their e-mail).
   * Title matches come first.
   */
  matched: 'title' | 'other';
  rank: number;
}

/** Matches per object, counted as the object's list counts its quick search (`?q=`). */
export interface SearchCounts {
  objects: Array<{ object: string; count: number; exact: boolean }>;
  total: number;
  /** False when some object has more matches than are counted exactly ("10,000+"). */
  exact: boolean;
}

export interface GlobalSearchResult {
  items: GlobalSearchHit[];
  counts?: SearchCounts;
}
