/** One entry of `GET /api/timeline/:object/:id`, as the server gives it and the web app reads it. */
export interface TimelineItem {
  /** `<type>:<id>`: unique in the timeline. */
  id: string;
  at: string;
  /** The object of entries from records (`activity`, `case_stage`…) or `change`. */
  type: string;
  /** What refines the type (an activity's kind: call, meeting), with its code for an icon. */
  kind: { id: number; title: string; code?: string; color?: string | null } | null;
  icon: string;
  title: string;
  summary: string;
  object: string;
  recordId: number;
  actor: { id: number; name: string } | null;
  caseId: number | null;
}

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}
