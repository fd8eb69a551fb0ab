/**
 * Reads the Zod schema itself: which fields an object accepts at a given path of the data, so that an
 * unknown-field error can list them and suggest the nearest.
 */
import type { z } from 'astro/zod';
import { PaperFrontmatter } from '../schema/paper.ts';
import type { FieldPath } from './locate.ts';

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  values?: unknown[];
}
const defOf = (schema: AnySchema) => schema._zod.def as Def;

/** Strips optional/default/transform wrappers, and picks the option of a result union that `data.kind` names. */
function resolve(schema: AnySchema, data: unknown): AnySchema | undefined {
  const def = defOf(schema);
  if (def.innerType) return resolve(def.innerType, data);
  if (def.type === 'pipe' && def.in) return resolve(def.in, data);
  if (def.type === 'union') {
    const kind = (data as { kind?: unknown } | undefined)?.kind;
    const option = def.options?.find((o) => {
      const literal = defOf(o).shape?.kind;
      return literal !== undefined && defOf(literal).values?.includes(kind);
    });
    return option && resolve(option, data);
  }
  return schema;
}

/** The field names the schema accepts for the object at `path` in `data`; [] where that is not an object. */
export function fieldsAt(path: FieldPath, data: unknown): string[] {
  let schema = resolve(PaperFrontmatter, data);
  let value = data;
  for (const segment of path) {
    if (!schema) return [];
    const def = defOf(schema);
    const next = def.type === 'array' ? def.element : def.shape?.[String(segment)];
    value = (value as Record<string | number, unknown> | undefined)?.[segment];
    schema = next && resolve(next, value);
  }
  return schema ? Object.keys(defOf(schema).shape ?? {}) : [];
}
