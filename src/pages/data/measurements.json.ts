import { dataset } from '../../site-data.ts';

export function GET(): Response {
  return new Response(JSON.stringify(dataset.rows, null, 1), { headers: { 'Content-Type': 'application/json' } });
}
