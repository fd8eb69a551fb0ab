/** The paper as a whole: an identifier and a findings text. */
import type { Validator } from './types.ts';

export const identified: Validator = ({ frontmatter }) =>
  frontmatter.paper.doi === undefined && frontmatter.paper.doi_note === undefined
    ? [
        {
          id: 'E_DOI_ABSENT',
          path: ['paper'],
          atKey: true,
          message: 'neither doi nor doi_note is given',
          accepted: 'paper.doi as printed, or paper.doi_note saying why there is none',
        },
      ]
    : [];

export const hasFindings: Validator = ({ body }) =>
  body.trim() === ''
    ? [
        {
          id: 'E_FINDINGS_MISSING',
          path: [],
          message: 'the Markdown body after the frontmatter is empty',
          accepted: "a few sentences giving the paper's findings, negative ones included",
        },
      ]
    : [];
