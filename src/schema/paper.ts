/**
 * The paper-file schema (frontmatter of content/papers/*.md), schema version 1.
 *
 * This file is the only definition of the content model: the contributor field reference page and
 * public/schema/paper.schema.json are generated from it. Every field carries a `.describe()` text.
 * Objects are strict: an unknown field is an error, so a misspelt field never silently drops a number.
 */
import { z } from 'astro/zod';
import { isProblem, parseQuantity, type ParsedQuantity, type Qualifier } from './quantity.ts';
import { DIMENSIONS, spellingsFor, suggestUnit, type Dimension } from './units.ts';
import { IONS, MATERIAL_CLASSES, ROLES } from './vocabulary.ts';

export const SCHEMA_VERSION = 1;

/** The literal a contributor writes when the paper is silent on a checklist item. */
export const NOT_STATED = 'not stated';
const notStated = z.literal(NOT_STATED);

/**
 * A quantity string "<number> <unit>" whose unit must measure one of `dimensions`. Parses to a
 * `ParsedQuantity`; problems become issues carrying a message id (see pipeline/messages.ts).
 */
export function quantity(dimensions: readonly Dimension[], what: string) {
  const accepted = spellingsFor(dimensions);
  return z
    .string()
    .transform((text, ctx): ParsedQuantity => {
      const parsed = parseQuantity(text, dimensions);
      if (!isProblem(parsed)) return parsed;
      const base = { code: 'custom' as const, input: text };
      if (parsed.problem === 'no-number' || parsed.problem === 'no-unit') {
        ctx.addIssue({
          ...base,
          message: `"${text}" is not a quantity`,
          params: {
            id: 'E_QUANTITY_FORMAT',
            accepted: `"<number> <unit>", e.g. "${accepted[0] === 'C' ? '0.1' : '1.5'} ${accepted[0]}"`,
          },
        });
      } else if (parsed.problem === 'unknown-unit') {
        const suggestion = suggestUnit(parsed.unit, dimensions);
        ctx.addIssue({
          ...base,
          message: `unknown unit "${parsed.unit}"`,
          params: { id: 'E_UNIT_UNKNOWN', accepted: accepted.join(', '), suggestion },
        });
      } else {
        ctx.addIssue({
          ...base,
          message: `"${parsed.unit}" is a unit of ${DIMENSIONS[parsed.dimension].label}, not of ${what}`,
          params: { id: 'E_UNIT_DIMENSION', accepted: accepted.join(', ') },
        });
      }
      return z.NEVER;
    })
    .describe(`${what}: "<number> <unit>"; units: ${accepted.join(', ')}`);
}

const positiveCount = (what: string) => z.int().min(1).describe(`${what}: a whole number ≥ 1`);

/** A count as printed: a whole number, or one with a qualifier as a string ("≈220", "> 400"). */
export interface Count {
  value: number;
  qualifier?: Qualifier;
  text: string;
}
const QUALIFIED_COUNT = /^\s*([~≈><≥≤])\s*(\d+)\s*$/;

const count = (what: string) =>
  z
    .union([
      positiveCount(what),
      z.string().regex(QUALIFIED_COUNT, 'must be a whole number, optionally with a qualifier such as "≈220"'),
    ])
    .transform((v): Count => {
      if (typeof v === 'number') return { value: v, text: String(v) };
      const [, qualifier, digits] = QUALIFIED_COUNT.exec(v)!;
      return { value: Number(digits), qualifier: qualifier as Qualifier, text: v.trim() };
    })
    .describe(`${what}: a whole number ≥ 1, or a string with a qualifier ("≈220", "> 400")`);

const text = (what: string) => z.string().trim().min(1).describe(what);
const kebabId = (what: string) =>
  z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens')
    .describe(what);

// ---------------------------------------------------------------------------------------------- paper

export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

export const Paper = z
  .strictObject({
    doi: z
      .string()
      .regex(DOI_PATTERN, 'must look like 10.<registrant>/<suffix>, without a https://doi.org/ prefix')
      .optional()
      .describe('DOI as printed in the paper, e.g. 10.1002/adfm.202412551; unique across files'),
    doi_note: text(
      'Why there is no DOI (e.g. "not printed in the source text"); required when doi is absent',
    ).optional(),
    title: text('Title exactly as printed'),
    authors: z.array(text('Author name as printed')).min(1).describe('Authors in order, as printed'),
    journal: text('Journal name'),
    year: z.int().min(1800).max(2100).describe('Year of publication'),
    volume: text('Volume, when printed').optional(),
    issue: text('Issue, when printed').optional(),
    pages: text('Page range or article number, when printed').optional(),
    type: z.enum(['article', 'review']).default('article').describe('Original research article or review'),
    note: text(
      'How a bibliographic field was established when the paper does not print it (e.g. journal from the DOI prefix)',
    ).optional(),
  })
  .describe('Bibliographic record of the paper');

// -------------------------------------------------------------------------------------------- samples

export { IONS, MATERIAL_CLASSES, ROLES } from './vocabulary.ts';

export const Sample = z
  .strictObject({
    id: kebabId('Short id that results use to name this sample, unique within the file'),
    name: text('The name the paper gives the sample, e.g. "M-BiSnSb"'),
    formula: text('Composition or formula as written, e.g. "BiSnSb" or "Na50K50"').optional(),
    ion: z.enum(IONS).describe('Working ion'),
    role: z.enum(ROLES).describe('Role of the material in the cell'),
    class: z.enum(MATERIAL_CLASSES).describe('Material class'),
    control: z.boolean().default(false).describe('True for comparison or control samples'),
    notes: text('Structure, particle size, carbon or metal content, as the paper states them').optional(),
  })
  .describe('A material or control the paper tests');

// ---------------------------------------------------------------------------------------- conditions

export const CELL_TYPES = ['half', 'symmetric', 'asymmetric', 'full'] as const;
export const CAPACITY_BASES = ['active material', 'composite', 'electrode', 'anode', 'cathode'] as const;

export const Conditions = z
  .strictObject({
    cell: z
      .enum(CELL_TYPES)
      .describe('half: vs a metal counter electrode; symmetric: X‖X; asymmetric: X‖Cu (plating); full: anode‖cathode')
      .optional(),
    format: text('Cell hardware, e.g. "CR2032 coin cell", "pouch cell"').optional(),
    counter_electrode: text('Counter electrode, e.g. "K metal", "Prussian blue"').optional(),
    electrolyte: text('Electrolyte as written, e.g. "1 M NaPF6 in diglyme"').optional(),
    electrolyte_volume: quantity(['volume'], 'electrolyte amount').optional(),
    voltage_window: z
      .strictObject({
        min: quantity(['potential'], 'lower cut-off'),
        max: quantity(['potential'], 'upper cut-off'),
        vs: text('Reference, e.g. "K+/K"').optional(),
      })
      .optional()
      .describe('Voltage window of the cycling'),
    temperature: quantity(['temperature'], 'temperature').optional(),
    mass_loading: quantity(['mass-loading'], 'mass loading').optional(),
    electrode_area: quantity(['area'], 'electrode area').optional(),
    one_c: z
      .union([quantity(['specific-current', 'specific-capacity'], '1C definition'), notStated])
      .optional()
      .describe(
        'What 1C means in this paper: a current ("250 mA g-1") or a capacity ("250 mAh g-1", so 1C = that per hour); "not stated" when the paper uses C-rates without defining 1C',
      ),
    capacity_basis: z
      .union([z.enum(CAPACITY_BASES), notStated])
      .optional()
      .describe(
        'Mass the specific capacity is per: active material, composite (active material with its carbon/host), electrode (whole coating), anode or cathode (full cells); "not stated" when the paper does not say',
      ),
  })
  .describe('Test conditions, where the paper prints them');

// ------------------------------------------------------------------------------------------- results

const current = quantity(['specific-current', 'c-rate'], 'current');
const specificCapacity = quantity(['specific-capacity'], 'specific capacity');
const percent = (what: string) => quantity(['percent'], what);

const Source = z
  .strictObject({
    locator: text('Where in the paper: figure, table or section, e.g. "Figure 4e; Section 2.3"'),
    quote: z
      .union([text('Quote'), z.array(text('Quote')).min(1)])
      .describe(
        'The exact words of the paper that give the numbers (one string or a list); verbatim, whitespace may differ',
      ),
    origin: z
      .enum(['reported', 'read from plot'])
      .default('reported')
      .describe('"reported": printed in text or table; "read from plot": read off a figure'),
  })
  .describe('Provenance of the result');

const common = {
  id: kebabId('Result id, unique within the file'),
  sample: kebabId('Id of the sample this result is for'),
  conditions: Conditions.optional(),
  source: Source,
  note: text('Anything a reader needs to interpret the result (ambiguities, caveats)').optional(),
};

const retentionBaseline = z
  .union([positiveCount('Cycle number'), notStated])
  .describe('The cycle retention is measured from (1 for the first cycle), or "not stated"');

export const CyclingResult = z
  .strictObject({
    ...common,
    kind: z.literal('cycling').describe('Result kind'),
    current: current.describe('Current of the cycling, specific ("1 A g-1") or as a C-rate ("0.1 C")'),
    cycles: count('Number of cycles the result refers to'),
    capacity: specificCapacity.optional().describe('Reversible capacity after `cycles`'),
    initial_capacity: specificCapacity.optional().describe('Capacity at the start of the test, as printed'),
    retention: percent('capacity retention').optional(),
    retention_baseline_cycle: retentionBaseline.optional(),
    decay_per_cycle: percent('capacity decay per cycle').optional(),
    coulombic_efficiency: percent('Coulombic efficiency').optional(),
  })
  .describe('Galvanostatic cycling: capacity, retention or efficiency after a number of cycles');

export const RateResult = z
  .strictObject({
    ...common,
    kind: z.literal('rate').describe('Result kind'),
    currents: z
      .array(z.union([current, notStated]))
      .min(1)
      .describe(
        'The currents of the rate test, in order; "not stated" for a step whose current the paper does not print',
      ),
    capacities: z.array(specificCapacity).min(1).describe('The capacity at each current, same order and length'),
  })
  .describe('Rate capability: the series of current/capacity pairs');

export const FirstCycleResult = z
  .strictObject({
    ...common,
    kind: z.literal('first-cycle').describe('Result kind'),
    current: current.optional().describe('Current of the first cycle'),
    discharge_capacity: specificCapacity.optional().describe('First discharge (insertion/alloying) capacity'),
    charge_capacity: specificCapacity.optional().describe('First charge (extraction/dealloying) capacity'),
    initial_coulombic_efficiency: percent('initial Coulombic efficiency').optional(),
  })
  .describe('First cycle: discharge and charge capacity, initial Coulombic efficiency');

export const FAILURES = ['none', 'short circuit', 'overpotential rise', 'other', NOT_STATED] as const;
const failure = z
  .enum(FAILURES)
  .describe(
    'How the test ended: none (still stable when stopped), short circuit, overpotential rise, other (say in note), or not stated',
  );

export const SymmetricResult = z
  .strictObject({
    ...common,
    kind: z.literal('symmetric').describe('Result kind'),
    current_density: quantity(['current-density'], 'current density'),
    areal_capacity: quantity(['areal-capacity'], 'areal capacity per half-cycle').optional(),
    duration: quantity(['time'], 'lifetime').optional().describe('How long the cell cycled (lifetime), as printed'),
    cycles: count('Number of plating/stripping cycles').optional(),
    overpotential: quantity(['overpotential'], 'overpotential').optional(),
    failure: failure,
  })
  .describe('Symmetric metal cell (X‖X): plating/stripping lifetime');

export const PlatingResult = z
  .strictObject({
    ...common,
    kind: z.literal('plating').describe('Result kind'),
    current_density: quantity(['current-density'], 'current density'),
    areal_capacity: quantity(['areal-capacity'], 'areal capacity per cycle').optional(),
    cycles: count('Number of cycles').optional(),
    duration: quantity(['time'], 'duration').optional(),
    initial_coulombic_efficiency: percent('first-cycle plating/stripping Coulombic efficiency').optional(),
    coulombic_efficiency: percent('plating/stripping Coulombic efficiency (stable or average value)').optional(),
    failure: failure.optional(),
  })
  .describe('Plating/stripping Coulombic efficiency in an asymmetric metal‖Cu cell');

export const FullCellResult = z
  .strictObject({
    ...common,
    kind: z.literal('full-cell').describe('Result kind'),
    cathode: text('Cathode of the full cell as the paper names it'),
    current: current.optional().describe('Current of the cycling'),
    cycles: count('Number of cycles the result refers to').optional(),
    capacity: specificCapacity.optional().describe('Capacity after `cycles` (state the basis in conditions)'),
    initial_capacity: specificCapacity.optional().describe('Capacity at the start of the test'),
    retention: percent('capacity retention').optional(),
    retention_baseline_cycle: retentionBaseline.optional(),
    coulombic_efficiency: percent('Coulombic efficiency').optional(),
    specific_energy: quantity(['specific-energy'], 'specific energy').optional(),
  })
  .describe('Full cell: the sample as anode against a cathode');

export const PropertyResult = z
  .strictObject({
    ...common,
    kind: z.literal('property').describe('Result kind'),
    property: text('What is measured, e.g. "ionic conductivity", "overpotential"'),
    value: quantity(Object.keys(DIMENSIONS) as Dimension[], 'property value'),
  })
  .describe('A single measured property that no other kind covers');

export const QualitativeResult = z
  .strictObject({
    ...common,
    kind: z.literal('qualitative').describe('Result kind'),
    statement: text('The result in our words, faithful to the quote'),
    verdict: z
      .enum(['positive', 'negative', 'neutral'])
      .describe('negative: the material failed or underperformed; positive: it worked; neutral: neither'),
  })
  .describe('A result the paper gives only in words ("short-circuited rapidly")');

export const Result = z.discriminatedUnion('kind', [
  CyclingResult,
  RateResult,
  FirstCycleResult,
  SymmetricResult,
  PlatingResult,
  FullCellResult,
  PropertyResult,
  QualitativeResult,
]);

/** Every result kind, in the order the site lists them. */
export const RESULT_KINDS = Result.options.map((option) => option.shape.kind.value);

export const PaperFrontmatter = z
  .strictObject({
    schema_version: z.literal(SCHEMA_VERSION).describe('Version of this schema the file follows'),
    paper: Paper,
    samples: z.array(Sample).min(1).describe('Materials and controls the paper tests'),
    results: z.array(Result).min(1).describe('Measured results, each tied to a sample'),
  })
  .describe('Frontmatter of one paper file');

export type PaperFrontmatter = z.output<typeof PaperFrontmatter>;
export type SampleRecord = z.output<typeof Sample>;
export type ResultRecord = z.output<typeof Result>;
export type ConditionsRecord = z.output<typeof Conditions>;
