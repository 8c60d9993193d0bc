import type { Labels } from '../../../shared/metadata/types.ts';
import type { Dialect, Tx } from '../../db/dialects/dialect.ts';
import { idLists } from '../../db/id-lists.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';
import type { RecordEvent } from '../../records/events.ts';

export interface CaseFacts {
  id: number;
  topic: string;
  leadId: number | null;
  watchers: number[];
}

/** The tables and columns the rules read of an event's record (the case is read as CaseFacts). */
const RECORD_COLUMNS = {
  case_stage: { table: 'case_stage', columns: ['id', 'case_id', 'note', 'deleted_at'] },
  activity: { table: 'activity', columns: ['id', 'title', 'status', 'case_id', 'deleted_at'] },
  note: { table: 'note', columns: ['id', 'body', 'deleted_at'] },
} as const;

type RuleObject = keyof typeof RECORD_COLUMNS;
export type RuleRecord = Record<string, unknown>;

/**
 * Reads what the rules need, through the consumer's transaction, for a whole batch at once:
 * `prefetch` loads the records of the batch's events and their cases in a few queries (a
 * thousand stages on one case were a thousand look-ups); what it did not load is read on
 * demand. Records are as they are now, not as the event left them: a stage deleted since is
 * not worth telling about.
 */
export class RuleContext {
  private readonly labels = new Map<number, Promise<Labels | null>>();
  private readonly cases = new Map<number, CaseFacts | null>();
  private readonly records = new Map<string, RuleRecord | null>();

  constructor(
    readonly trx: Tx,
    readonly dialect: Dialect,
    readonly registry: MetadataRegistry,
  ) {}

  /** Loads the records of these events, and the cases they belong to. */
  async prefetch(events: ReadonlyArray<RecordEvent>): Promise<void> {
    const caseIds = new Set<number>();
    for (const object of Object.keys(RECORD_COLUMNS) as RuleObject[]) {
      const ids = events.filter((event) => event.object === object).map((event) => event.recordId);
      await this.load(object, ids);
      for (const id of ids) {
        const caseId = this.records.get(`${object}:${id}`)?.case_id;
        if (typeof caseId === 'number' || typeof caseId === 'string') caseIds.add(Number(caseId));
      }
    }
    for (const event of events) if (event.object === 'case') caseIds.add(event.recordId);
    await this.loadCases(caseIds);
  }

  /** The event's record (the columns the rules read), or null when it is gone. */
  async record(object: RuleObject, id: number): Promise<RuleRecord | null> {
    const key = `${object}:${id}`;
    if (!this.records.has(key)) await this.load(object, [id]);
    return this.records.get(key) ?? null;
  }

  private async load(object: RuleObject, ids: number[]): Promise<void> {
    const { table, columns } = RECORD_COLUMNS[object];
    const missing = ids.filter((id) => !this.records.has(`${object}:${id}`));
    for (const id of missing) this.records.set(`${object}:${id}`, null);
    for (const chunk of idLists(missing)) {
      const rows = await this.trx
        .selectFrom(table)
        .select([...columns])
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows as RuleRecord[]) this.records.set(`${object}:${Number(row.id)}`, row);
    }
  }

  /** A case that is not in the trash, with its lead and watchers as they are now. */
  async caseFacts(id: number): Promise<CaseFacts | null> {
    if (!this.cases.has(id)) await this.loadCases([id]);
    return this.cases.get(id) ?? null;
  }

  private async loadCases(ids: Iterable<number>): Promise<void> {
    const missing = [...ids].filter((id) => !this.cases.has(id));
    for (const id of missing) this.cases.set(id, null);
    for (const chunk of idLists(missing)) {
      const rows = await this.trx
        .selectFrom('client_case')
        .select(['id', 'topic', 'lead_id'])
        .where('id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .execute();
      const watchers = await this.trx
        .selectFrom('case_watcher')
        .select(['case_id', 'employee_id'])
        .where('case_id', 'in', chunk)
        .orderBy('employee_id')
        .execute();
      for (const row of rows) {
        const id = Number(row.id);
        this.cases.set(id, {
          id,
          topic: String(row.topic),
          leadId: row.lead_id === null ? null : Number(row.lead_id),
          watchers: watchers.filter((w) => Number(w.case_id) === id).map((w) => Number(w.employee_id)),
        });
      }
    }
  }

  /** A dictionary value's label in every language (a case's status). */
  dictionaryLabels(id: unknown): Promise<Labels | null> {
    if (typeof id !== 'number') return Promise.resolve(null);
    let labels = this.labels.get(id);
    if (!labels) {
      labels = this.trx
        .selectFrom('dictionary_value')
        .select(['label_en', 'label_pl', 'label_hu'])
        .where('id', '=', id)
        .executeTakeFirst()
        .then((row) =>
          row ? { en: String(row.label_en), pl: String(row.label_pl), hu: String(row.label_hu) } : null,
        );
      this.labels.set(id, labels);
    }
    return labels;
  }

  /** The label of a choice field's value (an activity's status) in every language. */
  choiceLabels(object: string, field: string, value: unknown): Labels | null {
    const options = this.registry.get(object)?.field(field)?.options ?? [];
    return options.find((option) => option.value === value)?.labels ?? null;
  }
}
