import type { FieldDefinition } from '../metadata/define-object.ts';
import { serverType } from '../metadata/field-types/registry.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';

type JsonSchema = Record<string, unknown>;

function fieldSchema(field: FieldDefinition): JsonSchema {
  const description = field.labels.en + (field.readOnly ? ' (read-only)' : '');
  const schema = serverType(field).schema(field);
  const own = typeof schema.description === 'string' ? `${description}: ${schema.description}` : description;
  const type = schema.type;
  // Optional scalar values may be null; a boolean is never unknown and a list is empty instead.
  const nullable = !field.required && type !== 'boolean' && type !== 'array';
  return { ...schema, description: own, ...(nullable ? { type: [type, 'null'] } : {}) };
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
