/**
 * A synthetic corpus of any size, made from the real paper files as templates: copy i of template t is
 * content/papers/<t>-s<i>.md with its own DOI and its values spread by deterministic per-copy factors in 0.4–2.
 * Only values change, in place: every byte around them (keys, quotes, notes, body) is the template's, so the
 * files keep the real files' size and shape. Never committed as content; the bench writes it into temp workspaces.
 */
import { isScalar, parseDocument, type Document } from 'yaml';
import { readPaperFiles, PAPERS_DIR } from '../src/content-files.ts';
import { PaperFrontmatter } from '../src/schema/paper.ts';
import type { SourceFile } from '../src/pipeline/index.ts';

const PROJECT_ROOT = new URL('..', import.meta.url).pathname;
const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;
const MIN_FACTOR = 0.4;
const MAX_FACTOR = 2;
/** Percentages that cannot exceed 100 (an efficiency above 100 % is a content error, a retention a warning). */
const BOUNDED_PERCENTS = new Set(['coulombic_efficiency', 'initial_coulombic_efficiency', 'retention']);

/** One value of a template to rewrite per copy: `printed` sits at `start` in the file text. */
type Edit =
  | { kind: 'quantity'; start: number; printed: string; bounded: boolean }
  | { kind: 'count'; start: number; printed: string }
  | { kind: 'doi'; start: number; printed: string };

interface Template {
  id: string;
  text: string;
  /** In file order, so a copy is built in one pass. */
  edits: Edit[];
}

type Path = (string | number)[];

/** Every quantity (an object with `dimension` and `valueText`) and count (`value` and `text`) in parsed output. */
function walkValues(value: unknown, path: Path, visit: (node: Record<string, unknown>, path: Path) => void): void {
  if (Array.isArray(value)) value.forEach((item, i) => walkValues(item, [...path, i], visit));
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (('dimension' in record && 'valueText' in record) || ('value' in record && 'text' in record)) {
      visit(record, path);
      return;
    }
    for (const [key, item] of Object.entries(record)) walkValues(item, [...path, key], visit);
  }
}

/** Where `printed` stands inside the YAML scalar at `path`, as an offset into the file. */
function locate(doc: Document.Parsed, yamlStart: number, text: string, path: Path, printed: string): number {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) throw new Error(`no scalar at ${path.join('.')}`);
  const [from, to] = node.range;
  const at = text.slice(yamlStart + from, yamlStart + to).indexOf(printed);
  if (at < 0) throw new Error(`"${printed}" not found in the source of ${path.join('.')}`);
  return yamlStart + from + at;
}

function prepareTemplate(file: SourceFile): Template {
  const id = file.path.replace(/^.*\//, '').replace(/\.md$/, '');
  const match = FRONTMATTER.exec(file.text);
  if (!match || match.index !== 0) throw new Error(`${file.path}: no frontmatter`);
  const yamlStart = match[0].indexOf(match[1]!);
  const doc = parseDocument(match[1]!);
  const parsed = PaperFrontmatter.safeParse(doc.toJS());
  if (!parsed.success) throw new Error(`${file.path}: not a valid paper file, cannot serve as a template`);

  const edits: Edit[] = [];
  walkValues(parsed.data.results, ['results'], (node, path) => {
    const field = path.at(-1);
    if (typeof node.valueText === 'string') {
      const start = locate(doc, yamlStart, file.text, path, node.valueText);
      edits.push({ kind: 'quantity', start, printed: node.valueText, bounded: BOUNDED_PERCENTS.has(String(field)) });
    } else {
      const printed = String(node.value);
      edits.push({ kind: 'count', start: locate(doc, yamlStart, file.text, path, printed), printed });
    }
  });
  const doi = parsed.data.paper.doi;
  if (doi) edits.push({ kind: 'doi', start: locate(doc, yamlStart, file.text, ['paper', 'doi'], doi), printed: doi });
  edits.sort((a, b) => a.start - b.start);
  return { id, text: file.text, edits };
}

/** A deterministic number in [0, 1) from a string (FNV-1a). */
function unitHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/** Log-uniform in [0.4, 2), so halving and doubling are equally likely. */
function spreadFactor(key: string): number {
  return MIN_FACTOR * (MAX_FACTOR / MIN_FACTOR) ** unitHash(key);
}

/**
 * A printed number scaled by `factor`, with as many decimals as printed; sign and any "× 10⁻³" part kept.
 * A bounded percentage moves towards 100 % instead of past it when the factor is above 1. A non-zero value
 * never rounds to zero: it stays at the smallest printed step.
 */
export function scalePrinted(printed: string, factor: number, bounded = false): string {
  const [, sign = '', digits = '', rest = ''] = /^([-−+]?)(\d*\.?\d*)(.*)$/su.exec(printed)!;
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const value = Number(digits);
  const scaled = bounded && factor > 1 && value <= 100 ? 100 - (100 - value) / factor : value * factor;
  const step = 10 ** -decimals;
  const rounded = value > 0 && scaled < step ? step : scaled;
  return `${sign}${rounded.toFixed(decimals)}${rest}`;
}

function copyOf(template: Template, copy: number): string {
  const valueFactor = spreadFactor(`${template.id}#${copy}`);
  // Cycle counts get their own factor: with one factor for both, every copy of a result would lie on one ray
  // through the origin of capacity vs cycles.
  const cycleFactor = spreadFactor(`${template.id}#${copy}#cycles`);
  let out = '';
  let from = 0;
  for (const edit of template.edits) {
    out += template.text.slice(from, edit.start);
    if (edit.kind === 'quantity') out += scalePrinted(edit.printed, valueFactor, edit.bounded);
    else if (edit.kind === 'count') out += String(Math.max(1, Math.round(Number(edit.printed) * cycleFactor)));
    else out += `${edit.printed}-s${copy}`;
    from = edit.start + edit.printed.length;
  }
  return out + template.text.slice(from);
}

/**
 * `n` paper files: file k is copy ⌊k / T⌋ of template k mod T, over the T real papers of `root` (default: this
 * project). Paths are relative to the workspace root, e.g. content/papers/dou-2024-metastable-bisnsb-s3.md.
 */
export function syntheticCorpus(n: number, root: string = PROJECT_ROOT): SourceFile[] {
  const templates = readPaperFiles(root).map(prepareTemplate);
  if (templates.length === 0) throw new Error(`no paper files in ${root}${PAPERS_DIR} to use as templates`);
  return Array.from({ length: n }, (_, k) => {
    const template = templates[k % templates.length]!;
    const copy = Math.floor(k / templates.length);
    return { path: `${PAPERS_DIR}/${template.id}-s${copy}.md`, text: copyOf(template, copy) };
  });
}

const CAPACITY_LINE = /^(\s+capacity: )(\d+\.\d+)( mAh g-1)$/m;

/** The file with one specific capacity raised by one printed step: the one-paper edit of a warm rebuild. */
export function changeOneNumber(files: readonly SourceFile[]): SourceFile {
  const file = files.find((f) => CAPACITY_LINE.test(f.text));
  if (!file) throw new Error('no file has a "capacity: <number> mAh g-1" line to change');
  const text = file.text.replace(CAPACITY_LINE, (_, key: string, value: string, unit: string) => {
    const decimals = value.length - value.indexOf('.') - 1;
    return `${key}${(Number(value) + 10 ** -decimals).toFixed(decimals)}${unit}`;
  });
  return { path: file.path, text };
}
