/**
 * The incremental build reuses a page whose cacheKey is unchanged, so a key must change with anything its page
 * shows and stay put otherwise: after a one-paper change, only that paper's page is rendered again.
 */
import { describe, expect, test } from 'vitest';
import { keyedByProps } from '../../src/cache-key.ts';
import { paperPaths } from '../../src/listings.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { DOU, REAL_FILES, mutated } from '../helpers.ts';

const keysOf = (files = REAL_FILES) =>
  Object.fromEntries(paperPaths(runPipeline(files).dataset).map((p) => [p.params.id, p.cacheKey]));
const DOU_ID = 'dou-2024-metastable-bisnsb';

describe('paper page cache keys', () => {
  test('are the same from one build to the next', () => {
    expect(keysOf()).toEqual(keysOf());
  });

  test('change for the changed paper only', () => {
    const before = keysOf();
    const changed = REAL_FILES.map((f) =>
      f.path === DOU ? mutated(DOU, 'capacity: 343.4 mAh g-1', 'capacity: 343.5 mAh g-1') : f,
    );
    const after = keysOf(changed);
    expect(after[DOU_ID]).not.toBe(before[DOU_ID]);
    for (const id of Object.keys(before).filter((id) => id !== DOU_ID)) expect(after[id], id).toBe(before[id]);
  });

  test('change when something shown from the paper entry changes (its citation)', () => {
    const changed = REAL_FILES.map((f) => (f.path === DOU ? mutated(DOU, '- Shuming Dou', '- Shuming Doe') : f));
    expect(keysOf(changed)[DOU_ID]).not.toBe(keysOf()[DOU_ID]);
  });

  test("give each page its own paper's entry", () => {
    const { dataset } = runPipeline(REAL_FILES);
    for (const { params, props } of paperPaths(dataset)) {
      const entry = dataset.papers.find((p) => p.id === params.id)!;
      expect(props.paper.id).toBe(params.id);
      expect(props).toMatchObject({ citation: entry.citation, rowCount: entry.row_count });
    }
  });

  test('refuse a paper file named by a number, whose page would be a page of the list of papers', () => {
    const numbered = REAL_FILES.map((f) => (f.path === DOU ? { ...f, path: 'content/papers/2.md' } : f));
    expect(() => paperPaths(runPipeline(numbered).dataset)).toThrow(
      /^content\/papers\/2\.md: a paper file cannot be named by a number, since \/papers\/2\/ is page 2/,
    );
  });
});

describe('keyedByProps', () => {
  const pages = (second: string[]) => [
    { params: { page: undefined }, props: { page: { data: ['a', 'b'], currentPage: 1 } } },
    { params: { page: '2' }, props: { page: { data: second, currentPage: 2 } } },
  ];

  test('keys a page by what it shows', () => {
    const before = keyedByProps(pages(['c']));
    const after = keyedByProps(pages(['c', 'd']));
    expect(after[0]!.cacheKey).toBe(before[0]!.cacheKey);
    expect(after[1]!.cacheKey).not.toBe(before[1]!.cacheKey);
    expect(after[1]!.props).toEqual(pages(['c', 'd'])[1]!.props);
  });
});
