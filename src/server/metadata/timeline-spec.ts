import type { FieldMeta } from '../../shared/metadata/types.ts';

/**
 * How an object's records appear in the timeline of the records they are about (a client's
 * file): an activity in its company's and its participants' timelines, a case stage in its
 * case's company's. Field names are checked when the object is defined.
 */
export interface TimelineSpec {
  /** The date-time field the entry is placed at (an activity's start, a stage's time). */
  at: string;
  /**
   * Relation paths to the records in whose timeline an entry appears (`company`,
   * `case.company`, a multiRelation `participants`); an entry shows where any path leads.
   */
  about: string[];
  /** Fields whose shown values make the one-line summary, joined by " · ". */
  summary: string[];
  /** The relation to the case the entry belongs to (grouping and the `case` filter). */
  case?: string;
  /** Relations to people and to employees, for the timeline's person and employee filters. */
  people?: string[];
  employees?: string[];
  /** A select or choice field that refines the entry's type (an activity's kind: call, meeting). */
  kind?: string;
}

/** Every field a timeline names exists, and its time is a date-time. */
export function checkTimeline(
  object: string,
  timeline: TimelineSpec,
  byKey: ReadonlyMap<string, FieldMeta>,
): void {
  const named = [
    timeline.at,
    ...timeline.summary,
    ...(timeline.case ? [timeline.case] : []),
    ...(timeline.people ?? []),
    ...(timeline.employees ?? []),
    ...(timeline.kind ? [timeline.kind] : []),
    ...timeline.about.map((path) => path.split('.')[0] ?? ''),
  ];
  const unknown = named.filter((key) => !byKey.has(key));
  if (unknown.length > 0 || byKey.get(timeline.at)?.type !== 'dateTime')
    throw new Error(
      `${object}: timeline names unknown fields (${unknown.join(', ')}) or its time is not a date-time`,
    );
}
