import { COLUMNS } from '../../pipeline/columns.ts';

export function GET(): Response {
  return new Response(JSON.stringify(COLUMNS, null, 1), { headers: { 'Content-Type': 'application/json' } });
}
