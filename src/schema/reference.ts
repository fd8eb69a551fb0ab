/**
 * The contributor field reference, generated from the JSON Schema (and so from the Zod schema): one row per
 * field, with one section per result kind.
 */
import { paperJsonSchema, type JsonSchema } from './json-schema.ts';

export interface FieldDoc {
  path: string;
  required: boolean;
  type: string;
  description: string;
}

export interface ReferenceSection {
  title: string;
  fields: FieldDoc[];
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const options = s.anyOf ?? s.oneOf;
  if (options) return options.map(typeOf).join(' | ');
  if (s.type === 'array' && s.items) return `list of ${typeOf(s.items)}`;
  if (s.type === 'integer') return 'whole number';
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
}

function flatten(schema: JsonSchema, prefix: string, required: boolean): FieldDoc[] {
  const rows: FieldDoc[] = [];
  if (prefix !== '') rows.push({ path: prefix, required, type: typeOf(schema), description: schema.description ?? '' });
  const objectSchema = schema.type === 'array' && schema.items?.properties ? schema.items : schema;
  const itemPrefix = objectSchema === schema ? prefix : `${prefix}[]`;
  for (const [key, child] of Object.entries(objectSchema.properties ?? {})) {
    const path = itemPrefix === '' ? key : `${itemPrefix}.${key}`;
    rows.push(...flatten(child, path, objectSchema.required?.includes(key) ?? false));
  }
  return rows;
}

export function fieldReference(): ReferenceSection[] {
  const root = paperJsonSchema();
  const { results, ...rest } = root.properties ?? {};
  const sections: ReferenceSection[] = [{ title: 'File', fields: flatten({ ...root, properties: rest }, '', true) }];
  const kinds = (results?.items?.oneOf ?? []).map((kind) => ({
    name: String(kind.properties?.kind?.const ?? 'result'),
    description: kind.description ?? '',
    fields: flatten(kind, 'results[]', true),
  }));
  // Fields every kind shares (id, sample, conditions, source, note) are listed once.
  const shared = (path: string) => kinds.every((k) => k.fields.some((f) => f.path === path));
  const first = kinds[0]?.fields ?? [];
  sections.push({ title: 'Every result', fields: first.filter((f) => shared(f.path) && f.path !== 'results[].kind') });
  for (const kind of kinds)
    sections.push({
      title: `Result kind “${kind.name}”: ${kind.description}`,
      fields: kind.fields.filter((f) => !shared(f.path) || f.path === 'results[].kind'),
    });
  return sections;
}
