/**
 * The fast frontmatter parser: js-yaml, set up to give exactly the values that `yaml` (the positioned parser,
 * YAML 1.2 core schema, `document.toJS()`) gives, or to decline. Declining is always safe: the caller then takes
 * the `yaml` path, which is what every file took before. So the rule is: whenever the two parsers could disagree,
 * decline.
 *
 * Where they could disagree, and what happens:
 * - Scalar resolution. js-yaml's CORE_SCHEMA differs from `yaml`'s at the edges (an integer too large for a
 *   double is a string in js-yaml and Infinity in `yaml`; a null key is "null" in one and "" in the other). So the
 *   schema below copies `yaml`'s core tags (yaml/dist/schema/core, common/null.js): the same tests, in the same
 *   order, resolved with the same parseInt/parseFloat calls.
 * - Keys. `yaml` turns a scalar key into String(value) (null into ""), keeps `__proto__` as an own property, and has
 *   no merge keys in the core schema ("<<" is a plain key); the map tag below does the same. A collection as a key
 *   declines (`yaml` stringifies it as YAML text).
 * - Duplicate keys. `yaml` (uniqueKeys) rejects equal scalar keys; js-yaml rejects keys that are equal once made
 *   strings, a superset (1 and "1"). Either way js-yaml throws, and the file takes the `yaml` path.
 * - Tags, anchors and aliases (`!!int 1`, `&a`, `*a`), directives (`%YAML 1.1` switches `yaml` to YAML 1.1 rules),
 *   explicit document markers, several documents or none: rare in a paper file and each with its own rules, so
 *   the fast path declines them all.
 * - Syntax. Both follow YAML 1.2, but their error checks and a few foldings are not the same code. Where js-yaml
 *   is stricter it throws and `yaml` decides. Where it is more lenient, or folds differently, the text is left to
 *   `yaml` before parsing: tabs, a byte order mark, a CR that does not end a line, a "\" line break followed by
 *   an empty line, a document marker at a line start, a line long enough for a key beyond 1024 characters; and
 *   after parsing: keep chomping (`|+`), an empty or null key, and frontmatter that is not a mapping. Each was
 *   found by generated tests; test/pipeline/fast-yaml-test.ts keeps checking, on hand-picked cases and on
 *   generated ones, that js-yaml never accepts what `yaml` rejects and never gives other values.
 */
import {
  CHOMPING_MODE,
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  EVENT_ID,
  NOT_RESOLVED,
  parseEvents,
  Schema,
  seqTag,
  strTag,
  type Event,
} from 'js-yaml';

/** An implicit scalar tag: `resolve` gives the value of a plain scalar, or NOT_RESOLVED, as `yaml`'s tag does. */
function implicitTag(
  type: 'null' | 'bool' | 'int' | 'float',
  firstChars: string[],
  resolve: (source: string) => unknown,
) {
  return defineScalarTag(`tag:yaml.org,2002:${type}`, {
    implicit: true,
    implicitFirstChars: firstChars,
    resolve: (source, isExplicit) => (isExplicit ? NOT_RESOLVED : resolve(source)),
    identify: () => false,
  });
}

const SIGNED_DIGITS = ['-', '+', ...'0123456789'];

// yaml/dist/schema/common/null.js and core/bool.js
const nullTag = implicitTag('null', ['', '~', 'n', 'N'], (s) =>
  /^(?:~|[Nn]ull|NULL)?$/.test(s) ? null : NOT_RESOLVED,
);
const boolTag = implicitTag('bool', ['t', 'T', 'f', 'F'], (s) =>
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s) ? s[0] === 't' || s[0] === 'T' : NOT_RESOLVED,
);
// core/int.js: intOct, int, intHex (parseInt, so an integer beyond 2^53 rounds and one beyond 1e308 is Infinity)
const intTag = implicitTag('int', SIGNED_DIGITS, (s) => {
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  return NOT_RESOLVED;
});
// core/float.js: floatNaN, floatExp, float
const floatTag = implicitTag('float', [...SIGNED_DIGITS, '.'], (s) => {
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
    return parseFloat(s);
  return NOT_RESOLVED;
});

/** yaml/dist/nodes/addPairToJSMap.js, stringifyKey: the property name a scalar key becomes. */
const keyName = (key: unknown) => (key === null ? '' : String(key));
const isCollection = (key: unknown) => key !== null && typeof key === 'object';

const mapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (map, key, value) => {
    if (isCollection(key)) return 'a collection as a key: left to the yaml parser';
    const name = keyName(key);
    if (name === '') return 'an empty key: left to the yaml parser';
    if (name === '__proto__')
      Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true });
    else map[name] = value;
    return '';
  },
  has: (map, key) => !isCollection(key) && Object.hasOwn(map, keyName(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[keyName(key)],
  identify: () => false,
});

const YAML_CORE = new Schema([strTag, seqTag, mapTag, nullTag, boolTag, intTag, floatTag]);

/** Text the fast path leaves to `yaml`: tabs, a BOM, a CR that does not end a line, a document marker at a
 * line start, and a backslash-escaped line break followed by an empty line (the parsers fold that differently). */
const LEFT_TO_YAML = /[\t\uFEFF]|\r(?!\n)|\\\r?\n *\r?\n|(?:^|\n)(?:---|\.\.\.)/;
/** `yaml` refuses an implicit key more than 1024 characters long; js-yaml does not. */
const MAX_LINE = 1000;

function hasLongLine(text: string): boolean {
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start >= MAX_LINE) return true;
    if (end === -1) return false;
    start = end + 1;
  }
  return false;
}

/** True when the events hold only what the fast path vouches for: one plain document, no tags, no anchors. */
function isPlainDocument(events: readonly Event[]): boolean {
  let documents = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      documents++;
      if (event.directives.length > 0 || event.explicitStart || event.explicitEnd) return false;
    } else if (event.type === EVENT_ID.ALIAS) return false;
    else if (event.type !== EVENT_ID.POP && (event.tagStart !== -1 || event.anchorStart !== -1)) return false;
    else if (event.type === EVENT_ID.SCALAR && event.chomping === CHOMPING_MODE.KEEP) return false;
  }
  return documents === 1;
}

/**
 * The frontmatter's value, as `yaml`'s parseDocument(text).toJS() would give it; undefined when js-yaml finds an
 * error or the text uses anything the fast path leaves to `yaml` (see the top of this file).
 */
export function parseFast(text: string): { data: unknown } | undefined {
  if (LEFT_TO_YAML.test(text) || hasLongLine(text)) return undefined;
  try {
    const events = parseEvents(text, {});
    if (!isPlainDocument(events)) return undefined;
    const data = constructFromEvents(events, { source: text, schema: YAML_CORE, maxAliases: 0 })[0];
    // Frontmatter that is not a mapping is an error, which `yaml` then reports (the parsers differ on some
    // top-level scalars, e.g. an indented block scalar followed by a less indented "#" line).
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? { data } : undefined;
  } catch {
    return undefined;
  }
}
