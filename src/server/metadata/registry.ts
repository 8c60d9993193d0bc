import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { ObjectDefinition } from './define-object.ts';
import { company } from './standard/company.ts';
import { dictionaryValue } from './standard/dictionary-value.ts';
import { employee } from './standard/employee.ts';
import { companyGroup, personGroup } from './standard/groups.ts';
import { person } from './standard/person.ts';
import { userAccount } from './standard/user-account.ts';

/** All objects the engine serves. Custom objects from the database will join them here. */
export class MetadataRegistry {
  private readonly objects = new Map<string, ObjectDefinition>();
  private readonly descriptions = new Map<string, ObjectMeta>();

  constructor(definitions: ObjectDefinition[]) {
    for (const definition of definitions) {
      this.objects.set(definition.key, definition);
      this.descriptions.set(definition.key, describeObject(definition));
    }
    for (const definition of definitions) {
      for (const f of definition.fields) {
        if (f.target && !this.objects.has(f.target)) {
          throw new Error(`${definition.key}.${f.key} points at unknown object ${f.target}`);
        }
      }
    }
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

function describeObject(definition: ObjectDefinition): ObjectMeta {
  return {
    key: definition.key,
    labels: definition.labels,
    icon: definition.icon,
    titleFields: definition.titleFields,
    searchable: definition.searchFields.length > 0,
    defaultSort: definition.defaultSort,
    fields: definition.fields.map(({ column: _column, through: _through, ...meta }) => meta),
  };
}

export function standardRegistry(): MetadataRegistry {
  return new MetadataRegistry([
    dictionaryValue,
    employee,
    userAccount,
    company,
    person,
    companyGroup,
    personGroup,
  ]);
}
