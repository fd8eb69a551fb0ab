/**
 * The fast parser gives exactly `yaml`'s values, or declines (and the file then takes the `yaml` road): on odd
 * cases picked by hand, on generated documents, and on real frontmatter with random edits.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { parseFast } from '../../src/pipeline/fast-yaml.ts';
import { splitFrontmatter } from '../../src/pipeline/load.ts';
import { REAL_FILES } from '../helpers.ts';

/** What `yaml` makes of the text, as the positioned road sees it. */
function yamlOutcome(text: string): { error: string } | { data: unknown } {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) return { error: document.errors[0]!.message };
  return { data: document.toJS() };
}

/** Undefined when the parsers agree or the fast one declines; otherwise how they differ. */
function disagreement(text: string): string | undefined {
  const fast = parseFast(text);
  if (!fast) return undefined;
  const slow = yamlOutcome(text);
  if ('error' in slow) return `fast parser accepts what yaml rejects: ${slow.error}`;
  return isDeepStrictEqual(fast.data, slow.data) ? undefined : `values differ: ${JSON.stringify(fast.data)}`;
}

describe('the fast parser agrees with yaml or declines', () => {
  const agrees: string[] = [
    'year: 0x7E8\nb: 0o17\nc: +12\nd: -0\ne: 2024.0\nf: 2.024e3\ng: .5\nh: 1.',
    'a: 2_024\nb: 0b11\nc: 2001-12-14\nd: 12:30\ne: yes\nf: on\ng: nULL',
    'a: 1e999\nb: 99999999999999999999999999999999\nc: .NaN\nd: -.inf\ne: +.nan',
    'a: ~\nb: Null\nc: NULL\nd: null\ne:\nf: True\ng: FALSE',
    '1.0: b\n0x10: c\ntrue: d\n<<: {e: 1}\n__proto__: f\ntoString: g',
    "a: \"\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\ \\/\\t\\0\\a\\e\"\nb: 'it''s'",
    'a: plain\n  continued\n\n  next\nb: "q\n  r"\nc: |\n  x\n\n  y\nd: >-\n  x\n  y\n',
    'a: b\r\nc: [1, 2,]\r\nd: {e: 1,}\r\n',
    'a: Advanced #comment\nb: x#y',
  ];
  const declined: string[] = [
    'a: 1\na: 2', // duplicate keys
    'a: 1\n"a": 2',
    '1: a\n"1": b', // distinct in yaml, the same property in JavaScript
    'a: !!str 1', // tags
    'a: &x 1\nb: *x', // anchors and aliases
    '%YAML 1.1\n---\na: yes', // directives
    'a: 1\n...\n', // document markers
    'a: 1\n--- b',
    '\tjournal: x', // tabs
    'a: b\tc',
    'a: b\rc: d', // a CR that does not end a line
    'a: "x\\\n\n  y"', // an escaped line break before an empty line
    '\ufeffa: 1', // a byte order mark
    `${'k'.repeat(1100)}: 1`, // an implicit key beyond 1024 characters
    'a: |+\n  x\n\n', // keep chomping
    '? [a, b]\n: c', // a collection as a key
    ': a', // an empty key, or a null one
    '~: a',
    'c: "x"#no space', // an error in both
    '- a', // frontmatter that is not a mapping
    '',
  ];

  test.each(agrees)('accepted, with the same values: %j', (text) => {
    expect(parseFast(text)).toBeDefined();
    expect(disagreement(text)).toBeUndefined();
  });

  test.each(declined)('declined: %j', (text) => {
    expect(parseFast(text)).toBeUndefined();
  });

  const scalar = fc.oneof(
    fc.constantFrom('1', '-0', '0x1F', '0o17', '1e3', '.5', '-.inf', '.NaN', '~', 'Null', 'TRUE', 'yes', '<<', '1e999'),
    fc.constantFrom('a b', 'a #b', 'a#b', 'a: b', 'x\ny', ' x', 'é', '⁻¹', '\u2028', '\u0085', '\u00a0', '"', "'"),
    fc.string({
      unit: fc.constantFrom('a', ' ', '\t', ':', '#', '-', '"', "'", '\\', '\n', '1', '.', ',', '[', '{', '!', '&'),
      maxLength: 8,
    }),
  );
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z_]{0,6}$/) },
    { weight: 1, arbitrary: scalar },
  );
  type Tree = { text: string } | { list: Tree[]; flow: boolean } | { map: [string, Tree][]; flow: boolean };
  const { tree } = fc.letrec<{ tree: Tree; leaf: Tree; list: Tree; map: Tree }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('map')),
    leaf: scalar.map((text) => ({ text })),
    list: fc.record({ list: fc.array(tie('tree'), { maxLength: 3 }), flow: fc.boolean() }),
    map: fc.record({
      map: fc.uniqueArray(fc.tuple(key, tie('tree')), { maxLength: 3, selector: ([k]) => k }),
      flow: fc.boolean(),
    }),
  }));
  const style = fc.constantFrom('plain', 'single', 'double', 'raw double', 'literal', 'folded', 'literal-', 'folded+');

  function render(node: Tree, indent: number, styles: string[], counter = { n: 0 }): string {
    const pad = ' '.repeat(indent);
    if ('text' in node) {
      const s = styles[counter.n++ % styles.length]!;
      if (s === 'single') return `'${node.text.replaceAll("'", "''")}'`;
      if (s === 'double') return JSON.stringify(node.text);
      if (s === 'raw double') return `"${node.text.replaceAll('"', '\\"').replaceAll('\n', `\n${pad} `)}"`;
      if (s === 'plain') return node.text;
      const header = `${s.startsWith('literal') ? '|' : '>'}${s.slice(-1) === '-' || s.slice(-1) === '+' ? s.slice(-1) : ''}`;
      return `${header}\n${node.text
        .split('\n')
        .map((line) => `${pad}  ${line}`)
        .join('\n')}`;
    }
    if ('list' in node) {
      if (node.flow || node.list.length === 0)
        return `[${node.list.map((x) => render(x, indent + 2, styles, counter)).join(', ')}]`;
      return `\n${node.list.map((x) => `${pad}- ${render(x, indent + 2, styles, counter)}`).join('\n')}`;
    }
    if (node.flow || node.map.length === 0)
      return `{${node.map.map(([k, v]) => `${k}: ${render(v, indent + 2, styles, counter)}`).join(', ')}}`;
    return `\n${node.map.map(([k, v]) => `${pad}${k}: ${render(v, indent + 2, styles, counter)}`).join('\n')}`;
  }

  /** Inserts each text at a position (modulo the length), optionally deleting a few characters there. */
  function edit(text: string, edits: [number, string, number][]): string {
    return edits.reduce((t, [at, insert, remove]) => {
      const p = at % (t.length + 1);
      return t.slice(0, p) + insert + t.slice(p + remove);
    }, text);
  }
  const token = fc.constantFrom(
    ...[' ', '\t', '\n', '\n  ', '#', ' #c', ':', ': ', '- ', "'", '"', '\\', '[', ']', '{', '}', ',', '? ', '|'],
    ...['>-', '|+', '&a ', '*a', '!!str ', '%', '@', '`', '~', '1e3', '\r\n', '\r', '\ufeff', '---', '...', 'é'],
  );

  test('on generated documents', () => {
    // A mapping at the top, as in a paper file, and at most one edit.
    const root = fc.record({
      map: fc.uniqueArray(fc.tuple(key, tree), { minLength: 1, maxLength: 4, selector: ([k]) => k }),
      flow: fc.constant(false),
    });
    const documents = fc
      .tuple(
        root,
        fc.array(style, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), token, fc.nat(2)), { maxLength: 1 }),
      )
      .map(([node, styles, edits]) => edit(render(node, 0, styles).replace(/^\n/, ''), edits));
    fc.assert(
      fc.property(documents, (text) => disagreement(text) === undefined),
      { numRuns: 10000, seed: 7 },
    );
  });

  test('on real frontmatter with random edits', () => {
    const frontmatters = REAL_FILES.map((file) => splitFrontmatter(file)!.yaml);
    const documents = fc
      .tuple(
        fc.constantFrom(...frontmatters),
        fc.array(fc.tuple(fc.nat(), token, fc.nat(3)), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
      )
      .map(([text, edits, crlf]) => {
        const edited = edit(text, edits);
        return crlf ? edited.replace(/\r?\n/g, '\r\n') : edited;
      });
    fc.assert(
      fc.property(documents, (text) => disagreement(text) === undefined),
      { numRuns: 300, seed: 11 },
    );
  });
});

test('the frontmatter split is the one the regular expression gave', () => {
  const REGEX = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;
  const byRegex = (text: string) => {
    const match = REGEX.exec(text);
    if (!match || match.index !== 0) return undefined;
    return { yaml: match[1] ?? '', body: text.slice(match[0].length).trim() };
  };
  const piece = fc.constantFrom('---', '--', '-', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', 'a: 1', '#', 'x');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
      const text = pieces.join('');
      return isDeepStrictEqual(splitFrontmatter({ path: 'x.md', text }), byRegex(text));
    }),
    { numRuns: 20000, seed: 3 },
  );
});
