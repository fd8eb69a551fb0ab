/** The JSON Schema of a paper file's frontmatter, generated from the Zod schema (input side: what files hold). */
import { z } from 'astro/zod';
import { PaperFrontmatter, SCHEMA_VERSION } from './paper.ts';

export type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  [key: string]: unknown;
};

export function paperJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(PaperFrontmatter, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  return {
    ...schema,
    $id: `https://battery-atlas.example/schema/paper.v${SCHEMA_VERSION}.schema.json`,
    title: `Battery Atlas paper file, schema version ${SCHEMA_VERSION}`,
  };
}
