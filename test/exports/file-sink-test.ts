/** Streamed text files: the bytes on disk are exactly the UTF-8 of the pieces, whatever their sizes. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { utf8Chunks, writeText } from '../../src/exports/file-sink.ts';

const dir = mkdtempSync(join(tmpdir(), 'file-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('pieces of multi-byte text, small and larger than a chunk, are written whole and in order', async () => {
  const pieces = [
    ...Array.from({ length: 30_000 }, (_, i) => `${i}: 1.2 mA g⁻¹ ≥ 5 µL 🔋\r\n`),
    'Ω'.repeat(3_000_000),
    ...Array.from({ length: 1_000 }, (_, i) => `"tail ${i}",`),
  ];
  const path = join(dir, 'text.txt');
  const bytes = await writeText(path, pieces);
  const expected = Buffer.from(pieces.join(''), 'utf8');
  expect(bytes).toBe(expected.length);
  expect(readFileSync(path).equals(expected)).toBe(true);
});

test('chunks of any size hold the exact UTF-8 of the pieces and never split a character', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme' })), fc.integer({ min: 1, max: 64 }), (pieces, chunkBytes) => {
      const chunks = [...utf8Chunks(pieces, chunkBytes)];
      expect(Buffer.concat(chunks).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      const strict = new TextDecoder('utf-8', { fatal: true });
      for (const chunk of chunks) expect(() => strict.decode(chunk)).not.toThrow();
    }),
  );
});

test('a failure while producing the text removes the partial file', async () => {
  const path = join(dir, 'failed.txt');
  function* failing(): Generator<string> {
    yield 'x'.repeat(3_000_000);
    throw new Error('bad row');
  }
  await expect(writeText(path, failing())).rejects.toThrow('bad row');
  expect(existsSync(path)).toBe(false);
});

test('a file that cannot be opened fails with the system error', async () => {
  await expect(writeText(join(dir, 'missing-folder', 'text.txt'), ['x'])).rejects.toThrow(/ENOENT/);
});
