/**
 * Reference lists for a figure's sources, as BibTeX and as RIS, so a figure exported from the site can be cited
 * with the papers it shows. Entries keep the input order: the caller numbers sources [1], [2] … in that order, and
 * the reference list must match the point labels. Fields the paper file leaves out are left out here too.
 */
import type { PaperEntry } from '../pipeline/dataset.ts';

/** One line: YAML folded text and stray newlines would end a RIS field or look odd in a .bib file. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of an optional field, or null when it is absent or blank. */
function present(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = oneLine(String(value));
  return text === '' ? null : text;
}

/** A page range split into first and last page ("123-130", "123–130", "123--130"); null for one page or an article number. */
function pageRange(pages: string): [string, string] | null {
  const parts = pages.split(/\s*(?:--|[-‐‑‒–—])\s*/);
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return null;
  return [parts[0]!, parts[1]!];
}

function doiNote(paper: PaperEntry): string | null {
  const note = paper.doi === null ? present(paper.doi_note) : null;
  return note === null ? null : `No DOI printed: ${note}`;
}

function checkNumbers(papers: readonly PaperEntry[], numbers: readonly number[] | undefined): void {
  if (numbers !== undefined && numbers.length !== papers.length) {
    throw new Error(`citations: ${numbers.length} source numbers for ${papers.length} papers`);
  }
}

// ------------------------------------------------------------------------------------------------------ BibTeX

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes the characters BibTeX and LaTeX treat specially, in one pass (so the braces it adds stay unescaped). */
function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => BIBTEX_SPECIALS[c]!);
}

/** An optional field as escaped BibTeX text, or null when absent. */
function escaped(value: string | number | null | undefined): string | null {
  const text = present(value);
  return text === null ? null : escapeBibtex(text);
}

/** An author as printed. A lone word "and" is braced so BibTeX does not split the name there. */
function bibtexAuthor(name: string): string {
  return escapeBibtex(oneLine(name)).replace(/(^|\s)(and)(?=\s|$)/gi, '$1{$2}');
}

/**
 * DOIs go to biblatex's verbatim doi field, where a backslash escape would be printed literally; braces and
 * backslashes (legal in a DOI, never seen in practice) are percent-encoded instead so the entry stays balanced.
 */
function bibtexDoi(doi: string): string {
  return doi.replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const BIBTEX_KEY = /^[A-Za-z0-9][A-Za-z0-9_:.+/-]*$/;

function bibtexEntry(paper: PaperEntry, number: number | undefined): string {
  if (!BIBTEX_KEY.test(paper.id)) throw new Error(`citations: "${paper.id}" cannot be a BibTeX key`);
  const entryType = paper.type === 'article' || paper.type === 'review' ? 'article' : 'misc';
  const pages = present(paper.pages);
  const range = pages === null ? null : pageRange(pages);
  const doi = present(paper.doi);
  const title = escaped(paper.title);
  const fields: [string, string | null][] = [
    ['author', paper.authors.length > 0 ? paper.authors.map(bibtexAuthor).join(' and ') : null],
    ['title', title === null ? null : `{${title}}`],
    ['journal', escaped(paper.journal)],
    ['year', present(paper.year)],
    ['volume', escaped(paper.volume)],
    ['number', escaped(paper.issue)],
    ['pages', escaped(range ? range.join('--') : pages)],
    ['doi', doi === null ? null : bibtexDoi(doi)],
    ['note', escaped(doiNote(paper))],
  ];
  const body = fields.filter(([, value]) => value !== null).map(([name, value]) => `  ${name} = {${value}}`);
  const comment = number === undefined ? '' : `% [${number}]\n`;
  return `${comment}@${entryType}{${paper.id},\n${body.join(',\n')}\n}\n`;
}

/**
 * A BibTeX file with one entry per paper, in the given order, keyed by paper id. With `numbers`, each entry is
 * preceded by a `% [n]` comment giving its source number in the figure.
 */
export function toBibtex(papers: readonly PaperEntry[], numbers?: readonly number[]): string {
  checkNumbers(papers, numbers);
  return papers.map((paper, i) => bibtexEntry(paper, numbers?.[i])).join('\n');
}

// --------------------------------------------------------------------------------------------------------- RIS

const CRLF = '\r\n';

function risRecord(paper: PaperEntry, number: number | undefined): string {
  const lines: string[] = [];
  const add = (tag: string, value: string | number | null | undefined) => {
    const text = present(value);
    if (text !== null) lines.push(`${tag}  - ${text}`);
  };
  lines.push(`TY  - ${paper.type === 'article' || paper.type === 'review' ? 'JOUR' : 'GEN'}`);
  add('ID', paper.id);
  for (const author of paper.authors) add('AU', author);
  add('TI', paper.title);
  add('JO', paper.journal);
  add('PY', paper.year);
  add('VL', paper.volume);
  add('IS', paper.issue);
  const pages = present(paper.pages);
  const range = pages === null ? null : pageRange(pages);
  add('SP', range ? range[0] : pages);
  add('EP', range ? range[1] : null);
  add('DO', paper.doi);
  add('N1', doiNote(paper));
  if (number !== undefined) add('N1', `Battery Atlas source [${number}]`);
  lines.push('ER  - ');
  return lines.map((line) => line + CRLF).join('');
}

/**
 * RIS records (CRLF line ends, a blank line between records), one per paper in the given order. With `numbers`,
 * each record gets an `N1  - Battery Atlas source [n]` note.
 */
export function toRis(papers: readonly PaperEntry[], numbers?: readonly number[]): string {
  checkNumbers(papers, numbers);
  return papers.map((paper, i) => risRecord(paper, numbers?.[i])).join(CRLF);
}
