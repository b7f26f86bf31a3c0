import { describe, expect, it } from "vitest";
import { analyze } from "../src/checker/check.js";
import { check, defineDataset, formatDiagnostics, GqlError, parse, type Diagnostic } from "../src/index.js";
import { withoutSpans } from "./support/arbitraries.js";

// Builders for trees without spans.
const field = (name: string) => ({ type: "Field", name });
const word = (text: string) => ({ type: "Literal", form: "word", text });
const string = (text: string) => ({ type: "Literal", form: "string", text });
const relative = (text: string) => ({ type: "Literal", form: "relative", text });
type LiteralShape = ReturnType<typeof word>;
const literal = (value: string | LiteralShape): LiteralShape => (typeof value === "string" ? word(value) : value);
const compare = (name: string, operator: string, value: string | LiteralShape) => ({ type: "Comparison", field: field(name), operator, value: literal(value) });
const inList = (name: string, values: (string | LiteralShape)[], negated = false) => ({ type: "In", field: field(name), negated, values: values.map(literal) });
const between = (name: string, low: string | LiteralShape, high: string | LiteralShape) => ({ type: "Between", field: field(name), low: literal(low), high: literal(high) });
const isNull = (name: string, negated = false) => ({ type: "IsNull", field: field(name), negated });
const and = (...operands: unknown[]) => ({ type: "And", operands });
const or = (...operands: unknown[]) => ({ type: "Or", operands });
const not = (operand: unknown) => ({ type: "Not", operand });

/** The tree of a query that must parse without diagnostics, spans removed. */
function tree(query: string): unknown {
  const result = parse(query);
  expect(result.diagnostics).toEqual([]);
  return withoutSpans(result.ast.body);
}

/** A position from line and column, with the offset it must have. */
function at(offset: number, line: number, column: number) {
  return { offset, line, column };
}

function diagnosticsOf(query: string): Diagnostic[] {
  return parse(query).diagnostics;
}

describe("parse tree", () => {
  it("keeps spans of every node", () => {
    expect(parse("a = 1 AND NOT b = 2 OR c = 3").ast).toEqual({
      type: "Query",
      span: { start: 0, end: 28 },
      body: {
        type: "Or",
        span: { start: 0, end: 28 },
        operands: [
          {
            type: "And",
            span: { start: 0, end: 19 },
            operands: [
              {
                type: "Comparison",
                field: { type: "Field", name: "a", span: { start: 0, end: 1 } },
                operator: "=",
                operatorSpan: { start: 2, end: 3 },
                value: { type: "Literal", form: "word", text: "1", span: { start: 4, end: 5 } },
                span: { start: 0, end: 5 },
              },
              {
                type: "Not",
                span: { start: 10, end: 19 },
                operand: {
                  type: "Comparison",
                  field: { type: "Field", name: "b", span: { start: 14, end: 15 } },
                  operator: "=",
                  operatorSpan: { start: 16, end: 17 },
                  value: { type: "Literal", form: "word", text: "2", span: { start: 18, end: 19 } },
                  span: { start: 14, end: 19 },
                },
              },
            ],
          },
          {
            type: "Comparison",
            field: { type: "Field", name: "c", span: { start: 23, end: 24 } },
            operator: "=",
            operatorSpan: { start: 25, end: 26 },
            value: { type: "Literal", form: "word", text: "3", span: { start: 27, end: 28 } },
            span: { start: 23, end: 28 },
          },
        ],
      },
    });
  });

  it("keeps spans of IN, BETWEEN and IS NOT NULL", () => {
    expect(parse('x NOT IN (1, "2") OR t BETWEEN now - 7d AND now OR y IS NOT NULL').ast.body).toEqual({
      type: "Or",
      span: { start: 0, end: 64 },
      operands: [
        {
          type: "In",
          field: { type: "Field", name: "x", span: { start: 0, end: 1 } },
          negated: true,
          values: [
            { type: "Literal", form: "word", text: "1", span: { start: 10, end: 11 } },
            { type: "Literal", form: "string", text: "2", span: { start: 13, end: 16 } },
          ],
          operatorSpan: { start: 2, end: 8 },
          span: { start: 0, end: 17 },
        },
        {
          type: "Between",
          field: { type: "Field", name: "t", span: { start: 21, end: 22 } },
          low: { type: "Literal", form: "relative", text: "now-7d", span: { start: 31, end: 39 } },
          high: { type: "Literal", form: "word", text: "now", span: { start: 44, end: 47 } },
          operatorSpan: { start: 23, end: 30 },
          span: { start: 21, end: 47 },
        },
        {
          type: "IsNull",
          field: { type: "Field", name: "y", span: { start: 51, end: 52 } },
          negated: true,
          operatorSpan: { start: 53, end: 64 },
          span: { start: 51, end: 64 },
        },
      ],
    });
  });

  it("gives a parenthesized group the span of its parentheses", () => {
    expect(parse("(a = 1)").ast.body).toEqual({
      type: "Comparison",
      field: { type: "Field", name: "a", span: { start: 1, end: 2 } },
      operator: "=",
      operatorSpan: { start: 3, end: 4 },
      value: { type: "Literal", form: "word", text: "1", span: { start: 5, end: 6 } },
      span: { start: 0, end: 7 },
    });
  });
});

describe("precedence", () => {
  const cases: [string, unknown][] = [
    ["a = 1 OR b = 2 AND c = 3", or(compare("a", "=", "1"), and(compare("b", "=", "2"), compare("c", "=", "3")))],
    ["a = 1 AND b = 2 OR c = 3", or(and(compare("a", "=", "1"), compare("b", "=", "2")), compare("c", "=", "3"))],
    ["NOT a = 1 AND b = 2", and(not(compare("a", "=", "1")), compare("b", "=", "2"))],
    ["NOT a = 1 OR b = 2", or(not(compare("a", "=", "1")), compare("b", "=", "2"))],
    ["NOT (a = 1 AND b = 2)", not(and(compare("a", "=", "1"), compare("b", "=", "2")))],
    ["(a = 1 OR b = 2) AND c = 3", and(or(compare("a", "=", "1"), compare("b", "=", "2")), compare("c", "=", "3"))],
    ["a = 1 OR (b = 2 OR c = 3)", or(compare("a", "=", "1"), compare("b", "=", "2"), compare("c", "=", "3"))],
    ["(a = 1 AND b = 2) AND c = 3", and(compare("a", "=", "1"), compare("b", "=", "2"), compare("c", "=", "3"))],
    ["a = 1 AND b = 2 AND c = 3", and(compare("a", "=", "1"), compare("b", "=", "2"), compare("c", "=", "3"))],
    ["a = 1 AND (b = 2 OR c = 3)", and(compare("a", "=", "1"), or(compare("b", "=", "2"), compare("c", "=", "3")))],
    ["NOT NOT a = 1", not(not(compare("a", "=", "1")))],
    ["NOT (NOT a = 1)", not(not(compare("a", "=", "1")))],
    ["a = 1 OR NOT b = 2 AND c = 3", or(compare("a", "=", "1"), and(not(compare("b", "=", "2")), compare("c", "=", "3")))],
  ];
  for (const [query, expected] of cases) {
    it(query, () => {
      expect(tree(query)).toEqual(expected);
    });
  }
});

describe("symbol and case spellings", () => {
  const expectedAndOr = or(and(compare("a", "=", "1"), compare("b", "=", "2")), compare("c", "=", "3"));
  const cases: [string, unknown][] = [
    ["a = 1 && b = 2 || c = 3", expectedAndOr],
    ["a = 1 and b = 2 or c = 3", expectedAndOr],
    ["a = 1 And b = 2 oR c = 3", expectedAndOr],
    ["a=1&&b=2||c=3", expectedAndOr],
    ["!a = 1", not(compare("a", "=", "1"))],
    ["! a = 1", not(compare("a", "=", "1"))],
    ["!(a = 1)", not(compare("a", "=", "1"))],
    ["not a = 1", not(compare("a", "=", "1"))],
    ["!!a = 1", not(not(compare("a", "=", "1")))],
    ["a == 1", compare("a", "=", "1")],
    ["a <> 1", compare("a", "!=", "1")],
    ["a != 1", compare("a", "!=", "1")],
    ["a!=1", compare("a", "!=", "1")],
    ["a<1", compare("a", "<", "1")],
    ["a<=1", compare("a", "<=", "1")],
    ["a>1", compare("a", ">", "1")],
    ["a>=1", compare("a", ">=", "1")],
    ["a~x", compare("a", "~", "x")],
    ["a!~x", compare("a", "!~", "x")],
    ['a=~"^x"', compare("a", "=~", string("^x"))],
    ["a IN (1, 2)", inList("a", ["1", "2"])],
    ["a in (1,2)", inList("a", ["1", "2"])],
    ["a NOT IN (x)", inList("a", ["x"], true)],
    ["a not in (x)", inList("a", ["x"], true)],
    ["a BETWEEN 1 AND 2", between("a", "1", "2")],
    ["a between 1 and 2", between("a", "1", "2")],
    ["a IS NULL", isNull("a")],
    ["a is null", isNull("a")],
    ["a IS NOT NULL", isNull("a", true)],
    ["a is Not Null", isNull("a", true)],
    ["file.path = x", compare("file.path", "=", "x")],
  ];
  for (const [query, expected] of cases) {
    it(query, () => {
      expect(tree(query)).toEqual(expected);
    });
  }
});

describe("keywords as whole words", () => {
  const cases: [string, unknown][] = [
    ["owner = x", compare("owner", "=", "x")],
    ["orderId = 1", compare("orderId", "=", "1")],
    ["notes = x", compare("notes", "=", "x")],
    ["index = 1", compare("index", "=", "1")],
    ["android = x", compare("android", "=", "x")],
    ["isolated IS NULL", isNull("isolated")],
    ["betweenness BETWEEN 1 AND 2", between("betweenness", "1", "2")],
    ["nullable = true", compare("nullable", "=", "true")],
    ["city = orlando", compare("city", "=", "orlando")],
    ["category = Insurance", compare("category", "=", "Insurance")],
    ["name = notes.txt", compare("name", "=", "notes.txt")],
    ["os = ANDROID", compare("os", "=", "ANDROID")],
    ["state = nothing", compare("state", "=", "nothing")],
    ["city IN (orlando, isolde, andorra)", inList("city", ["orlando", "isolde", "andorra"])],
    ["owner = x OR orderId = 1 AND android = y", or(compare("owner", "=", "x"), and(compare("orderId", "=", "1"), compare("android", "=", "y")))],
    ["notes = x AND NOT index = 1", and(compare("notes", "=", "x"), not(compare("index", "=", "1")))],
    ['name = "AND"', compare("name", "=", string("AND"))],
    ["name = 'null'", compare("name", "=", string("null"))],
  ];
  for (const [query, expected] of cases) {
    it(query, () => {
      expect(tree(query)).toEqual(expected);
    });
  }

  it("checks keyword-like field names against a dataset", () => {
    const dataset = defineDataset({ name: "orders", fields: { owner: "string", orderId: "number", notes: "string", index: "number", android: "boolean" } });
    const result = check("owner = orlando AND orderId > 1 AND notes ~ notes.txt AND index IN (1, 2) OR android = true", { dataset, lints: false });
    expect(result.diagnostics).toEqual([]);
  });
});

describe("values", () => {
  it("reads now-7d, now - 7d and now -7d as the same relative time", () => {
    const expected = compare("createdAt", ">", relative("now-7d"));
    expect(tree("createdAt > now-7d")).toEqual(expected);
    expect(tree("createdAt > now - 7d")).toEqual(expected);
    expect(tree("createdAt > now -7d")).toEqual(expected);
    expect(tree("createdAt > now- 7d")).toEqual(expected);
    expect(tree("createdAt > NOW - 7D")).toEqual(expected);
  });

  it("reads now - 7 d as now-7d", () => {
    const expected = compare("createdAt", ">", relative("now-7d"));
    expect(tree("createdAt > now - 7 d")).toEqual(expected);
    expect(tree("createdAt > now-7 d")).toEqual(expected);
    expect(tree("createdAt > NOW - 7 D")).toEqual(expected);
    expect(tree("createdAt > now - 1.5 h AND size > 1")).toEqual(and(compare("createdAt", ">", relative("now-1.5h")), compare("size", ">", "1")));
    expect(tree("createdAt BETWEEN now - 7 d AND now")).toEqual(between("createdAt", relative("now-7d"), "now"));
    expect(tree("createdAt IN (now - 7 d, now - 1 w)")).toEqual(inList("createdAt", [relative("now-7d"), relative("now-1w")]));
  });

  it("ends a relative time before a longer word", () => {
    // "days" is not a unit, so the token ends after 7 and "days" is read as a new condition.
    const result = parse("createdAt > now - 7 days");
    expect(withoutSpans(result.ast.body)).toEqual(and(compare("createdAt", ">", relative("now-7")), { type: "Invalid" }));
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["GQL100"]);
  });

  it("reads now+2h and plain now", () => {
    expect(tree("createdAt < now+2h")).toEqual(compare("createdAt", "<", relative("now+2h")));
    expect(tree("createdAt < now")).toEqual(compare("createdAt", "<", "now"));
  });

  it("reads -5 as a word that checks as the number -5", () => {
    expect(tree("riskScore > -5")).toEqual(compare("riskScore", ">", "-5"));
    expect(tree("riskScore>-5")).toEqual(compare("riskScore", ">", "-5"));
    const bound = analyze("riskScore > -5", { dataset: "files" }).bound;
    expect(bound).toMatchObject({ kind: "test", test: { op: "numberOrder", operator: ">", value: -5 } });
  });

  it("reads 10mb and 10MB as the same size", () => {
    const lower = analyze("size > 10mb", { dataset: "files" }).bound;
    const upper = analyze("size > 10MB", { dataset: "files" }).bound;
    expect(lower).toMatchObject({ kind: "test", test: { op: "numberOrder", operator: ">", value: 10_000_000 } });
    expect(upper).toMatchObject({ kind: "test", test: { op: "numberOrder", operator: ">", value: 10_000_000 } });
  });

  it("decodes escapes in double- and single-quoted strings", () => {
    expect(tree('a = "q\\"s\\\'b\\\\n\\n\\r\\t\\u0041\\u{1F600}"')).toEqual(compare("a", "=", string("q\"s'b\\n\n\r\tA😀")));
    expect(tree("a = 'it\\'s'")).toEqual(compare("a", "=", string("it's")));
    expect(tree("a = 'say \"hi\"'")).toEqual(compare("a", "=", string('say "hi"')));
  });

  it("keeps a backslash before any other character", () => {
    expect(tree('a =~ "^\\d+\\.txt$"')).toEqual(compare("a", "=~", string("^\\d+\\.txt$")));
    expect(tree('a ~ "x\\*y"')).toEqual(compare("a", "~", string("x\\*y")));
  });

  it("reads bare words up to white space, quotes, parentheses, commas and operators", () => {
    expect(tree("path ~ /share/*.xlsx")).toEqual(compare("path", "~", "/share/*.xlsx"));
    expect(tree("a IN (x,y)")).toEqual(inList("a", ["x", "y"]));
    expect(tree("a = b&c")).toEqual(compare("a", "=", "b&c"));
    expect(tree("a = b|c")).toEqual(compare("a", "=", "b|c"));
    expect(tree("a = 😀")).toEqual(compare("a", "=", "😀"));
  });

  it("accepts 150 levels of redundant parentheses", () => {
    const query = `${"(".repeat(150)}name = a${")".repeat(150)}`;
    const result = parse(query);
    expect(result.diagnostics).toEqual([]);
    expect(result.ast.body).toEqual({
      type: "Comparison",
      field: { type: "Field", name: "name", span: { start: 150, end: 154 } },
      operator: "=",
      operatorSpan: { start: 155, end: 156 },
      value: { type: "Literal", form: "word", text: "a", span: { start: 157, end: 158 } },
      span: { start: 0, end: 308 },
    });
  });

  it("accepts 100 levels of NOT with parentheses", () => {
    const query = `${"NOT (".repeat(100)}name = a${")".repeat(100)}`;
    let expected: unknown = compare("name", "=", "a");
    for (let level = 0; level < 100; level++) expected = not(expected);
    expect(tree(query)).toEqual(expected);
  });
});

describe("diagnostics", () => {
  it("reports empty parentheses", () => {
    expect(diagnosticsOf("()")).toEqual([
      {
        severity: "error",
        code: "GQL106",
        message: "The parentheses are empty; put a condition inside them or remove them.",
        range: { start: at(0, 1, 1), end: at(2, 1, 3) },
      },
    ]);
  });

  it("reports a missing value", () => {
    expect(diagnosticsOf("name =")).toEqual([
      {
        severity: "error",
        code: "GQL107",
        message: 'Expected a value after "=", found the end of the query.',
        range: { start: at(6, 1, 7), end: at(6, 1, 7) },
      },
    ]);
  });

  it("reports a keyword in place of a value", () => {
    expect(diagnosticsOf("name = and")[0]).toEqual({
      severity: "error",
      code: "GQL107",
      message: 'Expected a value after "=", found the keyword AND. To use "and" as a value, quote it.',
      range: { start: at(7, 1, 8), end: at(10, 1, 11) },
    });
  });

  it("reports NULL as a value", () => {
    expect(diagnosticsOf("name = NULL")).toEqual([
      {
        severity: "error",
        code: "GQL110",
        message: 'NULL is not a value to compare with; write IS NULL or IS NOT NULL, or quote "null" to mean that text.',
        range: { start: at(7, 1, 8), end: at(11, 1, 12) },
      },
    ]);
  });

  it("reports a dangling AND", () => {
    expect(diagnosticsOf("name = x AND")).toEqual([
      {
        severity: "error",
        code: "GQL111",
        message: "Expected a condition after the keyword AND, found the end of the query.",
        range: { start: at(12, 1, 13), end: at(12, 1, 13) },
      },
    ]);
  });

  it("reports a missing closing parenthesis at the open one", () => {
    expect(diagnosticsOf("(name = x")).toEqual([
      {
        severity: "error",
        code: "GQL104",
        message: 'This "(" is never closed; add ")" where the group ends.',
        range: { start: at(0, 1, 1), end: at(1, 1, 2) },
        suggestions: [{ message: 'Insert ")" at the end.', range: { start: at(9, 1, 10), end: at(9, 1, 10) }, replacement: ")" }],
      },
    ]);
  });

  it("reports a size written with a space", () => {
    const range = { start: at(7, 1, 8), end: at(12, 1, 13) };
    expect(diagnosticsOf("size > 10 MB")).toEqual([
      {
        severity: "error",
        code: "GQL103",
        message: '"10 MB" reads as a number and then a new condition; write a size without a space: 10MB.',
        range,
        suggestions: [{ message: "Replace with 10MB.", range, replacement: "10MB" }],
      },
    ]);
  });

  it("reports an extra closing parenthesis", () => {
    const range = { start: at(8, 1, 9), end: at(9, 1, 10) };
    expect(diagnosticsOf("name = x)")).toEqual([
      {
        severity: "error",
        code: "GQL105",
        message: 'This ")" has no "(" to close; remove it or add the "(" where the group starts.',
        range,
        suggestions: [{ message: 'Remove the ")".', range, replacement: "" }],
      },
    ]);
  });

  it("reports an unterminated string", () => {
    expect(diagnosticsOf('name = "abc')).toEqual([
      {
        severity: "error",
        code: "GQL101",
        message: 'The string "abc" has no closing quote ("); add one where the string ends.',
        range: { start: at(7, 1, 8), end: at(11, 1, 12) },
        suggestions: [{ message: 'Insert " at the end.', range: { start: at(11, 1, 12), end: at(11, 1, 12) }, replacement: '"' }],
      },
    ]);
    expect(diagnosticsOf("name = 'abc")).toEqual([
      {
        severity: "error",
        code: "GQL101",
        message: "The string \"abc\" has no closing quote ('); add one where the string ends.",
        range: { start: at(7, 1, 8), end: at(11, 1, 12) },
        suggestions: [{ message: "Insert ' at the end.", range: { start: at(11, 1, 12), end: at(11, 1, 12) }, replacement: "'" }],
      },
    ]);
  });

  it("cuts a long unterminated string in the message", () => {
    const message = diagnosticsOf(`name = "${"a".repeat(40)}`)[0]?.message;
    expect(message).toBe(`The string "${"a".repeat(29)}…" has no closing quote ("); add one where the string ends.`);
  });

  it("drops a dangling backslash", () => {
    // One backslash at the end escapes nothing: the value leaves it out and the fix escapes it.
    const odd = parse('name = "ab\\');
    expect(withoutSpans(odd.ast.body)).toEqual(compare("name", "=", string("ab")));
    expect(odd.diagnostics).toEqual([
      {
        severity: "error",
        code: "GQL101",
        message: 'The string "ab\\\\" has no closing quote ("); add one where the string ends.',
        range: { start: at(7, 1, 8), end: at(11, 1, 12) },
        suggestions: [{ message: 'Insert \\" at the end.', range: { start: at(11, 1, 12), end: at(11, 1, 12) }, replacement: '\\"' }],
      },
    ]);
    // Two backslashes are one escaped backslash, which is complete.
    const even = parse('name = "ab\\\\');
    expect(withoutSpans(even.ast.body)).toEqual(compare("name", "=", string("ab\\")));
    expect(even.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.suggestions?.[0]?.replacement])).toEqual([["GQL101", '"']]);
    // Three in a single-quoted string: an escaped backslash and a dangling one.
    const three = parse("name = 'ab\\\\\\");
    expect(withoutSpans(three.ast.body)).toEqual(compare("name", "=", string("ab\\")));
    expect(three.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.suggestions?.[0]?.replacement])).toEqual([["GQL101", "\\'"]]);
  });

  it("reports an invalid \\u escape", () => {
    expect(diagnosticsOf('name = "\\uZZZZ"')).toEqual([
      {
        severity: "error",
        code: "GQL102",
        message: "The escape \\uZZZZ is invalid; write \\u with exactly 4 hexadecimal digits, or \\u{...}.",
        range: { start: at(8, 1, 9), end: at(14, 1, 15) },
      },
    ]);
    expect(diagnosticsOf('name = "ab\\u{110000}"')).toEqual([
      {
        severity: "error",
        code: "GQL102",
        message: "The escape \\u{110000} is invalid; write \\u{...} with 1 to 6 hexadecimal digits up to 10FFFF.",
        range: { start: at(10, 1, 11), end: at(20, 1, 21) },
      },
    ]);
  });

  it("reports two conditions without AND and suggests AND", () => {
    expect(diagnosticsOf("name = a size > 1")).toEqual([
      {
        severity: "error",
        code: "GQL103",
        message: 'Two conditions follow each other with nothing between them: "name = a" and "size > 1". Join them with AND or OR.',
        range: { start: at(9, 1, 10), end: at(17, 1, 18) },
        suggestions: [
          { message: "Insert AND between them.", range: { start: at(8, 1, 9), end: at(8, 1, 9) }, replacement: " AND" },
          { message: "Insert OR between them.", range: { start: at(8, 1, 9), end: at(8, 1, 9) }, replacement: " OR" },
        ],
      },
    ]);
  });

  it("reports a missing operator", () => {
    expect(diagnosticsOf("name")).toEqual([
      {
        severity: "error",
        code: "GQL100",
        message: 'Expected an operator after "name", found the end of the query. The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL.',
        range: { start: at(4, 1, 5), end: at(4, 1, 5) },
      },
    ]);
  });

  it("suggests = between a field and a value", () => {
    expect(diagnosticsOf("flow CLASSIFICATION")).toEqual([
      {
        severity: "error",
        code: "GQL100",
        message: 'Expected an operator between "flow" and "CLASSIFICATION". The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL.',
        range: { start: at(5, 1, 6), end: at(19, 1, 20) },
        suggestions: [{ message: "Insert = between them.", range: { start: at(4, 1, 5), end: at(4, 1, 5) }, replacement: " =" }],
      },
    ]);
  });

  it("reports an invalid field name", () => {
    expect(diagnosticsOf("1abc = x")).toEqual([
      {
        severity: "error",
        code: "GQL109",
        message: '"1abc" is not a field name; a field name is letters, digits and _ joined by dots (example: file.path), and comes before the operator.',
        range: { start: at(0, 1, 1), end: at(4, 1, 5) },
      },
    ]);
  });

  it("reports an empty query", () => {
    expect(diagnosticsOf("  ")).toEqual([
      {
        severity: "error",
        code: "GQL108",
        message: "The query is empty; write a condition such as flow = CLASSIFICATION.",
        range: { start: at(0, 1, 1), end: at(2, 1, 3) },
      },
    ]);
  });

  it("reports 10,000 levels of parentheses as too deep without overflowing the stack", () => {
    const query = `${"(".repeat(10_000)}name = a${")".repeat(10_000)}`;
    const result = parse(query);
    expect(result.ast.body).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        severity: "error",
        code: "GQL501",
        message: "The query is nested more than 200 levels deep (limits.maxDepth); remove redundant parentheses and NOT pairs, or split the query.",
        range: { start: at(200, 1, 201), end: at(201, 1, 202) },
      },
    ]);
  });

  it("reports 10,000 NOTs and unclosed parentheses as too deep", () => {
    expect(diagnosticsOf(`${"NOT ".repeat(10_000)}name = a`).map((diagnostic) => diagnostic.code)).toEqual(["GQL501"]);
    expect(diagnosticsOf("!".repeat(10_000) + "name = a").map((diagnostic) => diagnostic.code)).toEqual(["GQL501"]);
    expect(diagnosticsOf("(".repeat(10_000)).map((diagnostic) => diagnostic.code)).toEqual(["GQL501"]);
  });

  it("counts each NOT and the condition as tree levels", () => {
    expect(diagnosticsOf(`${"NOT ".repeat(199)}name = a`)).toEqual([]);
    expect(diagnosticsOf(`${"NOT ".repeat(200)}name = a`).map((diagnostic) => diagnostic.code)).toEqual(["GQL501"]);
    expect(diagnosticsOf(`${"(".repeat(200)}name = a${")".repeat(200)}`)).toEqual([]);
    expect(diagnosticsOf(`${"(".repeat(201)}name = a${")".repeat(201)}`).map((diagnostic) => diagnostic.code)).toEqual(["GQL501"]);
  });

  it("applies a lower depth limit from the options", () => {
    expect(diagnosticsOf("((a = 1))")).toEqual([]);
    expect(parse("((a = 1))", { limits: { maxDepth: 1 } }).diagnostics).toEqual([
      {
        severity: "error",
        code: "GQL501",
        message: "The query is nested more than 1 level deep (limits.maxDepth); remove redundant parentheses and NOT pairs, or split the query.",
        range: { start: at(1, 1, 2), end: at(2, 1, 3) },
      },
    ]);
  });

  it("reports a query over 1 MB as too long", () => {
    const query = `name = "${"a".repeat(1 << 20)}"`;
    const result = parse(query);
    expect(result.ast.body).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        severity: "error",
        code: "GQL500",
        message: `The query is ${query.length} characters long, over the limit of 262144 (limits.maxLength); shorten it or raise the limit.`,
        range: { start: at(262_144, 1, 262_145), end: at(query.length, 1, query.length + 1) },
      },
    ]);
  });

  it("rejects invalid limits with GqlError", () => {
    expect(() => parse("a = 1", { limits: { maxDepth: 0 } })).toThrow(GqlError);
    expect(() => parse("a = 1", { limits: { maxDepth: 0 } })).toThrow('The limit maxDepth must be a positive integer, not "0".');
    expect(() => parse("a = 1", { limits: { depth: 3 } as never })).toThrow('Unknown limit "depth"; the limits are maxLength, maxDepth, maxDiagnostics.');
  });
});

describe("recovery", () => {
  const invalid = { type: "Invalid" };

  it("keeps the conditions before a missing operand", () => {
    const result = parse("x = 1 AND");
    expect(withoutSpans(result.ast.body)).toEqual(and(compare("x", "=", "1"), invalid));
    expect(result.ast.body?.span).toEqual({ start: 0, end: 9 });
    expect(withoutSpans(parse("x = 1 OR").ast.body)).toEqual(or(compare("x", "=", "1"), invalid));
    expect(withoutSpans(parse("(x = 1 || ) AND y = 2").ast.body)).toEqual(and(or(compare("x", "=", "1"), invalid), compare("y", "=", "2")));
  });

  it("reads on after a missing value", () => {
    const result = parse("flow = AND size > 1");
    expect(withoutSpans(result.ast.body)).toEqual(and(compare("flow", "=", ""), compare("size", ">", "1")));
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["GQL107"]);
  });

  it("reads on after a lone field", () => {
    expect(withoutSpans(parse("flow AND size > 1").ast.body)).toEqual(and(invalid, compare("size", ">", "1")));
    expect(withoutSpans(parse("NOT flow OR size > 1").ast.body)).toEqual(or(not(invalid), compare("size", ">", "1")));
    const valueAfterField = parse("flow CLASSIFICATION AND size > 1");
    expect(withoutSpans(valueAfterField.ast.body)).toEqual(and(invalid, compare("size", ">", "1")));
    expect(valueAfterField.ast.body?.type === "And" && valueAfterField.ast.body.operands[0]?.span).toEqual({ start: 0, end: 19 });
  });

  it("drops errors caused by the previous one", () => {
    // The AND right after the missing operand is part of the same mistake and gets no second error.
    expect(diagnosticsOf("x = 1 OR AND y = 2").map((diagnostic) => diagnostic.code)).toEqual(["GQL111"]);
    expect(diagnosticsOf("flow = CATALOGUNG AND AND size > 1").map((diagnostic) => diagnostic.code)).toEqual(["GQL111"]);
  });
});

describe("value diagnostics", () => {
  const cases: [string, string, string, [number, number, number], [number, number, number]][] = [
    ["riskScore = 0x10", "GQL400", 'riskScore is a number. "0x10" is hexadecimal, which is not a number form here; write the decimal value.', [12, 1, 13], [16, 1, 17]],
    ["size > 0x10", "GQL402", 'size is a size in bytes. "0x10" is hexadecimal, which is not a number form here; write the decimal value.', [7, 1, 8], [11, 1, 12]],
    ["riskScore = 1_000", "GQL400", 'riskScore is a number. "1_000" uses "_" as a digit separator, which is not a number form here; write 1000.', [12, 1, 13], [17, 1, 18]],
    [
      "riskScore = 9007199254740993",
      "GQL401",
      'riskScore is a number. "9007199254740993" is an integer beyond 2^53 that cannot be represented exactly; it would be read as 9007199254740992.',
      [12, 1, 13],
      [28, 1, 29],
    ],
    ["riskScore = 1e400", "GQL401", 'riskScore is a number. "1e400" is too large to be represented; the largest number is about 1.8e308.', [12, 1, 13], [17, 1, 18]],
    ["riskScore = NaN", "GQL400", 'riskScore is a number. "NaN" is not a finite number; only finite decimal numbers are allowed.', [12, 1, 13], [15, 1, 16]],
    ["size > 1e20", "GQL401", 'size is a size in bytes. "1e20" is larger than 2^53 bytes, which cannot be represented exactly.', [7, 1, 8], [11, 1, 12]],
  ];
  for (const [query, code, message, start, end] of cases) {
    it(`rejects ${query}`, () => {
      expect(check(query, { dataset: "files" }).diagnostics).toEqual([{ severity: "error", code, message, range: { start: at(...start), end: at(...end) } }]);
    });
  }

  it("accepts 2^53 and exact large integers", () => {
    expect(check("riskScore = 9007199254740992", { dataset: "files", lints: false }).diagnostics).toEqual([]);
    expect(check("riskScore = 1e20", { dataset: "files", lints: false }).diagnostics).toEqual([]);
  });

  it("reports an unknown field with Did you mean", () => {
    const range = { start: at(0, 1, 1), end: at(13, 1, 14) };
    expect(check("clasification = PUBLIC", { dataset: "files" }).diagnostics).toEqual([
      {
        severity: "error",
        code: "GQL200",
        message: 'The dataset files has no field "clasification". Did you mean classification?',
        range,
        suggestions: [{ message: "Replace with classification.", range, replacement: "classification" }],
      },
    ]);
  });

  it("reports an unknown field without a close match", () => {
    expect(check("zzzzzz = 1", { dataset: "files" }).diagnostics[0]?.message).toBe(
      'The dataset files has no field "zzzzzz". Run gql fields --dataset files to list the fields.',
    );
  });

  it("reports reserved field names", () => {
    expect(check("__proto__ = 1", { dataset: "files" }).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([
      ["GQL201", '"__proto__" is not a valid field name because "__proto__" is reserved.'],
    ]);
    expect(check("constructor.x = 1", { dataset: "files" }).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["GQL201"]);
  });

  it("reports an unknown enum label naming the closest and listing all", () => {
    const range = { start: at(17, 1, 18), end: at(28, 1, 29) };
    expect(check("classification = CONFIDENTAL", { dataset: "files" }).diagnostics).toEqual([
      {
        severity: "error",
        code: "GQL301",
        message: '"CONFIDENTAL" is not a label of classification; the labels are PUBLIC, INTERNAL, CONFIDENTIAL and HIGHLY_CONFIDENTIAL. Did you mean CONFIDENTIAL?',
        range,
        suggestions: [{ message: "Replace with CONFIDENTIAL.", range, replacement: "CONFIDENTIAL" }],
      },
    ]);
  });
});

describe("positions", () => {
  it("counts lines and columns in a multi-line query", () => {
    expect(check("name = a\n  AND size > 1x\n", { dataset: "files" }).diagnostics[0]?.range).toEqual({ start: at(22, 2, 14), end: at(24, 2, 16) });
  });

  it("treats \\r\\n and \\r as one line break each", () => {
    expect(check("name = a\r\nAND size > 1x", { dataset: "files" }).diagnostics[0]?.range).toEqual({ start: at(21, 2, 12), end: at(23, 2, 14) });
    expect(check("name = a\rAND\rsize > 1x", { dataset: "files" }).diagnostics[0]?.range).toEqual({ start: at(20, 3, 8), end: at(22, 3, 10) });
  });

  it("reports syntax errors on a later line", () => {
    expect(diagnosticsOf("name = a AND\n(size > 1\n")[0]).toMatchObject({ code: "GQL104", range: { start: at(13, 2, 1), end: at(14, 2, 2) } });
    expect(diagnosticsOf("name = a AND\n  size > 1)")[0]).toMatchObject({ code: "GQL105", range: { start: at(23, 2, 11), end: at(24, 2, 12) } });
  });

  it("counts columns in UTF-16 code units", () => {
    const plain = check('name = "a" AND size > x', { dataset: "files" }).diagnostics[0];
    const emoji = check('name = "😀" AND size > x', { dataset: "files" }).diagnostics[0];
    expect(plain?.range.start).toEqual(at(22, 1, 23));
    expect(emoji?.range.start).toEqual(at(23, 1, 24));
  });

  it("places the caret under the column in formatted diagnostics", () => {
    const source = 'name = "😀" AND size > x';
    const text = formatDiagnostics(source, check(source, { dataset: "files" }).diagnostics);
    const lines = text.split("\n");
    expect(lines[1]).toBe("  --> 1:24");
    expect(lines[3]).toBe(`1 | ${source}`);
    expect(lines[4]).toBe(`  | ${" ".repeat(23)}^`);
  });
});
