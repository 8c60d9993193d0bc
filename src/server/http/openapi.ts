import type { FieldDefinition } from '../metadata/define-object.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';

type JsonSchema = Record<string, unknown>;

function fieldSchema(field: FieldDefinition): JsonSchema {
  const description = field.labels.en + (field.readOnly ? ' (read-only)' : '');
  const nullable = (schema: JsonSchema): JsonSchema =>
    field.required ? schema : { ...schema, type: [schema.type as string, 'null'] };
  switch (field.type) {
    case 'integer':
      return nullable({ type: 'integer', description, minimum: field.min, maximum: field.max });
    case 'boolean':
      return { type: 'boolean', description };
    case 'date':
      return nullable({ type: 'string', format: 'date', description });
    case 'dateTime':
      return nullable({ type: 'string', format: 'date-time', description });
    case 'select':
    case 'relation':
      return nullable({
        type: 'integer',
        description: `${description}: id of a ${field.dictionary ?? field.target}`,
      });
    case 'multiRelation':
      return {
        type: 'array',
        items: { type: 'integer' },
        description: `${description}: ids of ${field.target}`,
      };
    default:
      return nullable({
        type: 'string',
        maxLength: field.maxLength,
        format: field.type === 'email' ? 'email' : field.type === 'url' ? 'uri' : undefined,
        description,
      });
  }
}

/** One OpenAPI schema per object, derived from the same metadata that validates writes. */
export function objectSchemas(registry: MetadataRegistry): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  for (const definition of registry.list()) {
    const name = definition.key
      .split('_')
      .map((part) => part[0]?.toUpperCase() + part.slice(1))
      .join('');
    schemas[name] = {
      type: 'object',
      description: definition.labels.one.en,
      properties: Object.fromEntries(definition.fields.map((f) => [f.key, fieldSchema(f)])),
      required: definition.fields.filter((f) => f.required).map((f) => f.key),
    };
  }
  return schemas;
}
