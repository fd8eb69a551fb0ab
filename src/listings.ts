/**
 * What the site's pages list, as pure functions of the data set. No page lists the whole corpus: the home page shows
 * a bounded selection and links to paginated lists, whose rows carry only what the lists show (a page's props are
 * its cache key, see cache-key.ts).
 */
import { keyedByProps } from './cache-key.ts';
import type { Dataset, PaperEntry } from './pipeline/dataset.ts';
import type { DerivedPaper, DerivedResult } from './pipeline/derive.ts';
import { IONS, MATERIAL_CLASSES, ROLES, type SampleRecord } from './schema/paper.ts';

/** How many papers and negative findings the home page shows. */
export const HOME_LIST_LENGTH = 12;
/** Rows per page of a paginated list: about 40 KB of HTML, under 10 KB gzip. */
export const LIST_PAGE_SIZE = 100;

/** The address of page `n` of a paginated list at `base` ("/materials/" → "/materials/3/"). */
export function pageHref(base: string, n: number): string {
  return n === 1 ? base : `${base}${n}/`;
}

/**
 * The paper pages: each renders from its props alone, so its key is theirs. A paper's id is its file name, and
 * /papers/<number>/ is a page of the list of papers, so a file named by a number is refused.
 */
export function paperPaths(dataset: Dataset) {
  const numbered = dataset.detail.find((paper) => /^\d+$/.test(paper.id));
  if (numbered)
    throw new Error(
      `${numbered.path}: a paper file cannot be named by a number, since /papers/${numbered.id}/ is page ${numbered.id} of the list of papers; name it <first-author>-<year>-<slug>.md`,
    );
  const entries = new Map(dataset.papers.map((entry) => [entry.id, entry]));
  return keyedByProps(
    dataset.detail.map((paper) => {
      const entry = entries.get(paper.id)!;
      return { params: { id: paper.id }, props: { paper, citation: entry.citation, rowCount: entry.row_count } };
    }),
  );
}

/** Newest first: by year, descending, then by id. */
export function newestFirst<T extends { year: number; id: string }>(papers: readonly T[]): T[] {
  return [...papers].sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
}

export interface PaperListing {
  id: string;
  title: string;
  citation: string;
  year: number;
  samples: number;
  results: number;
}

/** Every paper, newest first, as a list shows it. */
export function paperListings(papers: readonly PaperEntry[]): PaperListing[] {
  return newestFirst(papers).map((p) => ({
    id: p.id,
    title: p.title,
    citation: p.citation,
    year: p.year,
    samples: p.samples.length,
    results: p.result_count,
  }));
}

export interface NegativeFinding {
  paperId: string;
  paperTitle: string;
  year: number;
  resultId: string;
  sampleName: string;
  statement: string;
}

/** What did not work for a paper's own materials. A control failing is expected: it stays in the paper's tables. */
export function isNegativeFinding(result: DerivedResult): boolean {
  return result.verdict === 'negative' && !result.sample.control;
}

/** Every negative finding, newest paper first, in each paper's order. */
export function negativeFindings(detail: readonly DerivedPaper[]): NegativeFinding[] {
  const papers = newestFirst(detail.map((paper) => ({ id: paper.id, year: paper.bibliography.year, paper })));
  return papers.flatMap(({ paper }) =>
    paper.results.filter(isNegativeFinding).map((r) => ({
      paperId: paper.id,
      paperTitle: paper.bibliography.title,
      year: paper.bibliography.year,
      resultId: r.id,
      sampleName: r.sample.name,
      statement: r.statement ?? '',
    })),
  );
}

export interface MaterialRow {
  paperId: string;
  paperTitle: string;
  sample: Pick<SampleRecord, 'name' | 'formula' | 'ion' | 'role' | 'class' | 'control'>;
  results: number;
}

const order = (vocabulary: readonly string[]) => new Map(vocabulary.map((value, i) => [value, i]));
const ION_ORDER = order(IONS);
const ROLE_ORDER = order(ROLES);
const CLASS_ORDER = order(MATERIAL_CLASSES);

/**
 * Every sample, grouped by ion, role and class (in the schema's order), then by paper and the paper's own order:
 * the samples of one combination are on consecutive pages, which facetRanges lists.
 */
export function materialRows(detail: readonly DerivedPaper[]): MaterialRow[] {
  const rows = [...detail]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((paper) => {
      const counts = new Map<string, number>();
      for (const r of paper.results) counts.set(r.sample.id, (counts.get(r.sample.id) ?? 0) + 1);
      return paper.samples.map(({ id, name, formula, ion, role, class: materialClass, control }) => ({
        paperId: paper.id,
        paperTitle: paper.bibliography.title,
        sample: { name, formula, ion, role, class: materialClass, control },
        results: counts.get(id) ?? 0,
      }));
    });
  // Array.prototype.sort is stable: within a combination the paper order above is kept.
  return rows.sort(
    (a, b) =>
      ION_ORDER.get(a.sample.ion)! - ION_ORDER.get(b.sample.ion)! ||
      ROLE_ORDER.get(a.sample.role)! - ROLE_ORDER.get(b.sample.role)! ||
      CLASS_ORDER.get(a.sample.class)! - CLASS_ORDER.get(b.sample.class)!,
  );
}

export interface FacetRange {
  ion: string;
  role: string;
  class: string;
  samples: number;
  firstPage: number;
  lastPage: number;
}

/** The pages of the materials list that hold each ion/role/class combination (rows as materialRows sorts them). */
export function facetRanges(rows: readonly MaterialRow[], pageSize: number): FacetRange[] {
  const ranges: FacetRange[] = [];
  rows.forEach(({ sample }, index) => {
    const page = Math.floor(index / pageSize) + 1;
    const last = ranges.at(-1);
    if (last && last.ion === sample.ion && last.role === sample.role && last.class === sample.class) {
      last.samples++;
      last.lastPage = page;
    } else
      ranges.push({
        ion: sample.ion,
        role: sample.role,
        class: sample.class,
        samples: 1,
        firstPage: page,
        lastPage: page,
      });
  });
  return ranges;
}
