/**
 * Plain Markdown pages for the bare Astro reference build: prose, lists and tables of pseudo-random words, each
 * page as many bytes as the paper file it stands beside, so both builds read the same amount of text. They are
 * Astro Markdown pages (src/pages/), not a content collection: a collection keeps every body and its rendered HTML
 * in one serialised data store, which passes JavaScript's string limit near 10,000 pages of this size.
 */
import type { SourceFile } from '../../src/pipeline/index.ts';

export const PAGES_DIR = 'src/pages/pages';

const WORDS = (
  'anode cathode electrolyte capacity cycling retention current density potassium sodium alloy carbon ' +
  'composite interface dendrite plating stripping voltage window coin cell half full symmetric rate ' +
  'efficiency impedance diffusion particle nanosheet lattice phase reversible stable decay loading ' +
  'separator binder solvent salt concentration temperature electrode surface layer film growth'
).split(' ');

/** mulberry32: a small seeded generator, so every run writes the same pages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function blocks(next: () => number): () => string {
  const word = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 14));
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const number = () => (next() * 1000).toFixed(1);
  const makers = [
    () => `## ${words(3)}\n`,
    () => Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(' ') + '\n',
    () => Array.from({ length: 4 }, () => `- ${words(4)}: ${number()} ${word()}`).join('\n') + '\n',
    () =>
      ['| sample | value | unit |', '| --- | ---: | --- |']
        .concat(Array.from({ length: 5 }, () => `| ${words(2)} | ${number()} | ${word()} |`))
        .join('\n') + '\n',
    () => Array.from({ length: 4 + Math.floor(next() * 4) }, sentence).join(' ') + '\n',
  ];
  let i = 0;
  return () => makers[i++ % makers.length]!();
}

/** One page of `bytes` UTF-8 bytes (ASCII, so bytes = characters): frontmatter with a title, then Markdown. */
export function markdownPage(index: number, bytes: number): string {
  const next = random(index + 1);
  const nextBlock = blocks(next);
  let text = `---\ntitle: Reference page ${index}\nlayout: ../../layouts/Page.astro\n---\n\n`;
  while (text.length < bytes) text += `${nextBlock()}\n`;
  // Cut at the last block boundary that fits, then fill up to the size with one paragraph of words.
  text = text.slice(0, text.lastIndexOf('\n\n', bytes) + 2);
  let fill = '';
  while (fill.length < bytes - text.length) fill += `${WORDS[Math.floor(next() * WORDS.length)]} `;
  return text + fill.slice(0, Math.max(0, bytes - text.length - 1)) + '\n';
}

/** A page for each size: src/pages/pages/page-<k>.md of `sizes[k]` bytes. */
export function markdownPages(sizes: readonly number[]): SourceFile[] {
  return sizes.map((bytes, k) => ({ path: `${PAGES_DIR}/page-${k}.md`, text: markdownPage(k, bytes) }));
}
