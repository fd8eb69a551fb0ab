import { describe, expect, test } from 'vitest';
import { deriveCycleTime, deriveDecay, completeness } from '../../src/pipeline/derive.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { canonical, specificCurrent } from '../../src/pipeline/normalise.ts';
import { isProblem, parseQuantity, type ParsedQuantity } from '../../src/schema/quantity.ts';
import { REAL_FILES } from '../helpers.ts';

const q = (text: string) => {
  const parsed = parseQuantity(text, [
    'specific-current',
    'specific-capacity',
    'c-rate',
    'time',
    'current-density',
    'areal-capacity',
    'percent',
    'temperature',
  ]);
  if (isProblem(parsed)) throw new Error(text);
  return parsed as ParsedQuantity;
};

describe('normalise', () => {
  test('0.2 A g⁻¹ is 200 mA g⁻¹, reported text kept', () => {
    expect(canonical(q('0.2 A g-1'))).toEqual({
      status: 'reported',
      value: 200,
      unit: 'mA g⁻¹',
      reported: '0.2 A g-1',
    });
  });
  test('a C-rate converts only with the paper’s 1C: 0.1 C with 1C = 250 mA g⁻¹ is 25 mA g⁻¹', () => {
    expect(specificCurrent(q('0.1 C'), q('250 mA g-1'))).toMatchObject({
      status: 'converted',
      value: 25,
      unit: 'mA g⁻¹',
      reported: '0.1 C',
    });
    expect(specificCurrent(q('0.5 C'), q('180 mAh g-1'))).toMatchObject({ status: 'converted', value: 90 });
    expect(specificCurrent(q('0.1 C'), undefined)).toEqual({
      status: 'missing',
      because: 'C-rate with no 1C definition in the paper',
      reported: '0.1 C',
    });
    expect(specificCurrent(q('0.1 C'), 'not stated')).toMatchObject({ status: 'missing' });
  });
  test('kelvin to °C uses the offset', () => {
    expect(canonical(q('298.15 K'))).toMatchObject({ value: 25, unit: '°C' });
  });
});

describe('derive', () => {
  test('symmetric cells: 2000 h at 4 mA cm⁻² and 1 mAh cm⁻² is 4000 cycles, marked derived', () => {
    const point = deriveCycleTime({
      duration: canonical(q('2000 h')),
      current_density: canonical(q('4 mA cm-2')),
      areal_capacity: canonical(q('1 mAh cm-2')),
    });
    expect(point.cycles).toMatchObject({ status: 'derived', value: 4000 });
    expect(point.cycles && 'how' in point.cycles && point.cycles.how).toContain(
      'duration × current density ÷ (2 × areal capacity)',
    );
  });
  test('a lower bound stays a lower bound', () => {
    const point = deriveCycleTime({
      duration: canonical(q('> 700 h')),
      current_density: canonical(q('0.4 mA cm-2')),
      areal_capacity: canonical(q('1 mAh cm-2')),
    });
    expect(point.cycles).toMatchObject({ value: 140, qualifier: '>' });
  });
  test('hours from cycles; a reported value is never replaced', () => {
    const base = { current_density: canonical(q('4 mA cm-2')), areal_capacity: canonical(q('1 mAh cm-2')) };
    expect(
      deriveCycleTime({ ...base, cycles: { status: 'reported', value: 100, unit: '', reported: '100' } }).duration,
    ).toMatchObject({ status: 'derived', value: 50 });
    const both = deriveCycleTime({
      ...base,
      cycles: { status: 'reported', value: 100, unit: '', reported: '100' },
      duration: canonical(q('2000 h')),
    });
    expect(both.duration).toMatchObject({ status: 'reported', value: 2000 });
  });
  test('decay per cycle from retention needs a numeric baseline', () => {
    const point = {
      retention: canonical(q('89.3 %')),
      cycles: { status: 'reported' as const, value: 400, unit: '', reported: '400' },
    };
    expect(deriveDecay(point, 10).decay_per_cycle).toMatchObject({ status: 'derived', value: 0.0274359 });
    expect(deriveDecay(point, 'not stated').decay_per_cycle).toBeUndefined();
  });
});

describe('dataset from the real content', () => {
  const { dataset, failed, diagnostics } = runPipeline(REAL_FILES);
  const row = (id: string) => dataset.rows.find((r) => r.row_id === id);

  test('has zero errors and zero warnings', () => {
    expect(failed).toBe(false);
    expect(diagnostics).toEqual([]);
  });
  test('C-rates of 001 convert with each cathode’s own 1C', () => {
    expect(row('tai-2021-quasi-liquid-kna/kna-3-5-pba-rate/1')).toMatchObject({
      c_rate_C: 0.1,
      current_mA_g: 18,
      one_c_reported: '180 mAh g-1',
    });
    const sr = dataset.rows.filter((r) => r.one_c_reported === '250 mA g-1' && r.c_rate_C === 0.1);
    expect(sr.length).toBeGreaterThan(0);
    for (const r of sr) expect(r.current_mA_g).toBe(25);
  });
  test('0.2 A g⁻¹ in 000 becomes 200 mA g⁻¹', () => {
    const r = dataset.rows.find(
      (x) => x.paper_id === 'dou-2024-metastable-bisnsb' && x.current_mA_g_reported === '0.2 A g-1',
    );
    expect(r?.current_mA_g).toBe(200);
  });
  test('003’s 1 A g⁻¹ result is entered once, as 374.8', () => {
    const matches = dataset.rows.filter(
      (r) =>
        r.paper_id === 'qiu-2021-sb-quantum-dots-functional-carbon' &&
        (r.capacity_mAh_g === 374.8 || r.capacity_mAh_g === 375),
    );
    expect(matches.map((r) => r.capacity_mAh_g)).toEqual([374.8]);
  });
  test('002’s negative conclusion is in the data set as a negative result', () => {
    const negative = dataset.rows.filter(
      (r) => r.paper_id === 'koh-2024-liquid-nak-not-viable' && r.verdict === 'negative',
    );
    expect(negative.length).toBeGreaterThan(0);
  });
  test('completeness lists what a result leaves out, counting only the items that apply', () => {
    const dou = dataset.detail.find((p) => p.id === 'dou-2024-metastable-bisnsb')!;
    const cycling = dou.results.find((r) => r.id === 'm-bisnsb-cycling-0p2a')!;
    // 000 prints no experimental section; it states the retention baseline (10th cycle) and no 1C (no C-rates).
    expect(completeness(cycling)).toEqual({
      reported: ['retention baseline'],
      missing: ['mass loading', 'capacity basis', 'electrolyte', 'voltage window', 'temperature'],
      score: 1 / 6,
    });
    const words = dou.results.find((r) => r.kind === 'qualitative')!;
    expect(completeness(words).score).toBeNull();
  });
});
