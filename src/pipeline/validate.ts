/**
 * Stage 2, validate: check a loaded file against the Zod schema and the cross-field validators, collecting every
 * finding; locate a finding at file:line:column in a positioned file; and the DOI check across files.
 */
import type { z } from 'astro/zod';
import { NOT_STATED, PaperFrontmatter, RESULT_KINDS, SCHEMA_VERSION } from '../schema/paper.ts';
import type { LoadedFile, PositionedFile } from './load.ts';
import { locate } from './locate.ts';
import { MESSAGES, type Diagnostic } from './messages.ts';
import { closest } from '../schema/spelling.ts';
import { fieldsAt } from './schema-walk.ts';
import { identified, hasFindings } from './validators/paper.ts';
import { knownSamples, uniqueIds } from './validators/references.ts';
import { reportingGaps } from './validators/reporting.ts';
import type { Finding, ParsedPaper, Validator } from './validators/types.ts';
import { efficiencyBounds, hasMeasurement, nonNegative, seriesLengths } from './validators/values.ts';

const VALIDATORS: Validator[] = [
  identified,
  hasFindings,
  uniqueIds,
  knownSamples,
  nonNegative,
  efficiencyBounds,
  seriesLengths,
  hasMeasurement,
  reportingGaps,
];

function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${JSON.stringify(input)}`;
}

/** Translates one Zod issue into our catalogue's terms. */
export function findingsFromIssue(issue: z.core.$ZodIssue, data: unknown): Finding[] {
  const path = issue.path as (string | number)[];
  const last = path[path.length - 1];
  const params = (issue as { params?: { id?: Finding['id']; accepted?: string; suggestion?: string } }).params;
  if (params?.id) {
    return [{ id: params.id, path, message: issue.message, accepted: params.accepted, suggestion: params.suggestion }];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldsAt(path, data);
      return issue.keys.map((key) => ({
        id: 'E_FIELD_UNKNOWN',
        path: [...path, key],
        atKey: true,
        message: `"${key}" is not a field here`,
        accepted: known.join(', '),
        suggestion: closest(key, known),
      }));
    }
    case 'invalid_type': {
      if (issue.input === undefined)
        return [
          { id: 'E_FIELD_MISSING', path, at: path.slice(0, -1), atKey: true, message: 'required field is missing' },
        ];
      if (issue.expected === 'int')
        return [
          {
            id: 'E_NOT_INTEGER',
            path,
            message: `${String(issue.input)} is not a whole number`,
            accepted: 'a whole number ≥ 1',
          },
        ];
      return [{ id: 'E_TYPE', path, message: `expected ${issue.expected}, got ${describeType(issue.input)}` }];
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (last === 'schema_version')
        return [
          {
            id: 'E_SCHEMA_VERSION',
            path,
            message: `schema_version ${JSON.stringify(issue.input)} is not supported`,
            accepted: String(SCHEMA_VERSION),
          },
        ];
      return [
        {
          id: 'E_ENUM',
          path,
          message: `${JSON.stringify(issue.input)} is not accepted`,
          accepted: values.join(', '),
          suggestion: typeof issue.input === 'string' ? closest(issue.input, values) : undefined,
        },
      ];
    }
    case 'invalid_union': {
      if (issue.discriminator === 'kind')
        return [
          {
            id: 'E_KIND_UNKNOWN',
            path: last === 'kind' ? path : [...path, 'kind'],
            message: `result kind ${JSON.stringify((issue.input as { kind?: unknown })?.kind ?? issue.input)} is not known`,
            accepted: RESULT_KINDS.join(', '),
          },
        ];
      // A union such as quantity | "not stated": report the branch that matched the input's type.
      const typeMatched = (branch: z.core.$ZodIssue[]) =>
        !branch.some((e) => e.code === 'invalid_type' && e.path.length === 0);
      const branch =
        issue.errors.find((b) => b.some((e) => e.code === 'custom')) ??
        issue.errors.find(typeMatched) ??
        issue.errors[0] ??
        [];
      const orNotStated = issue.errors.some((b) =>
        b.some((e) => e.code === 'invalid_value' && e.values.includes(NOT_STATED)),
      );
      const nested = branch.flatMap((e) =>
        findingsFromIssue({ ...e, path: [...path, ...e.path] } as z.core.$ZodIssue, data),
      );
      return orNotStated
        ? nested.map((f) => ({ ...f, accepted: f.accepted ? `${f.accepted}; or "${NOT_STATED}"` : `"${NOT_STATED}"` }))
        : nested;
    }
    case 'too_small':
      return [
        issue.origin === 'array' || issue.origin === 'string'
          ? {
              id: 'E_EMPTY',
              path,
              message: `must not be empty`,
              accepted: `at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'entry' : 'character'}`,
            }
          : {
              id: 'E_RANGE',
              path,
              message: `${String(issue.input)} is too small`,
              accepted: `a value ≥ ${String(issue.minimum)}`,
            },
      ];
    case 'too_big':
      return [
        {
          id: 'E_RANGE',
          path,
          message: `${String(issue.input)} is too large`,
          accepted: `a value ≤ ${String(issue.maximum)}`,
        },
      ];
    case 'invalid_format':
      if (last === 'doi')
        return [
          {
            id: 'E_DOI_FORMAT',
            path,
            message: `"${String(issue.input)}" is not a DOI`,
            accepted: 'a DOI such as 10.1002/adfm.202412551, without a https://doi.org/ prefix',
          },
        ];
      if (last === 'id' || last === 'sample')
        return [
          {
            id: 'E_ID_FORMAT',
            path,
            message: `"${String(issue.input)}" ${issue.message}`,
            accepted: 'e.g. m-bisnsb, cycling-1a',
          },
        ];
      return [{ id: 'E_NOT_INTEGER', path, message: `"${String(issue.input)}" ${issue.message}` }];
    default:
      return [{ id: 'E_TYPE', path, message: issue.message }];
  }
}

export function locateFinding(file: PositionedFile, finding: Finding): Diagnostic {
  const { line, column } = locate(file, finding.at ?? finding.path, finding.atKey);
  const diagnostic: Diagnostic = {
    id: finding.id,
    level: MESSAGES[finding.id].level,
    file: file.path,
    line,
    column,
    field: finding.path.join('.'),
    message: finding.message,
  };
  if (finding.accepted) diagnostic.accepted = finding.accepted;
  if (finding.suggestion) diagnostic.suggestion = finding.suggestion;
  return diagnostic;
}

export interface Checked {
  /** The paper, when its frontmatter passed the schema (it may still have findings from the validators). */
  paper?: ParsedPaper;
  findings: Finding[];
}

/**
 * The schema and the validators on one file's plain data: what is wrong, not yet where. `reportInput` (the
 * offending value in each schema issue, which the messages quote) costs a quarter of the schema's time, so the
 * fast path, which only needs to know whether there is anything to report, leaves it out.
 */
export function check(file: LoadedFile, { reportInput = true } = {}): Checked {
  const parsed = PaperFrontmatter.safeParse(file.data, { reportInput });
  if (!parsed.success) return { findings: parsed.error.issues.flatMap((issue) => findingsFromIssue(issue, file.data)) };
  const paper: ParsedPaper = { id: file.id, path: file.path, frontmatter: parsed.data, body: file.body };
  return { paper, findings: VALIDATORS.flatMap((validator) => validator(paper)) };
}

/** The one check across files: a DOI already used by an earlier file (in input order). */
export function duplicateDoi(doi: string, owner: string): Finding {
  return {
    id: 'E_DOI_DUPLICATE',
    path: ['paper', 'doi'],
    message: `DOI ${doi} is already the DOI of ${owner}`,
    accepted: 'one file per paper',
  };
}
