import type { PaperFrontmatter } from '../../schema/paper.ts';
import type { MessageId } from '../messages.ts';
import type { FieldPath } from '../locate.ts';

/** A finding of one validator, before it is located in the file. */
export interface Finding {
  id: MessageId;
  path: FieldPath;
  message: string;
  accepted?: string;
  suggestion?: string;
  /** Point at the field's key rather than its value (for missing or misplaced fields). */
  atKey?: boolean;
  /** Where to point when not at `path` itself (a missing field points at its parent's key). */
  at?: FieldPath;
}

/** A paper whose frontmatter passed the schema, with its Markdown body. */
export interface ParsedPaper {
  id: string;
  path: string;
  frontmatter: PaperFrontmatter;
  body: string;
}

export type Validator = (paper: ParsedPaper) => Finding[];
