import { describe, expect, test } from 'vitest';
import { isProblem, parseQuantity, type ParsedQuantity } from '../../src/schema/quantity.ts';
import { resolveUnit, suggestUnit } from '../../src/schema/units.ts';

const parsed = (text: string, dims: Parameters<typeof parseQuantity>[1]) => {
  const q = parseQuantity(text, dims);
  if (isProblem(q)) throw new Error(`${text}: ${q.problem}`);
  return q as ParsedQuantity;
};

describe('unit registry', () => {
  test('typographic variants of one unit resolve alike', () => {
    for (const spelling of ['mAh g-1', 'mA h g⁻¹', 'mAh g^-1', 'mAh g−1', 'mA·h g-1', 'mAh/g'])
      expect(resolveUnit(spelling)).toEqual({ dimension: 'specific-capacity', factor: 1, offset: 0 });
  });
  test('case matters: MA g-1 is not mA g-1', () => {
    expect(resolveUnit('MA g-1')).toBeUndefined();
  });
  test('suggests the nearest spelling of the expected dimension only', () => {
    expect(suggestUnit('mAh g-l', ['specific-capacity'])).toBe('mAh g-1');
    expect(suggestUnit('mA cm-3', ['current-density'])).toBe('mA cm-2');
    expect(suggestUnit('banana', ['specific-capacity'])).toBeUndefined();
  });
});

describe('quantity strings', () => {
  test('keep the number and unit exactly as printed', () => {
    const q = parsed('0.50 A g⁻¹', ['specific-current']);
    expect(q).toMatchObject({ value: 0.5, valueText: '0.50', unit: 'A g⁻¹', factor: 1000 });
  });
  test('qualifiers, signs and powers of ten', () => {
    expect(parsed('> 2000 h', ['time'])).toMatchObject({ qualifier: '>', value: 2000 });
    expect(parsed('≈0.5 kΩ', ['resistance'])).toMatchObject({ qualifier: '≈', value: 0.5, factor: 1000 });
    expect(parsed('+0.9 V', ['potential']).value).toBe(0.9);
    expect(parsed('-0.9 V', ['potential']).value).toBe(-0.9);
    expect(parsed('1.2 × 10⁻³ S cm⁻¹', ['conductivity']).value).toBeCloseTo(0.0012, 12);
    expect(parsed('1.2e-3 S cm-1', ['conductivity']).value).toBeCloseTo(0.0012, 12);
  });
  test('problems are typed', () => {
    expect(parseQuantity('about 40', ['time'])).toMatchObject({ problem: 'no-number' });
    expect(parseQuantity('40', ['time'])).toMatchObject({ problem: 'no-unit' });
    expect(parseQuantity('40 hrz', ['time'])).toMatchObject({ problem: 'unknown-unit', unit: 'hrz' });
    expect(parseQuantity('40 mAh g-1', ['time'])).toMatchObject({
      problem: 'wrong-dimension',
      dimension: 'specific-capacity',
    });
  });
});
