/** Reference lists for figure sources: BibTeX and RIS built from the real paper entries. */
import { describe, expect, test } from 'vitest';
import { readPaperFiles } from '../../src/content-files.ts';
import { toBibtex, toRis } from '../../src/figures/citations.ts';
import type { PaperEntry } from '../../src/pipeline/dataset.ts';
import { runPipeline } from '../../src/pipeline/index.ts';

const { dataset } = runPipeline(readPaperFiles());
const PAPERS = dataset.papers;
const NO_DOI = PAPERS.filter((p) => p.doi === null);
const WITH_DOI = PAPERS.filter((p) => p.doi !== null);

/** The BibTeX entries of a file, each from its `@type{` to the next entry. */
function bibEntries(bib: string): string[] {
  return bib.split(/^(?=@)/m).filter((chunk) => chunk.startsWith('@'));
}

function bibEntry(bib: string, id: string): string {
  const entry = bibEntries(bib).find((e) => e.startsWith(`@article{${id},`) || e.startsWith(`@misc{${id},`));
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
}

/** The value of one field of a BibTeX entry, as written between its outer braces. */
function bibField(entry: string, name: string): string | undefined {
  return new RegExp(`^  ${name} = \\{(.*)\\},?$`, 'm').exec(entry)?.[1];
}

/** The RIS records of a file (split at the blank line between records). */
function risRecords(ris: string): string[] {
  return ris.split('\r\n\r\n');
}

function risLines(record: string): string[] {
  return record.split('\r\n').filter((line) => line !== '');
}

function risValues(record: string, tag: string): string[] {
  return risLines(record)
    .filter((line) => line.startsWith(`${tag}  - `))
    .map((line) => line.slice(6));
}

/** Counts braces that are not escaped with a backslash. */
function braceBalance(text: string): { open: number; close: number } {
  const open = (text.match(/(?<!\\)\{/g) ?? []).length;
  const close = (text.match(/(?<!\\)\}/g) ?? []).length;
  return { open, close };
}

/** A copy of a real entry with some fields changed. */
function variant(changes: Partial<PaperEntry>): PaperEntry {
  return { ...WITH_DOI[0]!, ...changes };
}

describe('the real papers', () => {
  test('the content has papers with and without a DOI', () => {
    expect(PAPERS.length).toBeGreaterThanOrEqual(4);
    expect(NO_DOI.length).toBeGreaterThanOrEqual(1);
    expect(WITH_DOI.length).toBeGreaterThanOrEqual(1);
  });

  test('one BibTeX entry per paper, keyed by paper id, in input order', () => {
    const reversed = [...PAPERS].reverse();
    const keys = bibEntries(toBibtex(reversed)).map((e) => /^@\w+\{([^,]+),/.exec(e)![1]);
    expect(keys).toEqual(reversed.map((p) => p.id));
  });

  test('one RIS record per paper, with its id, in input order', () => {
    const reversed = [...PAPERS].reverse();
    const records = risRecords(toRis(reversed));
    expect(records.map((r) => risValues(r, 'ID'))).toEqual(reversed.map((p) => [p.id]));
  });

  test.each(WITH_DOI.map((p) => [p.id, p] as const))('%s: the DOI appears exactly in both formats', (id, paper) => {
    expect(bibField(bibEntry(toBibtex(PAPERS), id), 'doi')).toBe(paper.doi);
    const record = risRecords(toRis(PAPERS)).find((r) => risValues(r, 'ID')[0] === id)!;
    expect(risValues(record, 'DO')).toEqual([paper.doi]);
  });

  test.each(NO_DOI.map((p) => [p.id, p] as const))('%s: no DOI field, but the DOI note', (id, paper) => {
    expect(paper.doi_note).toBeTruthy();
    const entry = bibEntry(toBibtex(PAPERS), id);
    expect(entry).not.toMatch(/^\s*doi = /m);
    expect(bibField(entry, 'note')).toMatch(/^No DOI printed: not printed in the source text/);
    const record = risRecords(toRis(PAPERS)).find((r) => risValues(r, 'ID')[0] === id)!;
    expect(risValues(record, 'DO')).toEqual([]);
    expect(risValues(record, 'N1')).toEqual([`No DOI printed: ${paper.doi_note}`]);
  });

  test('absent fields are left out, never printed as null', () => {
    const bib = toBibtex(PAPERS);
    const ris = toRis(PAPERS);
    expect(bib).not.toMatch(/null|undefined/);
    expect(ris).not.toMatch(/null|undefined/);
    for (const paper of PAPERS) {
      const entry = bibEntry(bib, paper.id);
      expect(bibField(entry, 'volume')).toBe(paper.volume ?? undefined);
      expect(bibField(entry, 'number')).toBe(paper.issue ?? undefined);
      expect(bibField(entry, 'year')).toBe(String(paper.year));
      expect(bibField(entry, 'journal')).toBe(paper.journal);
    }
  });

  test('BibTeX: authors joined with " and " as printed, title double-braced', () => {
    const bib = toBibtex(PAPERS);
    for (const paper of PAPERS) {
      const entry = bibEntry(bib, paper.id);
      expect(entry.startsWith('@article{')).toBe(true);
      expect(bibField(entry, 'author')!.split(' and ')).toEqual(paper.authors);
      expect(bibField(entry, 'title')).toBe(`{${paper.title}}`);
    }
  });

  test('BibTeX braces are balanced in every entry', () => {
    for (const entry of bibEntries(toBibtex(PAPERS))) {
      const { open, close } = braceBalance(entry);
      expect(open).toBe(close);
    }
  });

  test('RIS: CRLF line ends, TY first, ER last, one AU per author', () => {
    const ris = toRis(PAPERS);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    const records = risRecords(ris);
    expect(records).toHaveLength(PAPERS.length);
    records.forEach((record, i) => {
      const lines = risLines(record);
      expect(lines[0]).toBe('TY  - JOUR');
      expect(lines.at(-1)).toBe('ER  - ');
      for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
      expect(risValues(record, 'AU')).toEqual(PAPERS[i]!.authors);
      expect(risValues(record, 'TI')).toEqual([PAPERS[i]!.title]);
      expect(risValues(record, 'PY')).toEqual([String(PAPERS[i]!.year)]);
    });
  });

  test('an article number stays one page: no range, SP only', () => {
    const withPages = PAPERS.filter((p) => p.pages !== null && !/[-–]/.test(p.pages));
    expect(withPages.length).toBeGreaterThanOrEqual(1);
    for (const paper of withPages) {
      expect(bibField(bibEntry(toBibtex([paper]), paper.id), 'pages')).toBe(paper.pages);
      const record = toRis([paper]);
      expect(risValues(record, 'SP')).toEqual([paper.pages]);
      expect(risValues(record, 'EP')).toEqual([]);
    }
  });

  test('empty input gives empty output', () => {
    expect(toBibtex([])).toBe('');
    expect(toRis([])).toBe('');
  });
});

describe('constructed entries', () => {
  const TRICKY = String.raw`Cu & Sn: 50% yield of a_b {x} for $5, #1 ~ ^ \ in Na–K`;

  test('BibTeX escapes the special characters and keeps Unicode', () => {
    const paper = variant({ title: TRICKY, journal: 'J. Phys. & Chem.' });
    const entry = bibEntry(toBibtex([paper]), paper.id);
    expect(bibField(entry, 'title')).toBe(
      String.raw`{Cu \& Sn: 50\% yield of a\_b \{x\} for \$5, \#1 \textasciitilde{} \textasciicircum{} \textbackslash{} in Na–K}`,
    );
    expect(bibField(entry, 'journal')).toBe(String.raw`J. Phys. \& Chem.`);
    const { open, close } = braceBalance(entry);
    expect(open).toBe(close);
  });

  test('RIS keeps the title as printed', () => {
    const paper = variant({ title: TRICKY });
    expect(risValues(toRis([paper]), 'TI')).toEqual([TRICKY]);
  });

  test.each([['123-130'], ['123–130'], ['123 – 130'], ['123--130']])(
    'page range %s: "--" in BibTeX, SP/EP in RIS',
    (pages) => {
      const paper = variant({ pages });
      expect(bibField(bibEntry(toBibtex([paper]), paper.id), 'pages')).toBe('123--130');
      const record = toRis([paper]);
      expect(risValues(record, 'SP')).toEqual(['123']);
      expect(risValues(record, 'EP')).toEqual(['130']);
    },
  );

  test('a lone "and" inside a name is braced so BibTeX does not split there; commas kept', () => {
    const paper = variant({ authors: ['Smith and Sons', 'Doe, Jane', 'Alexander Anderson'] });
    expect(bibField(bibEntry(toBibtex([paper]), paper.id), 'author')).toBe(
      'Smith {and} Sons and Doe, Jane and Alexander Anderson',
    );
    expect(risValues(toRis([paper]), 'AU')).toEqual(['Smith and Sons', 'Doe, Jane', 'Alexander Anderson']);
  });

  test('a DOI note is only written when there is no DOI', () => {
    const paper = variant({ doi_note: 'printed twice' });
    expect(bibField(bibEntry(toBibtex([paper]), paper.id), 'note')).toBeUndefined();
    expect(risValues(toRis([paper]), 'N1')).toEqual([]);
  });

  test('a type other than article or review becomes @misc and TY GEN', () => {
    const paper = variant({ type: 'preprint' });
    expect(toBibtex([paper]).startsWith(`@misc{${paper.id},`)).toBe(true);
    expect(toRis([paper]).startsWith('TY  - GEN\r\n')).toBe(true);
  });

  test('multi-line values are folded onto one line', () => {
    const paper = variant({ title: 'Line one\nline two' });
    expect(bibField(bibEntry(toBibtex([paper]), paper.id), 'title')).toBe('{Line one line two}');
    expect(risValues(toRis([paper]), 'TI')).toEqual(['Line one line two']);
  });

  test('source numbers: a % [n] comment before each entry and an N1 note per record', () => {
    const two = PAPERS.slice(0, 2);
    const bib = toBibtex(two, [3, 7]);
    expect(bib.match(/^% \[\d+\]$/gm)).toEqual(['% [3]', '% [7]']);
    expect(bib.indexOf('% [3]')).toBeLessThan(bib.indexOf(`@article{${two[0]!.id},`));
    const records = risRecords(toRis(two, [3, 7]));
    expect(risValues(records[0]!, 'N1')).toContain('Battery Atlas source [3]');
    expect(risValues(records[1]!, 'N1')).toContain('Battery Atlas source [7]');
    expect(() => toBibtex(two, [1])).toThrow(/1 source numbers for 2 papers/);
  });
});
