/**
 * The message catalogue: every diagnostic the pipeline can emit, with a stable id, a level and a short title.
 * Tests pin the full text of each message, so change wording here deliberately.
 */

export type Level = 'error' | 'warning' | 'info';

export const MESSAGES = {
  E_YAML_SYNTAX: { level: 'error', title: 'YAML syntax error' },
  E_NO_FRONTMATTER: { level: 'error', title: 'no frontmatter block' },
  E_FIELD_MISSING: { level: 'error', title: 'required field missing' },
  E_FIELD_UNKNOWN: { level: 'error', title: 'unknown field' },
  E_TYPE: { level: 'error', title: 'wrong type' },
  E_NOT_INTEGER: { level: 'error', title: 'not a whole number' },
  E_ENUM: { level: 'error', title: 'value not in the accepted list' },
  E_RANGE: { level: 'error', title: 'value out of range' },
  E_EMPTY: { level: 'error', title: 'empty list or text' },
  E_ID_FORMAT: { level: 'error', title: 'malformed id' },
  E_SCHEMA_VERSION: { level: 'error', title: 'unsupported schema version' },
  E_KIND_UNKNOWN: { level: 'error', title: 'unknown result kind' },
  E_QUANTITY_FORMAT: { level: 'error', title: 'malformed quantity' },
  E_UNIT_UNKNOWN: { level: 'error', title: 'unknown unit' },
  E_UNIT_DIMENSION: { level: 'error', title: 'unit measures the wrong thing' },
  E_DOI_FORMAT: { level: 'error', title: 'malformed DOI' },
  E_DOI_DUPLICATE: { level: 'error', title: 'DOI used by another file' },
  E_DOI_ABSENT: { level: 'error', title: 'DOI absent without a reason' },
  E_SAMPLE_UNKNOWN: { level: 'error', title: 'result names an unknown sample' },
  E_ID_DUPLICATE: { level: 'error', title: 'duplicate id' },
  E_NEGATIVE: { level: 'error', title: 'negative value' },
  E_EFFICIENCY_ABOVE_100: { level: 'error', title: 'efficiency above 100 %' },
  E_SERIES_LENGTH: { level: 'error', title: 'rate series lists differ in length' },
  E_NO_MEASUREMENT: { level: 'error', title: 'result holds no measurement' },
  E_FINDINGS_MISSING: { level: 'error', title: 'no findings text' },
  W_ONE_C_MISSING: { level: 'warning', title: 'C-rate without a 1C definition' },
  W_RETENTION_BASELINE_MISSING: { level: 'warning', title: 'retention without its baseline cycle' },
  W_CAPACITY_BASIS_MISSING: { level: 'warning', title: 'capacity basis not stated' },
  W_RETENTION_ABOVE_100: { level: 'warning', title: 'retention above 100 %' },
} as const satisfies Record<string, { level: Level; title: string }>;

export type MessageId = keyof typeof MESSAGES;

/** One located finding about one file. */
export interface Diagnostic {
  id: MessageId;
  level: Level;
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, e.g. "results.2.capacity"; "" for the whole file. */
  field: string;
  /** What is wrong. */
  message: string;
  /** What is accepted instead, if there is a rule to state. */
  accepted?: string;
  /** The likely intended value ("did you mean …"). */
  suggestion?: string;
}

/** `file:line:column  level  ID  field: what is wrong; accepted: …; did you mean …?` */
export function formatDiagnostic(d: Diagnostic): string {
  const parts = [d.message];
  if (d.accepted) parts.push(`accepted: ${d.accepted}`);
  if (d.suggestion) parts.push(`did you mean "${d.suggestion}"?`);
  const field = d.field === '' ? '' : `${d.field}: `;
  return `${d.file}:${d.line}:${d.column}  ${d.level}  ${d.id}  ${field}${parts.join('; ')}`;
}
