/**
 * Stage 1, load: split a paper file into its YAML frontmatter and Markdown body, and parse the YAML into a
 * document that keeps source positions (for locating diagnostics later).
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
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
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** Lines before the YAML starts (the opening "---"), added to YAML line numbers. */
  lineOffset: number;
  data: unknown;
  body: string;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

export function paperIdOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.md$/, '');
}

export function load(file: SourceFile): { loaded?: LoadedFile; diagnostics: Diagnostic[] } {
  const match = FRONTMATTER.exec(file.text);
  if (!match || match.index !== 0) {
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
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
      body: file.text.slice(match[0].length).trim(),
    },
    diagnostics,
  };
}
