/** The build report: diagnostics sorted by file and position, and a summary line. */
import { formatDiagnostic, type Diagnostic } from './messages.ts';

/** The order of String.prototype.localeCompare, set up once. */
const compareText = new Intl.Collator().compare;

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.id, b.id),
  );
}

export function summary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const count = (level: string) => diagnostics.filter((d) => d.level === level).length;
  return `${fileCount} paper file(s): ${count('error')} error(s), ${count('warning')} warning(s)`;
}

/** The whole report as text: one line per diagnostic, then the summary. */
export function formatReport(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const lines = sortDiagnostics(diagnostics).map(formatDiagnostic);
  return [...lines, summary(diagnostics, fileCount)].join('\n');
}
