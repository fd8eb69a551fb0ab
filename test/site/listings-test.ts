/** The site's lists: bounded selections for the home page, and paginated lists that hold every item once. */
import { describe, expect, test } from 'vitest';
import {
  facetRanges,
  materialRows,
  negativeFindings,
  newestFirst,
  pageHref,
  paperListings,
} from '../../src/listings.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { IONS, MATERIAL_CLASSES, ROLES } from '../../src/schema/paper.ts';
import { REAL_FILES } from '../helpers.ts';

const { dataset } = runPipeline(REAL_FILES);

test('newest first: by year, descending, then by id', () => {
  const papers = [
    { id: 'b-2021', year: 2021 },
    { id: 'c-2024', year: 2024 },
    { id: 'a-2021', year: 2021 },
  ];
  expect(newestFirst(papers).map((p) => p.id)).toEqual(['c-2024', 'a-2021', 'b-2021']);
  expect(paperListings(dataset.papers)).toHaveLength(dataset.papers.length);
});

test('pages of a list are addressed /base/, /base/2/, …', () => {
  expect([1, 2, 10].map((n) => pageHref('/materials/', n))).toEqual(['/materials/', '/materials/2/', '/materials/10/']);
});

describe('negative findings', () => {
  const findings = negativeFindings(dataset.detail);
  const results = dataset.detail.flatMap((paper) => paper.results.map((result) => ({ paper, result })));

  test('are every negative result of a sample that is not a control, and nothing else', () => {
    const expected = results.filter(({ result }) => result.verdict === 'negative' && !result.sample.control);
    expect(expected.length).toBeGreaterThan(0);
    expect(findings.map((f) => `${f.paperId}/${f.resultId}`).sort()).toEqual(
      expected.map(({ paper, result }) => `${paper.id}/${result.id}`).sort(),
    );
    const controls = results.filter(({ result }) => result.verdict === 'negative' && result.sample.control);
    expect(controls.length, 'the real content has failing controls to leave out').toBeGreaterThan(0);
  });

  test('come newest paper first', () => {
    const years = findings.map((f) => f.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });
});

describe('materials', () => {
  const rows = materialRows(dataset.detail);

  test('every sample once, with its number of results', () => {
    const samples = dataset.detail.flatMap((paper) => paper.samples.map((s) => `${paper.id}/${s.name}`));
    expect(rows.map((r) => `${r.paperId}/${r.sample.name}`).sort()).toEqual(samples.sort());
    const results = dataset.detail.reduce((n, paper) => n + paper.results.length, 0);
    expect(rows.reduce((n, r) => n + r.results, 0)).toBe(results);
  });

  test("grouped by ion, role and class in the schema's order", () => {
    const rank = (r: (typeof rows)[number]) => [
      IONS.indexOf(r.sample.ion),
      ROLES.indexOf(r.sample.role),
      MATERIAL_CLASSES.indexOf(r.sample.class),
    ];
    const ranks = rows.map(rank);
    const sorted = [...ranks].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);
    expect(ranks).toEqual(sorted);
  });

  test('the index names the pages that hold each combination, and every sample is in one', () => {
    const pageSize = 3;
    const ranges = facetRanges(rows, pageSize);
    expect(ranges.reduce((n, r) => n + r.samples, 0)).toBe(rows.length);
    const combinations = new Set(rows.map(({ sample: s }) => `${s.ion}/${s.role}/${s.class}`));
    expect(ranges).toHaveLength(combinations.size);
    rows.forEach(({ sample }, index) => {
      const page = Math.floor(index / pageSize) + 1;
      const range = ranges.find((r) => r.ion === sample.ion && r.role === sample.role && r.class === sample.class)!;
      expect(page).toBeGreaterThanOrEqual(range.firstPage);
      expect(page).toBeLessThanOrEqual(range.lastPage);
    });
  });
});
