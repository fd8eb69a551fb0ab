/**
 * Stage 1, load: split a paper file into its YAML frontmatter and Markdown body, and parse the YAML, in one of
 * two ways. `loadFast` gives plain data (js-yaml, see fast-yaml.ts) and keeps nothing else; `loadPositioned`
 * gives a `yaml` document that keeps source positions, for files that need a located diagnostic.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { parseFast } from './fast-yaml.ts';
import type { Diagnostic } from './messages.ts';

export interface SourceFile {
  /** Path as shown in diagnostics, relative to the project root, e.g. "content/papers/x.md". */
  path: string;
  text: string;
}

export interface LoadedFile {
  path: string;
  /** Paper id: the file name without ".md". */
  id: string;
  data: unknown;
  body: string;
}

/** A loaded file with the YAML document and line table that locate.ts needs. */
export interface PositionedFile extends LoadedFile {
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** Lines before the YAML starts (the opening "---"), added to YAML line numbers. */
  lineOffset: number;
}

/** The opening line "---" at the very start, and (from where the closing "---" starts) the closing line. */
const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /---[ \t]*(?:\r?\n|$)/my;
const LINE_TERMINATORS = '\n\r\u2028\u2029';

/**
 * Where the frontmatter ends: the first "---" line after the opening one, exactly as the regular expression
 * /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m would find it, but found with indexOf (the lazy pattern
 * costs a regular-expression step per character of the file).
 */
function closingLine(text: string, from: number): { start: number; end: number } | undefined {
  for (let start = text.indexOf('---', from); start !== -1; start = text.indexOf('---', start + 1)) {
    if (start !== from && !LINE_TERMINATORS.includes(text[start - 1]!)) continue;
    CLOSING.lastIndex = start;
    if (CLOSING.test(text)) return { start, end: CLOSING.lastIndex };
  }
  return undefined;
}

export function paperIdOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.md$/, '');
}

/** The YAML between the "---" lines and the Markdown body after them; undefined when the file has no frontmatter. */
export function splitFrontmatter(file: SourceFile): { yaml: string; body: string } | undefined {
  const opening = OPENING.exec(file.text);
  const closing = opening && closingLine(file.text, opening[0].length);
  if (!opening || !closing) return undefined;
  return { yaml: file.text.slice(opening[0].length, closing.start), body: file.text.slice(closing.end).trim() };
}

/** The file's data by the fast parser; undefined when it has no frontmatter or the fast parser declines it. */
export function loadFast(file: SourceFile): LoadedFile | undefined {
  const parts = splitFrontmatter(file);
  const parsed = parts && parseFast(parts.yaml);
  if (!parts || !parsed) return undefined;
  return { path: file.path, id: paperIdOf(file.path), data: parsed.data, body: parts.body };
}

/** The file parsed with positions, or the diagnostics that say why it cannot be parsed. */
export function loadPositioned(file: SourceFile): { loaded?: PositionedFile; diagnostics: Diagnostic[] } {
  const parts = splitFrontmatter(file);
  if (!parts) {
    return {
      diagnostics: [
        {
          id: 'E_NO_FRONTMATTER',
          level: 'error',
          file: file.path,
          line: 1,
          column: 1,
          field: '',
          message: 'the file does not start with a YAML frontmatter block',
          accepted: 'a first line "---", the YAML fields, then a line "---"',
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(parts.yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOffset = 1;
  const diagnostics: Diagnostic[] = document.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return {
      id: 'E_YAML_SYNTAX',
      level: 'error',
      file: file.path,
      line: pos.line + lineOffset,
      column: pos.col,
      field: '',
      message: error.message.split('\n')[0] ?? error.message,
    };
  });
  if (diagnostics.length > 0) return { diagnostics };
  return {
    loaded: {
      path: file.path,
      id: paperIdOf(file.path),
      document,
      lineCounter,
      lineOffset,
      data: document.toJS(),
      body: parts.body,
    },
    diagnostics,
  };
}
