/**
 * The fast road and the positioned road give the same result for every file: the same formatted diagnostics
 * (so every message is exactly as located and worded as before the fast parser), the same DOI and the same
 * derived paper. Checked on each broken fixture of validate-test.ts, on odd YAML, on the real files and the
 * template, for single files and for whole runs (the check across files included).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { parseDocument } from 'yaml';
import { fileResult, paperOf, positionedResult, type FileResult } from '../../src/pipeline/file-result.ts';
import { checkFiles, combine } from '../../src/pipeline/index.ts';
import type { SourceFile } from '../../src/pipeline/load.ts';
import { formatDiagnostic } from '../../src/pipeline/messages.ts';
import { DOU, REAL_FILES, douText, mutated } from '../helpers.ts';

// Counts the positioned parses: the real `yaml` parseDocument, wrapped in a spy.
vi.mock('yaml', async (original) => {
  const yaml = await original<typeof import('yaml')>();
  return { ...yaml, parseDocument: vi.fn(yaml.parseDocument) };
});

/** The fixtures of validate-test.ts: [text to find in {DOU}, replacement]. */
const BROKEN: [string, string][] = [
  ['  journal: Advanced Functional Materials', '  journal: [Advanced Functional Materials'],
  ['  journal: Advanced Functional Materials\n', ''],
  ['initial_coulombic_efficiency: 58.9 %', 'initial_coulombic_efficiency: 58.9 percnt'],
  ['capacities: [410.9 mAh g-1,', 'capacities: [410.9 mAhg-I,'],
  ['  doi: 10.1002/adfm.202412551', '  doi: https://doi.org/10.1002/adfm.202412551'],
  ['    sample: m-bisnsb\n    kind: first-cycle', '    sample: m-bisnbs\n    kind: first-cycle'],
  ['capacities: [410.9 mAh g-1,', 'capacities: [-410.9 mAh g-1,'],
  ['initial_coulombic_efficiency: 58.9 %', 'initial_coulombic_efficiency: 158.9 %'],
  ['    cycles: 400\n', '    cycles: 400.5\n'],
  ['capacities: [410.9 mAh g-1, ', 'capacities: ['],
  ['    cycles: 400\n    capacity: 343.4', '    cycle: 400\n    capacity: 343.4'],
  [
    '    current: 0.2 A g-1\n    cycles: 400\n    capacity: 343.4',
    '    current: 0.2 C\n    cycles: 400\n    capacity: 343.4',
  ],
  ['    retention: 89.3 %\n    retention_baseline_cycle: 10\n', '    retention: 189.3 %\n'],
  ['      capacity_basis: not stated\n', ''],
  ['kind: first-cycle', 'kind: first-cycles'],
];

/** More: YAML that the two parsers treat differently, or that only one of them accepts, and harmless edits. */
const ODD: [string, string][] = [
  ['  journal: Advanced Functional Materials', '  journal: Advanced Functional Materials\n  journal: Other'],
  ['  journal: Advanced Functional Materials', '\tjournal: Advanced Functional Materials'],
  ['  journal: Advanced Functional Materials', '  journal: Advanced\tFunctional Materials'],
  ['  year: 2024', '  year: 0x7E8'],
  ['  year: 2024', '  year: 0o3750'],
  ['  year: 2024', '  year: 2024.0'],
  ['  year: 2024', '  year: 2.024e3'],
  ['  year: 2024', '  year: +2024'],
  ['  year: 2024', '  year: 2_024'],
  ['  year: 2024', '  year: "2024"'],
  ['  year: 2024', '  year: !!int 2024'],
  ['  year: 2024', '  year: &y 2024'],
  [
    '  year: 2024',
    '  year: 99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999',
  ],
  ['  journal: Advanced Functional Materials', '  journal: 1e999'],
  ['  journal: Advanced Functional Materials', '  journal: .NaN'],
  ['  journal: Advanced Functional Materials', '  journal: ~'],
  ['  journal: Advanced Functional Materials', '  journal: Null'],
  ['  journal: Advanced Functional Materials', '  journal: yes'],
  ['  journal: Advanced Functional Materials', '  journal: 2001-12-14'],
  ['  journal: Advanced Functional Materials', '  journal: "Advanced \\x41 Functional"'],
  ['  journal: Advanced Functional Materials', '  journal: "Advanced \\q Functional"'],
  ['  journal: Advanced Functional Materials', "  journal: 'unterminated"],
  ['  journal: Advanced Functional Materials', '  journal: Advanced #Functional Materials'],
  ['  journal: Advanced Functional Materials', '  ~: Advanced Functional Materials'],
  ['  journal: Advanced Functional Materials', '  1.0: Advanced Functional Materials'],
  ['  journal: Advanced Functional Materials', '  <<: {journal: Advanced Functional Materials}'],
  ['  journal: Advanced Functional Materials', '  journal: Advanced\n    Functional Materials'],
  ['  journal: Advanced Functional Materials', '  journal: |\n    Advanced Functional Materials'],
  ['  journal: Advanced Functional Materials', '  journal: @Advanced'],
  ['  journal: Advanced Functional Materials', '  journal: `Advanced'],
  ['  journal: Advanced Functional Materials', '  journal: Advanced: Functional'],
  ['  journal: Advanced Functional Materials', '  journal: Advanced Functional Materials\n...'],
  ['  journal: Advanced Functional Materials', '  journal: Advanced Functional Materials\n--- x'],
  ['schema_version: 1', '%YAML 1.1\nschema_version: 1'],
  ['schema_version: 1', 'schema_version: 1\nschema_version: 1'],
  ['schema_version: 1', 'schema_version: 2'],
  ['schema_version: 1\n', 'schema_version: 1\r\n'],
  ['---\n', '---\n\n'],
  ['---\n', '--- \n'],
];

function comparable(result: FileResult) {
  return {
    diagnostics: result.diagnostics.map(formatDiagnostic),
    doi: result.doi,
    rows: result.paper?.rows,
    paper: paperOf(result),
  };
}

const template = { path: 'content/papers/_template.md', text: readFileSync('content/papers/_template.md', 'utf8') };
const cases: [string, SourceFile][] = [
  ...[...BROKEN, ...ODD].map(([find, replace]): [string, SourceFile] => [
    JSON.stringify(replace).slice(0, 60),
    mutated(DOU, find, replace),
  ]),
  ...REAL_FILES.map(({ path, text }): [string, SourceFile] => [path, { path, text }]),
  [template.path, template],
];
const files = cases.map(([, file]) => file);

describe('one file, both roads', () => {
  test.each(cases)('%s', (_, file) => {
    expect(comparable(fileResult(file))).toStrictEqual(comparable(positionedResult(file)));
  });

  test('the fixtures cover diagnostics of each kind and clean files', () => {
    const results = files.map(fileResult);
    const ids = new Set(results.flatMap((r) => r.diagnostics.map((d) => d.id)));
    for (const id of [
      'E_YAML_SYNTAX',
      'E_FIELD_MISSING',
      'E_FIELD_UNKNOWN',
      'E_TYPE',
      'E_UNIT_UNKNOWN',
      'W_ONE_C_MISSING',
    ])
      expect(ids).toContain(id);
    expect(results.filter((r) => r.diagnostics.length === 0).length).toBeGreaterThan(10);
  });
});

test('a whole run, both roads: the same report, including the check across files', () => {
  const copy = { path: 'content/papers/copy-2024.md', text: douText() };
  const b = {
    path: 'content/papers/b.md',
    text: douText()
      .replace('10.1002/adfm.202412551', '10.1002/other.1')
      .replace('capacities: [410.9', 'capacities: [-410.9'),
  };
  const run = [...files, copy, b];
  const fast = checkFiles(run);
  const positioned = combine(run, run.map(positionedResult), 0);
  expect(fast.diagnostics.map(formatDiagnostic)).toEqual(positioned.diagnostics.map(formatDiagnostic));
  expect(fast.diagnostics.some((d) => d.id === 'E_DOI_DUPLICATE')).toBe(true);
  expect(fast.accepted.map(paperOf)).toStrictEqual(positioned.accepted.map(paperOf));
});

test('only a file with something to report is parsed with positions', () => {
  vi.mocked(parseDocument).mockClear();
  const clean = REAL_FILES.map(({ path, text }) => ({ path, text }));
  expect(checkFiles(clean).diagnostics).toEqual([]);
  expect(parseDocument).not.toHaveBeenCalled();

  const warned = mutated(DOU, '      capacity_basis: not stated\n', '');
  checkFiles([...clean.filter((f) => f.path !== DOU), warned]);
  expect(parseDocument).toHaveBeenCalledTimes(1);
});
