import { dataset } from '../../site-data.ts';
import { toCsv } from '../../pipeline/dataset.ts';

export function GET(): Response {
  return new Response(toCsv(dataset.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
