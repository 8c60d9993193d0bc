import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { FieldDefinition, ObjectDefinition } from './define-object.ts';

/** Where an audience path leads: relations to follow, then the field naming the readers. */
export interface AudiencePath {
  hops: FieldDefinition[];
  field: FieldDefinition;
  names: 'employee' | 'department' | 'work_group';
}

/** All objects the engine serves. Custom objects from the database will join them here. */
export class MetadataRegistry {
  private readonly objects = new Map<string, ObjectDefinition>();
  private readonly descriptions = new Map<string, ObjectMeta>();

  constructor(definitions: ObjectDefinition[]) {
    for (const definition of definitions) this.objects.set(definition.key, definition);
    const withTimeline = this.timelineSubjects();
    for (const definition of definitions) {
      this.descriptions.set(definition.key, describeObject(definition, withTimeline.has(definition.key)));
    }
    for (const definition of definitions) {
      for (const f of definition.fields) {
        if (f.target && !this.objects.has(f.target)) {
          throw new Error(`${definition.key}.${f.key} points at unknown object ${f.target}`);
        }
      }
      if (definition.owner) this.ownerPath(definition);
      if (definition.subject) this.subjectPath(definition);
      for (const path of definition.audience) this.audiencePath(definition, path);
      for (const f of definition.fields) if (f.inheritFrom) this.checkInheritance(definition, f);
    }
  }

  /** `inheritFrom: 'parent.register'`: a relation, then a field of its target like this one. */
  private checkInheritance(definition: ObjectDefinition, field: FieldDefinition): void {
    const [via = '', from = '', ...rest] = (field.inheritFrom ?? '').split('.');
    const source = this.objects.get(definition.field(via)?.target ?? '')?.field(from);
    const sameKind = source?.type === field.type && source.target === field.target;
    if (rest.length > 0 || definition.field(via)?.type !== 'relation' || !sameKind || !field.target) {
      throw new Error(`${definition.key}.${field.key}: cannot inherit from ${field.inheritFrom}`);
    }
  }

  /**
   * The fields an audience path names (`register.members` → [task.register,
   * task_register.members]): relations up to the last step, which names employees,
   * departments or work groups (a relation or a membership).
   */
  audiencePath(definition: ObjectDefinition, dotted: string): AudiencePath {
    const keys = dotted.split('.');
    const last = keys.pop() ?? '';
    const hops = keys.length > 0 ? this.relationPath(definition, keys.join('.'), 'audience') : [];
    const holder = hops.length > 0 ? this.objects.get(hops.at(-1)?.target ?? '') : definition;
    const field = holder?.field(last);
    const names = field?.target;
    if (
      !field ||
      (field.type !== 'relation' && field.type !== 'multiRelation') ||
      (names !== 'employee' && names !== 'department' && names !== 'work_group')
    ) {
      throw new Error(
        `${definition.key}: audience path ${dotted} must end at employees, departments or work groups`,
      );
    }
    return { hops, field, names };
  }

  /**
   * The relation fields from an object to its owning employee (`company.account_manager` →
   * [person.company, company.account_manager]); empty for `self` (the employee object).
   */
  ownerPath(definition: ObjectDefinition): FieldDefinition[] {
    if (!definition.owner) throw new Error(`${definition.key} declares no owner`);
    if (definition.owner === 'self') return [];
    const path = this.relationPath(definition, definition.owner, 'owner');
    const last = path.at(-1);
    if (last && this.objects.get(last.target ?? '')?.owner !== 'self') {
      throw new Error(`${definition.key}: owner path ${definition.owner} must end at the employee object`);
    }
    return path;
  }

  /**
   * The relation fields from an object to the record whose file its changes belong in
   * (`case.company` → [case_stage.case, case.company]); empty for `self`.
   */
  subjectPath(definition: ObjectDefinition): FieldDefinition[] {
    if (!definition.subject) throw new Error(`${definition.key} declares no subject`);
    if (definition.subject === 'self') return [];
    return this.relationPath(definition, definition.subject, 'subject');
  }

  /** The relation fields a dotted path names, each checked to be a relation. */
  private relationPath(definition: ObjectDefinition, dotted: string, what: string): FieldDefinition[] {
    const path: FieldDefinition[] = [];
    let current: ObjectDefinition | undefined = definition;
    for (const key of dotted.split('.')) {
      const step: FieldDefinition | undefined = current?.field(key);
      if (step?.type !== 'relation' || !step.target) {
        throw new Error(`${definition.key}: ${what} path ${dotted} needs relations, not ${key}`);
      }
      path.push(step);
      current = this.objects.get(step.target);
    }
    return path;
  }

  /** The object a dotted path of relations ends at (`case.company` → company), or null. */
  pathTarget(definition: ObjectDefinition, path: string): string | null {
    let current: ObjectDefinition | undefined = definition;
    let target: string | null = null;
    for (const key of path.split('.')) {
      target = current?.field(key)?.target ?? null;
      if (!target) return null;
      current = this.objects.get(target);
    }
    return target;
  }

  /** Objects in whose timeline other objects' records appear (where a timeline's `about` leads). */
  private timelineSubjects(): Set<string> {
    const subjects = new Set<string>();
    for (const definition of this.objects.values()) {
      for (const path of definition.timeline?.about ?? []) {
        const target = this.pathTarget(definition, path);
        if (target) subjects.add(target);
      }
    }
    return subjects;
  }

  get(key: string): ObjectDefinition | undefined {
    return this.objects.get(key);
  }

  list(): ObjectDefinition[] {
    return [...this.objects.values()];
  }

  /** The public description of an object, as served by /api/metadata. */
  describe(key: string): ObjectMeta | undefined {
    return this.descriptions.get(key);
  }

  /** The lookup the shared filter validator needs. */
  readonly lookup = (key: string): ObjectMeta | undefined => this.descriptions.get(key);
}

function describeObject(definition: ObjectDefinition, timeline: boolean): ObjectMeta {
  return {
    key: definition.key,
    labels: definition.labels,
    icon: definition.icon,
    titleFields: definition.titleFields,
    titleOrder: definition.titleOrder,
    grammaticalGender: definition.grammaticalGender,
    givenNameField: definition.givenNameField,
    searchable: definition.searchFields.length > 0,
    defaultSort: definition.defaultSort,
    owner: definition.owner,
    actions: definition.actions,
    sections: definition.sections,
    headerFacts: definition.headerFacts,
    ...(timeline ? { timeline: true } : {}),
    ...(definition.timeline ? { timelineEntry: true } : {}),
    ...(definition.comments ? { comments: true } : {}),
    fields: definition.fields.map(
      ({
        column: _column,
        columns: _columns,
        through: _through,
        defaultCode: _defaultCode,
        inheritFrom: _inheritFrom,
        ...meta
      }) => meta,
    ),
  };
}
