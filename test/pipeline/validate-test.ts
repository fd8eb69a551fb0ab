/**
 * Each bad-input case, put into a copy of a real paper file, gives one located error with pinned text, and the
 * check fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.ts';
import { DOU, diagnosticsOf, douText, lineOf, mutated } from '../helpers.ts';

function only(find: string, replace: string): { line: number; messages: string[]; failed: boolean } {
  const file = mutated(DOU, find, replace);
  const firstLine = replace.split('\n')[0]!;
  const result = runPipeline([file]);
  return {
    line: lineOf(file.text, firstLine.trim() === '' ? replace : firstLine),
    messages: diagnosticsOf(file),
    failed: result.failed,
  };
}

describe('bad input gives a located error', () => {
  test('YAML syntax error', () => {
    const { line, messages, failed } = only(
      '  journal: Advanced Functional Materials',
      '  journal: [Advanced Functional Materials',
    );
    expect(failed).toBe(true);
    expect(messages[0]).toMatch(new RegExp(`^${DOU}:${line + 1}:\\d+  error  E_YAML_SYNTAX  `));
  });

  test('missing required field', () => {
    const text = douText();
    const file = mutated(DOU, '  journal: Advanced Functional Materials\n', '');
    expect(diagnosticsOf(file)).toEqual([
      `${DOU}:${lineOf(text, 'paper:')}:1  error  E_FIELD_MISSING  paper.journal: required field is missing`,
    ]);
  });

  test('unknown unit, with a suggestion', () => {
    const { line, messages } = only(
      'initial_coulombic_efficiency: 58.9 %',
      'initial_coulombic_efficiency: 58.9 percnt',
    );
    expect(messages).toEqual([
      `${DOU}:${line}:35  error  E_UNIT_UNKNOWN  results.0.initial_coulombic_efficiency: unknown unit "percnt"; accepted: %`,
    ]);
    const capacity = only('capacities: [410.9 mAh g-1,', 'capacities: [410.9 mAhg-I,');
    expect(capacity.messages).toEqual([
      `${DOU}:${capacity.line}:18  error  E_UNIT_UNKNOWN  results.1.capacities.0: unknown unit "mAhg-I"; accepted: mAh g-1, mA h g-1, mAh/g, Ah g-1, A h g-1, Ah/g; did you mean "mAh g-1"?`,
    ]);
  });

  test('malformed DOI', () => {
    const { line, messages } = only('  doi: 10.1002/adfm.202412551', '  doi: https://doi.org/10.1002/adfm.202412551');
    expect(messages).toEqual([
      `${DOU}:${line}:8  error  E_DOI_FORMAT  paper.doi: "https://doi.org/10.1002/adfm.202412551" is not a DOI; accepted: a DOI such as 10.1002/adfm.202412551, without a https://doi.org/ prefix`,
    ]);
  });

  test('duplicate DOI across files', () => {
    const copy = { path: 'content/papers/copy-2024.md', text: douText() };
    const messages = diagnosticsOf({ path: DOU, text: douText() }, copy);
    expect(messages).toEqual([
      `content/papers/copy-2024.md:${lineOf(douText(), '  doi:')}:8  error  E_DOI_DUPLICATE  paper.doi: DOI 10.1002/adfm.202412551 is already the DOI of ${DOU}`.concat(
        '; accepted: one file per paper',
      ),
    ]);
  });

  test('result naming an unknown sample', () => {
    const { line, messages } = only(
      '    sample: m-bisnsb\n    kind: first-cycle',
      '    sample: m-bisnbs\n    kind: first-cycle',
    );
    expect(messages).toEqual([
      `${DOU}:${line}:13  error  E_SAMPLE_UNKNOWN  results.0.sample: no sample has the id "m-bisnbs"; accepted: m-bisnsb, s-bisnsb, ptcda`,
    ]);
  });

  test('negative capacity', () => {
    const { line, messages } = only('capacities: [410.9 mAh g-1,', 'capacities: [-410.9 mAh g-1,');
    expect(messages).toEqual([
      `${DOU}:${line}:18  error  E_NEGATIVE  results.1.capacities.0: "-410.9 mAh g-1" is negative; accepted: a specific capacity ≥ 0`,
    ]);
  });

  test('CE above 100 %', () => {
    const { line, messages } = only('initial_coulombic_efficiency: 58.9 %', 'initial_coulombic_efficiency: 158.9 %');
    expect(messages).toEqual([
      `${DOU}:${line}:35  error  E_EFFICIENCY_ABOVE_100  results.0.initial_coulombic_efficiency: "158.9 %" is above 100 %; accepted: a Coulombic efficiency from 0 to 100 %`,
    ]);
  });

  test('non-integer cycle count', () => {
    const text = douText();
    const at = text.indexOf('    cycles: 400', text.indexOf('current: 0.2 A g-1'));
    const file = {
      path: DOU,
      text: `${text.slice(0, at)}    cycles: 400.5${text.slice(at + '    cycles: 400'.length)}`,
    };
    expect(diagnosticsOf(file)).toEqual([
      `${DOU}:${lineOf(file.text, 'cycles: 400.5')}:13  error  E_NOT_INTEGER  results.3.cycles: 400.5 is not a whole number; accepted: a whole number ≥ 1`,
    ]);
  });

  test('rate series lists of different length', () => {
    const { line, messages } = only('capacities: [410.9 mAh g-1, ', 'capacities: [');
    expect(messages).toEqual([
      `${DOU}:${line}:17  error  E_SERIES_LENGTH  results.1.capacities: 6 currents but 5 capacities; accepted: one capacity for each current, in the same order`,
    ]);
  });

  test('unknown field, with a suggestion and the accepted fields', () => {
    const { line, messages } = only('    cycles: 400\n    capacity: 343.4', '    cycle: 400\n    capacity: 343.4');
    expect(messages[0]).toBe(
      `${DOU}:${line - 4}:5  error  E_FIELD_MISSING  results.3.cycles: required field is missing`,
    );
    expect(messages[1]).toBe(
      `${DOU}:${line}:5  error  E_FIELD_UNKNOWN  results.3.cycle: "cycle" is not a field here; accepted: id, sample, conditions, source, note, kind, current, cycles, capacity, initial_capacity, retention, retention_baseline_cycle, decay_per_cycle, coulombic_efficiency; did you mean "cycles"?`,
    );
  });

  test('every problem in every file is collected before failing', () => {
    const a = mutated(DOU, 'initial_coulombic_efficiency: 58.9 %', 'initial_coulombic_efficiency: 158.9 %');
    const b = {
      path: 'content/papers/b.md',
      text: a.text
        .replace('10.1002/adfm.202412551', '10.1002/other.1')
        .replace('capacities: [410.9', 'capacities: [-410.9'),
    };
    const ids = runPipeline([a, b]).diagnostics.map((d) => `${d.file} ${d.id}`);
    expect(ids).toEqual([
      'content/papers/b.md E_EFFICIENCY_ABOVE_100',
      'content/papers/b.md E_NEGATIVE',
      `${DOU} E_EFFICIENCY_ABOVE_100`,
    ]);
  });
});

describe('reporting gaps are warnings', () => {
  test('C-rate without a 1C definition', () => {
    const { line, messages, failed } = only(
      '    current: 0.2 A g-1\n    cycles: 400\n    capacity: 343.4',
      '    current: 0.2 C\n    cycles: 400\n    capacity: 343.4',
    );
    expect(failed).toBe(false);
    expect(messages).toEqual([
      `${DOU}:${line}:14  warning  W_ONE_C_MISSING  results.3.current: a C-rate is given but conditions.one_c is absent, so the current cannot be converted to mA g⁻¹; accepted: conditions.one_c: the paper's 1C ("250 mA g-1" or "250 mAh g-1"), or "not stated"`,
    ]);
  });

  test('retention without baseline, and above 100 %', () => {
    const text = douText();
    const file = mutated(DOU, '    retention: 89.3 %\n    retention_baseline_cycle: 10\n', '    retention: 189.3 %\n');
    expect(diagnosticsOf(file)).toEqual([
      `${DOU}:${lineOf(file.text, 'retention: 189.3')}:16  warning  W_RETENTION_ABOVE_100  results.3.retention: "189.3 %" is above 100 % (capacity rose during cycling, e.g. activation); check the baseline`,
      `${DOU}:${lineOf(file.text, 'retention: 189.3')}:16  warning  W_RETENTION_BASELINE_MISSING  results.3.retention: retention is given without retention_baseline_cycle; accepted: retention_baseline_cycle: the cycle retention is measured from (e.g. 1, 10), or "not stated"`,
    ]);
    expect(text).toContain('retention_baseline_cycle: 10');
  });

  test('capacity basis absent', () => {
    const file = mutated(DOU, '      capacity_basis: not stated\n', '');
    const messages = diagnosticsOf(file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      / {2}warning {2}W_CAPACITY_BASIS_MISSING {2}results\.\d+\.conditions: specific capacities are given but conditions\.capacity_basis is absent; /,
    );
  });
});

test('unknown result kind', () => {
  const file = mutated(DOU, 'kind: first-cycle', 'kind: first-cycles');
  expect(diagnosticsOf(file)).toEqual([
    `${DOU}:${lineOf(file.text, 'kind: first-cycles')}:11  error  E_KIND_UNKNOWN  results.0.kind: result kind "first-cycles" is not known; accepted: cycling, rate, first-cycle, symmetric, plating, full-cell, property, qualitative`,
  ]);
});

test('the contributor template is a valid paper file', () => {
  const path = 'content/papers/_template.md';
  const result = runPipeline([{ path, text: readFileSync(path, 'utf8') }]);
  expect(result.diagnostics.map((d) => d.id)).toEqual([]);
  expect(result.dataset.rows).toHaveLength(1);
});
