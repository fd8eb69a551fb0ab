/** npm run schema: writes public/schema/paper.schema.json from the Zod schema. A test fails when it is stale. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { paperJsonSchema } from '../schema/json-schema.ts';

const SCHEMA_FILE = 'public/schema/paper.schema.json';

mkdirSync('public/schema', { recursive: true });
writeFileSync(SCHEMA_FILE, `${JSON.stringify(paperJsonSchema(), null, 2)}\n`);
console.log(`wrote ${SCHEMA_FILE}`);
