/**
 * fast-check generators of GQL queries over the `files` dataset and of events for them. A generated
 * query carries "seeds": event values taken from its own literals (the compared text, the label, the
 * number, the instant) so that generated events often satisfy its conditions, not only fail them.
 */
import fc from "fast-check";
import { isBareWord } from "../../src/ast/format.js";
import { datasets } from "../../src/index.js";
import { encodeString } from "../../src/values/strings.js";

/** The time every property compiles and evaluates with: 2024-03-10T12:00:00Z. */
export const FIXED_NOW = Date.UTC(2024, 2, 10, 12, 0, 0);

const DAY_MS = 86_400_000;

/** Field kinds as the generators see them: enums split by whether they are ordered. */
export type GeneratedKind = "string" | "number" | "size" | "boolean" | "timestamp" | "enum" | "orderedEnum" | "stringList";

/** The fields of `files` that generated queries use, a few per type so that conditions share fields. */
export const queryFields: Readonly<Record<GeneratedKind, readonly string[]>> = {
  string: ["name", "path", "owner"],
  number: ["riskScore"],
  size: ["size"],
  boolean: ["critical", "encrypted"],
  timestamp: ["createdAt", "modifiedAt"],
  enum: ["flow", "dataSource"],
  orderedEnum: ["classification", "risk"],
  stringList: ["tags", "compliance"],
};

export const allQueryFields: readonly string[] = Object.values(queryFields).flat();

/** Event values likely to satisfy conditions, collected from the literals of a query, by field path. */
export type Seeds = Record<string, unknown[]>;

/** A generated query text and the event values its literals suggest. */
export interface GeneratedQuery {
  text: string;
  seeds: Seeds;
}

export function kindOf(path: string): GeneratedKind {
  for (const [kind, paths] of Object.entries(queryFields)) {
    if (paths.includes(path)) return kind as GeneratedKind;
  }
  throw new Error(`No generator kind for the field ${path}.`);
}

function labelsOf(path: string): readonly string[] {
  const type = datasets.files.field(path)?.type;
  if (type?.kind !== "enum") throw new Error(`${path} is not an enum field.`);
  return type.labels;
}

/** Applies upper or lower case to each character by the bits of `mask`; mask 0 keeps the text. */
export function varyCase(text: string, mask: number): string {
  if (mask === 0) return text;
  let result = "";
  let index = 0;
  for (const character of text) {
    const bit = (mask >>> index % 30) & 1;
    result += bit === 1 ? character.toUpperCase() : character.toLowerCase();
    index++;
  }
  return result;
}

const caseMask = fc.oneof(fc.constant(0), fc.nat());

/** Text that an event may carry and a query may compare with: paths, names, Unicode, wildcard characters. */
export const sampleTexts: readonly string[] = [
  "report.pdf",
  "Budget 2024.xlsx",
  "/share/HR/salaries.xlsx",
  "/share/hr/notes.txt",
  "alice@example.com",
  "Bob",
  "Ünïcödé",
  "straße",
  "😀 smile",
  "a😀b",
  "a*b",
  "what?",
  "back\\slash",
  'say "hi"',
  "it's",
  "",
  " ",
  "AND",
  "now-7d",
  "line\nbreak",
  "42",
];

const freeText = fc.string({ maxLength: 8, unit: fc.constantFrom("a", "b", "B", ".", "/", "*", "?", "\\", " ", "é", "😀", "x", "'", '"') });

const sampleText = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...sampleTexts) }, { weight: 1, arbitrary: freeText });

const listTags = ["GDPR", "PCI", "PII", "HIPAA", "Finance", "HR", "confidential-2024", "a*b", "😀"];

/** Renders a value as a query literal: a bare word when it can be one, otherwise a quoted string. */
function literalText(text: string, style: number): string {
  if (style % 3 === 0 && isBareWord(text)) return text;
  if (style % 3 === 1) return singleQuoted(text);
  return encodeString(text);
}

/** Writes `text` as a single-quoted string that decodes back to it. */
export function singleQuoted(text: string): string {
  let body = "";
  for (const character of text) {
    if (character === "\\") body += "\\\\";
    else if (character === "'") body += "\\'";
    else if (character === "\n") body += "\\n";
    else if (character === "\r") body += "\\r";
    else if (character === "\t") body += "\\t";
    else if (character === "\u2028" || character === "\u2029") body += `\\u${character.charCodeAt(0).toString(16)}`;
    else body += character;
  }
  return `'${body}'`;
}

const literalStyle = fc.nat({ max: 2 });

/** Escapes `*`, `?` and `\` so that a `~` pattern treats them as plain characters. */
export function escapeWildcard(text: string): string {
  return text.replace(/[*?\\]/g, (character) => `\\${character}`);
}

/** Escapes the RE2 metacharacters of a text. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, (character) => `\\${character}`);
}

/** Derives a `~` pattern from `source`: a substring, a prefix or suffix with `*`, or `?` for one character. */
export function wildcardPattern(source: string): fc.Arbitrary<string> {
  const characters = [...source];
  return fc.tuple(fc.nat({ max: 5 }), fc.nat(), fc.nat()).map(([shape, first, second]) => {
    const length = characters.length;
    const a = length === 0 ? 0 : first % (length + 1);
    const b = length === 0 ? 0 : second % (length + 1);
    const [from, to] = a <= b ? [a, b] : [b, a];
    const piece = (start: number, end: number): string => escapeWildcard(characters.slice(start, end).join(""));
    switch (shape) {
      case 0:
        return piece(from, to);
      case 1:
        return `${piece(0, to)}*`;
      case 2:
        return `*${piece(from, length)}`;
      case 3:
        return length === 0 ? "?" : `${piece(0, a === length ? a - 1 : a)}?${piece((a === length ? a - 1 : a) + 1, length)}`;
      case 4:
        return `${piece(0, from)}*${piece(to, length)}`;
      default:
        return `*${piece(from, to)}*?`;
    }
  });
}

/** Derives a regular expression from `source`, with anchors and the (?i) flag now and then. */
function regexPattern(source: string): fc.Arbitrary<string> {
  const characters = [...source];
  return fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean(), fc.boolean()).map(([first, second, caseless, start, end]) => {
    const a = characters.length === 0 ? 0 : first % (characters.length + 1);
    const b = characters.length === 0 ? 0 : second % (characters.length + 1);
    const [from, to] = a <= b ? [a, b] : [b, a];
    const body = escapeRegex(characters.slice(from, to).join(""));
    return `${caseless ? "(?i)" : ""}${start && from === 0 ? "^" : ""}${body}${end && to === characters.length ? "$" : ""}`;
  });
}

const keywordSpellings = {
  and: ["AND", "and", "And", "&&"],
  or: ["OR", "or", "Or", "||"],
  not: ["NOT ", "not ", "!", "! ", "NOT\n"],
  equals: ["=", "=="],
  notEquals: ["!=", "<>"],
  in: ["IN", "in"],
  notIn: ["NOT IN", "not in", "NOT  IN"],
  between: ["BETWEEN", "between"],
  betweenAnd: ["AND", "and"],
  isNull: ["IS NULL", "is null"],
  isNotNull: ["IS NOT NULL", "is not Null"],
} as const;

function spelling<K extends keyof typeof keywordSpellings>(key: K): fc.Arbitrary<string> {
  return fc.constantFrom(...keywordSpellings[key]);
}

const gap = fc.constantFrom(" ", " ", " ", "  ", "\n", "\t", "\r\n");

/** One literal for a field of a kind, rendered, with the event values it suggests. */
export interface GeneratedLiteral {
  text: string;
  seeds: unknown[];
}

function timestampSeeds(epochMs: number, dateOnly: boolean): unknown[] {
  const points = dateOnly ? [epochMs, epochMs + 1, epochMs + DAY_MS - 1, epochMs + DAY_MS, epochMs - 1] : [epochMs, epochMs + 1, epochMs - 1];
  return points.flatMap((point) => [new Date(point).toISOString(), point, new Date(point)]);
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

const dayOfMarch = fc.integer({ min: 1, max: 20 });

/** UTC offsets of the zone suffixes that generated date-times use; the others are UTC. */
const zoneOffsetMinutes: Record<string, number> = { "+02:00": 120, "-05:30": -330, "+0100": 60 };

const timestampLiteral: fc.Arbitrary<GeneratedLiteral> = fc.oneof(
  dayOfMarch.map((day) => ({ text: `2024-03-${pad(day)}`, seeds: timestampSeeds(Date.UTC(2024, 2, day), true) })),
  fc
    .tuple(dayOfMarch, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom("Z", "+02:00", "-05:30", "", ".250Z", "+0100"))
    .map(([day, hour, minute, zone]) => {
      const text = `2024-03-${pad(day)}T${pad(hour)}:${pad(minute)}:00${zone}`;
      const offsetMinutes = zoneOffsetMinutes[zone] ?? 0;
      const fractionMs = zone === ".250Z" ? 250 : 0;
      const epochMs = Date.UTC(2024, 2, day, hour, minute) - offsetMinutes * 60_000 + fractionMs;
      return { text, seeds: timestampSeeds(epochMs, false) };
    }),
  fc.tuple(fc.constantFrom("-", "+"), fc.integer({ min: 0, max: 10 }), fc.constantFrom("d", "h", "m", "w", "D", "H"), fc.constantFrom("", " ")).map(([sign, amount, unit, space]) => {
    const unitMs = { d: DAY_MS, h: 3_600_000, m: 60_000, w: 7 * DAY_MS }[unit.toLowerCase() as "d" | "h" | "m" | "w"];
    const epochMs = FIXED_NOW + (sign === "-" ? -1 : 1) * amount * unitMs;
    return { text: `now${space}${sign}${space}${amount}${unit}`, seeds: timestampSeeds(epochMs, false) };
  }),
  fc.constant({ text: "now", seeds: timestampSeeds(FIXED_NOW, false) }),
);

const sizeUnits: readonly [string, number][] = [
  ["", 1],
  ["B", 1],
  ["KB", 1e3],
  ["kb", 1e3],
  ["MB", 1e6],
  ["GiB", 1024 ** 3],
  ["KiB", 1024],
  ["mib", 1024 ** 2],
];

const sizeLiteral: fc.Arbitrary<GeneratedLiteral> = fc
  .tuple(fc.constantFrom(0, 1, 2, 10, 1.5, 500, 0.25), fc.constantFrom(...sizeUnits))
  .map(([amount, [unit, factor]]) => {
    const bytes = amount * factor;
    return { text: `${amount}${unit}`, seeds: [bytes, bytes + 1, bytes - 1, String(bytes), `${bytes}.0`] };
  });

const numberLiteral: fc.Arbitrary<GeneratedLiteral> = fc
  .oneof(
    fc.integer({ min: -5, max: 105 }).map((value) => ({ text: String(value), value })),
    fc.constantFrom(
      { text: "1e1", value: 10 },
      { text: "-0", value: 0 },
      { text: ".5", value: 0.5 },
      { text: "+7", value: 7 },
      { text: "42.50", value: 42.5 },
      { text: "2.5E1", value: 25 },
    ),
  )
  .map(({ text, value }) => ({ text, seeds: [value, value + 1, value - 0.5, String(value), `${value}e0`] }));

function labelLiteral(path: string): fc.Arbitrary<GeneratedLiteral> {
  const labels = labelsOf(path);
  return fc.tuple(fc.constantFrom(...labels), caseMask, literalStyle).map(([label, mask, style]) => ({
    text: literalText(varyCase(label, mask), style),
    seeds: [label, label.toLowerCase()],
  }));
}

const booleanLiteral: fc.Arbitrary<GeneratedLiteral> = fc
  .tuple(fc.boolean(), caseMask)
  .map(([value, mask]) => ({ text: varyCase(String(value), mask), seeds: [value] }));

function textLiteral(kind: "string" | "stringList"): fc.Arbitrary<GeneratedLiteral> {
  const source = kind === "stringList" ? fc.oneof(fc.constantFrom(...listTags), sampleText) : sampleText;
  return fc.tuple(source, caseMask, literalStyle).map(([text, mask, style]) => ({
    text: literalText(varyCase(text, mask), style),
    seeds: [text],
  }));
}

/** Generates a literal valid for the field, for `=`, `IN`, the bounds of `BETWEEN` and ordering. */
export function valueLiteral(path: string): fc.Arbitrary<GeneratedLiteral> {
  const kind = kindOf(path);
  switch (kind) {
    case "string":
    case "stringList":
      return textLiteral(kind);
    case "number":
      return numberLiteral;
    case "size":
      return sizeLiteral;
    case "boolean":
      return booleanLiteral;
    case "timestamp":
      return timestampLiteral;
    case "enum":
    case "orderedEnum":
      return labelLiteral(path);
  }
}

/** Generates the text that a `~` or `=~` pattern is derived from, by field kind. */
export function patternSource(path: string): fc.Arbitrary<string> {
  const kind = kindOf(path);
  if (kind === "enum" || kind === "orderedEnum") return fc.constantFrom(...labelsOf(path));
  if (kind === "stringList") return fc.oneof(fc.constantFrom(...listTags), sampleText);
  return sampleText;
}

function matchCondition(path: string, fieldText: string): fc.Arbitrary<GeneratedQuery> {
  const contains = fc
    .tuple(patternSource(path), spelling("equals"), fc.constantFrom("~", "!~"), gap, literalStyle, caseMask)
    .chain(([source, , operator, space, style, mask]) =>
      wildcardPattern(source).map((pattern) => ({
        text: `${fieldText}${space}${operator}${space}${literalText(varyCase(pattern, mask), style)}`,
        seeds: { [path]: [source] },
      })),
    );
  const regex = fc.tuple(patternSource(path), gap, fc.constantFrom(1, 2)).chain(([source, space, style]) =>
    regexPattern(source).map((pattern) => ({
      text: `${fieldText}${space}=~${space}${literalText(pattern, style)}`,
      seeds: { [path]: [source] },
    })),
  );
  return fc.oneof(contains, regex);
}

function orderCondition(path: string, fieldText: string): fc.Arbitrary<GeneratedQuery> {
  return fc.tuple(fc.constantFrom("<", "<=", ">", ">="), valueLiteral(path), gap).map(([operator, literal, space]) => ({
    text: `${fieldText}${space}${operator}${space}${literal.text}`,
    seeds: { [path]: literal.seeds },
  }));
}

function betweenCondition(path: string, fieldText: string): fc.Arbitrary<GeneratedQuery> {
  return fc
    .tuple(valueLiteral(path), valueLiteral(path), spelling("between"), spelling("betweenAnd"))
    .map(([low, high, between, and]) => ({
      text: `${fieldText} ${between} ${low.text} ${and} ${high.text}`,
      seeds: { [path]: [...low.seeds, ...high.seeds] },
    }));
}

function equalityCondition(path: string, fieldText: string): fc.Arbitrary<GeneratedQuery> {
  return fc
    .tuple(fc.oneof(spelling("equals"), spelling("notEquals")), valueLiteral(path), gap)
    .map(([operator, literal, space]) => ({ text: `${fieldText}${space}${operator}${space}${literal.text}`, seeds: { [path]: literal.seeds } }));
}

function inCondition(path: string, fieldText: string): fc.Arbitrary<GeneratedQuery> {
  return fc
    .tuple(fc.oneof(spelling("in"), spelling("notIn")), fc.array(valueLiteral(path), { minLength: 1, maxLength: 4 }), gap)
    .map(([operator, literals, space]) => ({
      text: `${fieldText} ${operator}${space}(${literals.map((literal) => literal.text).join(`,${space}`)})`,
      seeds: { [path]: literals.flatMap((literal) => literal.seeds) },
    }));
}

function nullCondition(path: string, fieldText: string): fc.Arbitrary<GeneratedQuery> {
  return fc.oneof(spelling("isNull"), spelling("isNotNull")).map((operator) => ({ text: `${fieldText} ${operator}`, seeds: { [path]: [] } }));
}

/** Generates a condition on one field with an operator that its type accepts and a literal valid for it. */
export function conditionOn(path: string): fc.Arbitrary<GeneratedQuery> {
  const kind = kindOf(path);
  return caseMask.chain((mask) => {
    const fieldText = varyCase(path, mask);
    const shapes: fc.WeightedArbitrary<GeneratedQuery>[] = [
      { weight: 3, arbitrary: equalityCondition(path, fieldText) },
      { weight: 2, arbitrary: inCondition(path, fieldText) },
      { weight: 1, arbitrary: nullCondition(path, fieldText) },
    ];
    if (kind === "string" || kind === "stringList" || kind === "enum" || kind === "orderedEnum") shapes.push({ weight: 4, arbitrary: matchCondition(path, fieldText) });
    if (kind === "number" || kind === "size" || kind === "timestamp" || kind === "orderedEnum") {
      shapes.push({ weight: 3, arbitrary: orderCondition(path, fieldText) }, { weight: 2, arbitrary: betweenCondition(path, fieldText) });
    }
    return fc.oneof(...shapes);
  });
}

export const condition: fc.Arbitrary<GeneratedQuery> = fc.constantFrom(...allQueryFields).chain(conditionOn);

function mergeSeeds(parts: readonly GeneratedQuery[]): Seeds {
  const seeds: Seeds = {};
  for (const part of parts) {
    for (const [path, values] of Object.entries(part.seeds)) seeds[path] = [...(seeds[path] ?? []), ...values];
  }
  return seeds;
}

/** Random queries: conditions joined by AND, OR and NOT in their spellings, with parentheses here and there. */
export const query: fc.Arbitrary<GeneratedQuery> = fc.letrec<{ expression: GeneratedQuery; junction: GeneratedQuery; negation: GeneratedQuery; group: GeneratedQuery }>(
  (tie) => ({
    expression: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 4, arbitrary: condition },
      { weight: 2, arbitrary: tie("junction") },
      { weight: 1, arbitrary: tie("negation") },
      { weight: 1, arbitrary: tie("group") },
    ),
    junction: fc
      .tuple(fc.array(tie("expression"), { minLength: 2, maxLength: 3 }), fc.boolean(), fc.constantFrom(0, 1, 2, 3), gap)
      .map(([operands, isAnd, variant, space]) => {
        const operator = (isAnd ? keywordSpellings.and : keywordSpellings.or)[variant] as string;
        return { text: operands.map((operand) => operand.text).join(`${space}${operator}${space}`), seeds: mergeSeeds(operands) };
      }),
    negation: fc.tuple(spelling("not"), tie("expression"), fc.boolean()).map(([not, operand, group]) => ({
      text: group ? `${not}(${operand.text})` : `${not}${operand.text}`,
      seeds: operand.seeds,
    })),
    group: fc.tuple(tie("expression"), fc.constantFrom("", " ", "\n")).map(([inner, space]) => ({ text: `(${space}${inner.text}${space})`, seeds: inner.seeds })),
  }),
).expression;

/** Marks a field that an event leaves out. */
const MISSING = Symbol("missing");

function wrongTypeValue(kind: GeneratedKind): fc.Arbitrary<unknown> {
  const common = fc.oneof(
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, true, false, 0, -1, 1e21, "", " 42", "0x10", "1_000", "yesterday", "2024-1-2"),
    fc.constantFrom({}, { value: "x" }, new Date(Number.NaN), [1, 2], [null], ["a", 1]),
  );
  if (kind === "string" || kind === "enum" || kind === "orderedEnum") return fc.oneof(common, fc.integer(), fc.constant(["report.pdf"]));
  if (kind === "stringList") return fc.oneof(common, fc.constantFrom("GDPR", "a*b"), fc.constant([1, true, null]));
  if (kind === "boolean") return fc.oneof(common, fc.constantFrom("true", "false", "TRUE", 1, 0));
  return fc.oneof(common, sampleText);
}

function typicalValue(kind: GeneratedKind, path: string): fc.Arbitrary<unknown> {
  switch (kind) {
    case "string":
      return sampleText;
    case "stringList":
      return fc.array(fc.oneof(fc.constantFrom(...listTags), sampleText), { maxLength: 4 });
    case "number":
      return fc.oneof(fc.integer({ min: -10, max: 110 }), fc.double({ min: -10, max: 110, noNaN: true }));
    case "size":
      return fc.oneof(fc.nat({ max: 3_000_000_000 }), fc.constantFrom(1000, 1024, 1_000_000, 1_048_576, 10_000));
    case "boolean":
      return fc.boolean();
    case "timestamp":
      return fc
        .integer({ min: Date.UTC(2024, 1, 25), max: Date.UTC(2024, 2, 25) })
        .chain((epochMs) => fc.constantFrom<unknown>(epochMs, new Date(epochMs).toISOString(), new Date(epochMs), new Date(epochMs).toISOString().slice(0, 10)));
    case "enum":
    case "orderedEnum":
      return fc.oneof(fc.constantFrom(...labelsOf(path)), fc.constantFrom("UNKNOWN_LABEL", "confidential ", "SECRET"));
  }
}

/** Turns a seed into the kind of value an event carries: case changed, numbers as strings, one-element lists. */
function seededValue(kind: GeneratedKind, seeds: unknown[]): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...seeds), caseMask, fc.nat({ max: 9 })).map(([seed, mask, variant]) => {
    if (typeof seed === "string" && kind !== "timestamp") {
      const text = varyCase(seed, mask);
      if (kind === "stringList") return variant < 5 ? [text] : ["other", 7, text];
      return text;
    }
    if (typeof seed === "number" && (kind === "number" || kind === "size") && variant < 3) return String(seed);
    return seed;
  });
}

export interface EventOptions {
  /**
   * Whether scalar fields may carry an empty array. The generated predicate and the reference
   * evaluator disagree on `IS NULL` for such a value, so the agreement property runs with and without.
   */
  emptyArraysInScalars?: boolean;
}

function fieldValue(path: string, seeds: unknown[] | undefined, options: EventOptions): fc.Arbitrary<unknown> {
  const kind = kindOf(path);
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { weight: 3, arbitrary: typicalValue(kind, path) },
    { weight: 1, arbitrary: fc.constant(MISSING) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongTypeValue(kind) },
  ];
  if (seeds !== undefined && seeds.length > 0) choices.push({ weight: 6, arbitrary: seededValue(kind, seeds) });
  if (kind === "stringList" || options.emptyArraysInScalars === true) choices.push({ weight: 1, arbitrary: fc.constant([]) });
  return fc.oneof(...choices);
}

/** Events for a query: every field the generators use, missing or null or wrongly typed now and then. */
export function eventFor(seeds: Seeds, options: EventOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const entries = allQueryFields.map((path) => fieldValue(path, seeds[path], options).map((value) => [path, value] as const));
  return fc.tuple(...entries).map((pairs) => {
    const event: Record<string, unknown> = {};
    for (const [path, value] of pairs) if (value !== MISSING) event[path] = value;
    return event;
  });
}

/** Generates a query with a few events for it. */
export function queryWithEvents(options: EventOptions = {}, eventCount = 6): fc.Arbitrary<{ query: GeneratedQuery; events: Record<string, unknown>[] }> {
  return query.chain((generated) =>
    fc.array(eventFor(generated.seeds, options), { minLength: 1, maxLength: eventCount }).map((events) => ({ query: generated, events })),
  );
}

/** Fragments of GQL for throwing random but plausible token soups at the parser. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom("AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "&&", "||", "!", "(", ")", ",", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "~", "!~", "=~"),
      fc.constantFrom(...allQueryFields, "file.path", "a.b.c", "__proto__", "constructor", "1abc", "now", "now-7d", "now - 7d", "10MB", "-5", "0x10", "1e400"),
      fc.constantFrom('"', "'", '"abc"', "'x'", '"\\u', '"\\uZZZZ"', '"\\u{110000}"', "\\", "*", "?", "😀", "\u2028", "\r\n", "\ud800"),
      fc.string({ maxLength: 4, unit: "binary" }),
    ),
    { maxLength: 14 },
  )
  .chain((parts) => fc.array(gap, { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((part, index) => part + (gaps[index] ?? "")).join("")));

/** Removes `span` and `operatorSpan` from a tree, to compare trees parsed from different texts. */
export function withoutSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSpans);
  if (node === null || typeof node !== "object") return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "span" || key === "operatorSpan") continue;
    result[key] = withoutSpans(value);
  }
  return result;
}
