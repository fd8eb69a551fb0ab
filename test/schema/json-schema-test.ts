import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { paperJsonSchema } from '../../src/schema/json-schema.ts';
import { fieldReference } from '../../src/schema/reference.ts';
import { RESULT_KINDS } from '../../src/schema/paper.ts';

describe('generated from the Zod schema', () => {
  test('the committed JSON Schema is up to date (run `npm run schema` if not)', () => {
    const committed = JSON.parse(readFileSync('public/schema/paper.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(paperJsonSchema())));
  });

  test('the field reference covers every result kind and documents every field', () => {
    const sections = fieldReference();
    const titles = sections.map((s) => s.title.split(':')[0]);
    for (const kind of RESULT_KINDS) expect(titles).toContain(`Result kind “${kind}”`);
    const all = sections.flatMap((s) => s.fields);
    expect(all.find((f) => f.path === 'results[].conditions.one_c')?.description).toMatch(/1C/);
    const undocumented = all.filter(
      (f) => f.description === '' && !f.type.startsWith('object') && f.type !== 'list of object',
    );
    expect(undocumented.map((f) => f.path)).toEqual([]);
  });
});
