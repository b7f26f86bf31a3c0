/**
 * Tests of the lint rules. For each rule, queries that produce its warning (asserted whole: code,
 * severity, message, range and suggestions) and near misses that must not. Then the options that
 * switch rules off, and fast-check properties that compare each warning with what the compiled
 * predicate does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, compile, defineDataset, GqlError, type CheckOptions, type Diagnostic, type Range, type Suggestion } from "../src/index.js";
import { allQueryFields, conditionOn, eventFor, FIXED_NOW, query } from "./support/arbitraries.js";

type Options = Partial<CheckOptions>;

/** Checks a query against `files` (or `options.dataset`), expects it to be valid, and returns its diagnostics. */
function diagnosticsOf(text: string, options: Options = {}): Diagnostic[] {
  const result = check(text, { dataset: "files", ...options });
  expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  return result.diagnostics;
}

function warningsOf(text: string, code: string, options: Options = {}): Diagnostic[] {
  return diagnosticsOf(text, options).filter((diagnostic) => diagnostic.code === code);
}

/** Computes the range of the `occurrence`-th appearance of `fragment` in `text`, without the library's SourceMap. */
function rangeOf(text: string, fragment: string, occurrence = 1): Range {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    start = text.indexOf(fragment, start + 1);
    if (start === -1) throw new Error(`${JSON.stringify(fragment)} does not occur ${occurrence} times in ${JSON.stringify(text)}.`);
  }
  return { start: positionAt(text, start), end: positionAt(text, start + fragment.length) };
}

function positionAt(text: string, offset: number): Range["start"] {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { offset, line: before.split("\n").length, column: offset - lineStart + 1 };
}

function warning(code: string, text: string, fragment: string, message: string, suggestions?: Suggestion[], occurrence = 1): Diagnostic {
  const diagnostic: Diagnostic = { severity: "warning", code, message, range: rangeOf(text, fragment, occurrence) };
  if (suggestions !== undefined) diagnostic.suggestions = suggestions;
  return diagnostic;
}

function suggestion(text: string, fragment: string, replacement: string, message: string, occurrence = 1): Suggestion {
  return { message, range: rangeOf(text, fragment, occurrence), replacement };
}

/** Replaces the range of a suggestion in the text. */
function applySuggestion(text: string, fix: Suggestion): string {
  return text.slice(0, fix.range.start.offset) + fix.replacement + text.slice(fix.range.end.offset);
}

interface Case {
  query: string;
  expected: Diagnostic;
  options?: Options;
}

/**
 * Registers the tests every rule shares: each case produces exactly its expected warning of the
 * rule, the rule switched off by name or all lints switched off remove it, and compile accepts the
 * query. Each near miss produces no warning of the rule.
 */
function describeRule(name: string, code: string, cases: readonly Case[], nearMisses: readonly (string | { query: string; options: Options })[]): void {
  describe(`${name} (${code})`, () => {
    for (const { query: text, expected, options = {} } of cases) {
      it(`warns for ${text}`, () => {
        expect(warningsOf(text, code, options)).toEqual([expected]);
      });

      it(`switched off by name for ${text}`, () => {
        expect(warningsOf(text, code, { ...options, lints: { [name]: false } })).toEqual([]);
      });

      it(`all lints off for ${text}`, () => {
        expect(diagnosticsOf(text, { ...options, lints: false })).toEqual([]);
      });

      it(`compiles ${text}`, () => {
        const dataset = options.dataset ?? "files";
        expect(typeof compile(text, { dataset, now: () => FIXED_NOW })).toBe("function");
      });
    }

    for (const nearMiss of nearMisses) {
      const { query: text, options } = typeof nearMiss === "string" ? { query: nearMiss, options: {} } : nearMiss;
      it(`stays silent for ${text}`, () => {
        expect(warningsOf(text, code, options)).toEqual([]);
      });
    }

    it("switched on by name explicitly", () => {
      const { query: text, expected, options = {} } = cases[0] as Case;
      expect(warningsOf(text, code, { ...options, lints: { [name]: true } })).toEqual([expected]);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// contradiction

const contradictionAdvice = "Correct one of them, or join them with OR if either should match.";

function contradiction(text: string, later: string, earlier: string[], reason: string, occurrence = 1): Case {
  const advice = earlier.length === 1 ? contradictionAdvice : "Correct one of them, or join them with OR if any should match.";
  const named = earlier.length === 1 ? `"${earlier[0]}"` : `${earlier.slice(0, -1).map((item) => `"${item}"`).join(", ")} and "${earlier[earlier.length - 1]}"`;
  return {
    query: text,
    expected: warning("GQL600", text, later, `"${later}" can never be true together with the earlier ${named}: ${reason}. ${advice}`, undefined, occurrence),
  };
}

describeRule(
  "contradiction",
  "GQL600",
  [
    contradiction("flow = CATALOGUING AND flow = CLASSIFICATION", "flow = CLASSIFICATION", ["flow = CATALOGUING"], "no single value of flow satisfies both"),
    contradiction("name IN (a, b) AND owner = x AND name = 'C'", "name = 'C'", ["name IN (a, b)"], "no single value of name satisfies both"),
    contradiction("name IN (a, b) AND name NOT IN (A, B)", "name NOT IN (A, B)", ["name IN (a, b)"], "no single value of name satisfies both"),
    contradiction("dataSource IN (BOX, SMB) AND dataSource IN (ONEDRIVE, AWS_S3)", "dataSource IN (ONEDRIVE, AWS_S3)", ["dataSource IN (BOX, SMB)"], "no single value of dataSource satisfies both"),
    contradiction("name = 'report' AND name != 'REPORT'", "name != 'REPORT'", ["name = 'report'"], "no single value of name satisfies both"),
    contradiction("name = 'report.pdf' AND name ~ xlsx", "name ~ xlsx", ["name = 'report.pdf'"], "no single value of name satisfies both"),
    contradiction("size > 10MB AND size < 1MB", "size < 1MB", ["size > 10MB"], "no single value of size satisfies both"),
    contradiction("size >= 1KB && size BETWEEN 0 AND 999", "size BETWEEN 0 AND 999", ["size >= 1KB"], "no single value of size satisfies both"),
    contradiction("riskScore = 5 AND NOT riskScore > 3", "NOT riskScore > 3", ["riskScore = 5"], "no single value of riskScore satisfies both"),
    contradiction(
      "riskScore IN (1, 5) AND riskScore > 2 AND riskScore < 4",
      "riskScore < 4",
      ["riskScore IN (1, 5)", "riskScore > 2"],
      "no single value of riskScore satisfies all of them",
    ),
    contradiction(
      "classification >= CONFIDENTIAL AND classification BETWEEN PUBLIC AND INTERNAL",
      "classification BETWEEN PUBLIC AND INTERNAL",
      ["classification >= CONFIDENTIAL"],
      "no single value of classification satisfies both",
    ),
    contradiction("classification = public AND classification > INTERNAL", "classification > INTERNAL", ["classification = public"], "no single value of classification satisfies both"),
    contradiction("createdAt < 2024-01-01 AND createdAt > 2024-06-01T00:00:00Z", "createdAt > 2024-06-01T00:00:00Z", ["createdAt < 2024-01-01"], "no single value of createdAt satisfies both"),
    contradiction("createdAt = 2024-01-01 AND createdAt = 2024-01-02", "createdAt = 2024-01-02", ["createdAt = 2024-01-01"], "no single value of createdAt satisfies both"),
    contradiction("modifiedAt > now-1d AND modifiedAt < now - 7d", "modifiedAt < now - 7d", ["modifiedAt > now-1d"], "no single value of modifiedAt satisfies both"),
    contradiction("critical = true AND critical = FALSE", "critical = FALSE", ["critical = true"], "no single value of critical satisfies both"),
    contradiction(
      "size IS NULL AND size > 1KB",
      "size > 1KB",
      ["size IS NULL"],
      "IS NULL holds only when size has no value, but the other condition needs a value",
    ),
    contradiction("tags ~ x AND tags IS NULL", "tags IS NULL", ["tags ~ x"], "IS NULL holds only when tags has no value, but the other condition needs a value"),
    contradiction("owner IS NOT NULL AND NOT owner IS NOT NULL", "NOT owner IS NOT NULL", ["owner IS NOT NULL"], "IS NULL holds only when owner has no value, but the other condition needs a value"),
    contradiction(
      "compliance = GDPR AND NOT compliance = gdpr",
      "NOT compliance = gdpr",
      ["compliance = GDPR"],
      "no element of compliance can satisfy the condition that asks for one without being ruled out by the other",
    ),
    contradiction(
      "tags IN (a, b) AND tags != a AND tags !~ B",
      "tags !~ B",
      ["tags IN (a, b)", "tags != a"],
      "no element of tags can satisfy the condition that asks for one without being ruled out by the others",
    ),
    contradiction("path ~ '/hr/' AND path !~ '/HR/'", "path !~ '/HR/'", ["path ~ '/hr/'"], "no single value of path satisfies both"),
    contradiction("owner = bob OR (name = a AND name = b)", "name = b", ["name = a"], "no single value of name satisfies both"),
    contradiction("flow = CATALOGUING AND flow = CLASSIFICATION AND flow = CATALOGUING", "flow = CLASSIFICATION", ["flow = CATALOGUING"], "no single value of flow satisfies both"),
    {
      query: "critical = true\n  AND critical = false",
      expected: {
        severity: "warning",
        code: "GQL600",
        message: `"critical = false" can never be true together with the earlier "critical = true": no single value of critical satisfies both. ${contradictionAdvice}`,
        range: { start: { offset: 22, line: 2, column: 7 }, end: { offset: 38, line: 2, column: 23 } },
      },
    },
    {
      ...contradiction("action = LOGIN AND action = logout", "action = logout", ["action = LOGIN"], "no single value of action satisfies both"),
      options: { dataset: "activity" },
    },
  ],
  [
    "compliance = GDPR AND compliance = PCI",
    "tags = a AND tags != b",
    "tags IN (a, b) AND tags NOT IN (a)",
    "flow = CATALOGUING OR flow = CLASSIFICATION",
    "(flow = CATALOGUING OR flow = CLASSIFICATION) AND flow = CLASSIFICATION",
    "name = Report AND name = REPORT",
    "name IN (a, b) AND name IN (B, c)",
    "name = a AND owner = b",
    "size > 1MB AND size < 10MB",
    "size >= 1MB AND size <= 1MB",
    "size > 1MB OR size < 1KB",
    "size IS NULL OR size > 1",
    "size IS NULL AND size != 1",
    "size IS NULL AND NOT size > 1",
    "createdAt > 2024-01-01 AND createdAt < now-7d",
    "createdAt = 2024-01-01 AND createdAt = 2024-01-01T12:00:00Z",
    "classification >= CONFIDENTIAL AND classification <= CONFIDENTIAL",
    "classification != PUBLIC AND classification != INTERNAL AND classification != CONFIDENTIAL AND classification != HIGHLY_CONFIDENTIAL",
    "name =~ '^a' AND name =~ '^b'",
    "name ~ a AND name !~ b",
    "NOT (size > 10MB AND size < 20MB) AND size > 15MB",
    "size BETWEEN 5 AND 1 AND size > 3",
  ],
);

// ---------------------------------------------------------------------------------------------
// constant-condition

function neverTrue(text: string, reason: string, options?: Options): Case {
  return { query: text, expected: warning("GQL601", text, text, `"${text}" is never true: ${reason}. Correct the value, or remove the condition.`), ...(options ? { options } : {}) };
}

function onlyTestsPresence(text: string, noun: string, reason: string, field: string): Case {
  const replacement = `${field} IS NOT NULL`;
  return {
    query: text,
    expected: warning(
      "GQL601",
      text,
      text,
      `${JSON.stringify(text)} is true for every ${noun} because ${reason}, so it only tests that ${field} has a value. Write ${replacement} if that is what you mean.`,
      [suggestion(text, text, replacement, `Replace with ${replacement}.`)],
    ),
  };
}

const boundedDataset = defineDataset({ name: "bounded", fields: { score: { type: "number", minimum: -1 }, plain: "number", due: "timestamp" } });

describeRule(
  "constant-condition",
  "GQL601",
  [
    neverTrue("size < 0", "sizes are never negative"),
    neverTrue("size <= -1", "sizes are never negative"),
    neverTrue("size = -1KB", "sizes are never negative"),
    neverTrue("riskScore > 100", "riskScore is at most 100"),
    neverTrue("riskScore < 0", "riskScore is at least 0"),
    neverTrue("riskScore >= 100.5", "riskScore is at most 100"),
    neverTrue("riskScore = 150", "riskScore is at most 100"),
    neverTrue("riskScore IN (-1, 150)", "riskScore is at least 0 and riskScore is at most 100"),
    neverTrue("riskScore BETWEEN 101 AND 200", "riskScore is at most 100"),
    neverTrue("classification < PUBLIC", "PUBLIC is the lowest label of classification"),
    neverTrue("classification > highly_confidential", "HIGHLY_CONFIDENTIAL is the highest label of classification"),
    neverTrue("score < -1", "score is at least -1", { dataset: boundedDataset }),
    {
      query: "riskScore != 150",
      expected: warning("GQL601", "riskScore != 150", "riskScore != 150", `"riskScore != 150" is always true: riskScore is at most 100. Correct the value, or remove the condition.`),
    },
    onlyTestsPresence("riskScore >= 0", "value of riskScore", "riskScore is at least 0", "riskScore"),
    onlyTestsPresence("riskScore <= 100", "value of riskScore", "riskScore is at most 100", "riskScore"),
    onlyTestsPresence("riskScore < 1e3", "value of riskScore", "riskScore is at most 100", "riskScore"),
    onlyTestsPresence("riskScore BETWEEN 0 AND 100", "value of riskScore", "riskScore is at least 0 and riskScore is at most 100", "riskScore"),
    onlyTestsPresence("size >= 0", "size", "sizes are never negative", "size"),
    onlyTestsPresence("size > -1", "size", "sizes are never negative", "size"),
    onlyTestsPresence("classification >= PUBLIC", "known label of classification", "PUBLIC is the lowest label of classification", "classification"),
    onlyTestsPresence("risk <= critical", "known label of risk", "CRITICAL is the highest label of risk", "risk"),
    onlyTestsPresence('name ~ "*"', "text", "* matches any text", "name"),
    onlyTestsPresence("name ~ '**'", "text", "* matches any text", "name"),
    onlyTestsPresence('tags ~ ""', "text", "every text contains the empty text", "tags"),
    {
      query: "NAME !~ '*'",
      expected: warning(
        "GQL601",
        "NAME !~ '*'",
        "NAME !~ '*'",
        `"NAME !~ '*'" is false for every text because * matches any text, so it only tests that name has no value. Write NAME IS NULL if that is what you mean.`,
        [suggestion("NAME !~ '*'", "NAME !~ '*'", "NAME IS NULL", "Replace with NAME IS NULL.")],
      ),
    },
    {
      query: "size BETWEEN 10MB AND 1MB",
      expected: warning(
        "GQL601",
        "size BETWEEN 10MB AND 1MB",
        "size BETWEEN 10MB AND 1MB",
        `"size BETWEEN 10MB AND 1MB" is never true: its lower bound 10MB is above its upper bound 1MB. Write the smaller bound first.`,
        [suggestion("size BETWEEN 10MB AND 1MB", "10MB AND 1MB", "1MB AND 10MB", "Swap the bounds: 1MB AND 10MB.")],
      ),
    },
    {
      query: "createdAt between 2024-02-01 and 2024-01-01",
      expected: warning(
        "GQL601",
        "createdAt between 2024-02-01 and 2024-01-01",
        "createdAt between 2024-02-01 and 2024-01-01",
        `"createdAt between 2024-02-01 and 2024-01-01" is never true: its lower bound 2024-02-01 is later than its upper bound 2024-01-01. Write the smaller bound first.`,
        [suggestion("createdAt between 2024-02-01 and 2024-01-01", "2024-02-01 and 2024-01-01", "2024-01-01 and 2024-02-01", "Swap the bounds: 2024-01-01 and 2024-02-01.")],
      ),
    },
    {
      query: "owner = x AND classification BETWEEN CONFIDENTIAL AND internal",
      expected: warning(
        "GQL601",
        "owner = x AND classification BETWEEN CONFIDENTIAL AND internal",
        "classification BETWEEN CONFIDENTIAL AND internal",
        `"classification BETWEEN CONFIDENTIAL AND internal" is never true: its lower bound CONFIDENTIAL is above its upper bound internal. Write the smaller bound first.`,
        [suggestion("owner = x AND classification BETWEEN CONFIDENTIAL AND internal", "CONFIDENTIAL AND internal", "internal AND CONFIDENTIAL", "Swap the bounds: internal AND CONFIDENTIAL.")],
      ),
    },
  ],
  [
    "size < 1",
    "size >= 1",
    "size = 0",
    "riskScore > 99",
    "riskScore >= 100",
    "riskScore <= 0",
    "riskScore = 100",
    "riskScore IN (-1, 50)",
    "riskScore BETWEEN 0 AND 99",
    "size BETWEEN 1MB AND 1MB",
    "classification > PUBLIC",
    "classification <= CONFIDENTIAL",
    "classification = PUBLIC",
    "name ~ '*a'",
    "name ~ 'a'",
    "name ~ '\\*'",
    "createdAt BETWEEN 2024-01-01 AND now",
    { query: "plain < -5 AND plain > 1e15", options: { dataset: boundedDataset } },
    { query: "score > 1e15", options: { dataset: boundedDataset } },
  ],
);

// ---------------------------------------------------------------------------------------------
// repeated-condition

function repeated(text: string, repeat: string, description: string, removed: string, removedOccurrence = 1, occurrence = 2): Case {
  return {
    query: text,
    expected: warning("GQL602", text, repeat, `${description}, so it changes nothing. Remove the repeat.`, [suggestion(text, removed, "", `Remove the repeated "${repeat}".`, removedOccurrence)], occurrence),
  };
}

describeRule(
  "repeated-condition",
  "GQL602",
  [
    repeated("name = a AND size > 1 AND name = a", "name = a", `"name = a" appears twice in the same AND`, " AND name = a"),
    repeated("name = a AND NAME = 'A'", "NAME = 'A'", `"NAME = 'A'" means the same as the earlier "name = a" in the same AND`, " AND NAME = 'A'", 1, 1),
    repeated("flow = cataloguing OR FLOW == CATALOGUING", "FLOW == CATALOGUING", `"FLOW == CATALOGUING" means the same as the earlier "flow = cataloguing" in the same OR`, " OR FLOW == CATALOGUING", 1, 1),
    repeated("size > 10MB && size > 10000000", "size > 10000000", `"size > 10000000" means the same as the earlier "size > 10MB" in the same AND`, " && size > 10000000", 1, 1),
    repeated("name IN (a, b) || name IN (B, A, a)", "name IN (B, A, a)", `"name IN (B, A, a)" means the same as the earlier "name IN (a, b)" in the same OR`, " || name IN (B, A, a)", 1, 1),
    repeated("name != a AND NOT name = a", "NOT name = a", `"NOT name = a" means the same as the earlier "name != a" in the same AND`, " AND NOT name = a", 1, 1),
    repeated("name = a AND name IN (A)", "name IN (A)", `"name IN (A)" means the same as the earlier "name = a" in the same AND`, " AND name IN (A)", 1, 1),
    repeated(
      "(name = a OR name = b) AND size > 1 AND (name = b OR name = a)",
      "(name = b OR name = a)",
      `"(name = b OR name = a)" means the same as the earlier "(name = a OR name = b)" in the same AND`,
      " AND (name = b OR name = a)",
      1,
      1,
    ),
    repeated("(owner = x AND name = a) AND name = a", "name = a", `"name = a" appears twice in the same AND`, " AND name = a", 2),
    repeated("name = a AND (name = a AND owner = b)", "name = a", `"name = a" appears twice in the same AND`, "name = a AND ", 2),
    repeated("createdAt > 2024-01-01 AND createdAt > 2024-01-01T00:00:00Z", "createdAt > 2024-01-01T00:00:00Z", `"createdAt > 2024-01-01T00:00:00Z" means the same as the earlier "createdAt > 2024-01-01" in the same AND`, " AND createdAt > 2024-01-01T00:00:00Z", 1, 1),
    repeated("name ~ 'Report*' AND name ~ 'report*'", "name ~ 'report*'", `"name ~ 'report*'" means the same as the earlier "name ~ 'Report*'" in the same AND`, " AND name ~ 'report*'", 1, 1),
    {
      query: "owner = x OR\n(name = a AND\n name = a)",
      expected: {
        severity: "warning",
        code: "GQL602",
        message: `"name = a" appears twice in the same AND, so it changes nothing. Remove the repeat.`,
        range: { start: { offset: 28, line: 3, column: 2 }, end: { offset: 36, line: 3, column: 10 } },
        suggestions: [
          {
            message: `Remove the repeated "name = a".`,
            range: { start: { offset: 22, line: 2, column: 10 }, end: { offset: 36, line: 3, column: 10 } },
            replacement: "",
          },
        ],
      },
    },
  ],
  [
    "name =~ 'A' AND name =~ 'a'",
    "name = a AND name != a",
    "name = a AND owner = a",
    "path = a AND name = a",
    "size > 1 AND size >= 1",
    "createdAt = 2024-01-01 AND createdAt = 2024-01-01T00:00:00Z",
    "name = a AND (name = a OR owner = b)",
    "size BETWEEN 1 AND 2 AND size BETWEEN 2 AND 1",
  ],
);

// ---------------------------------------------------------------------------------------------
// future-time-for-past-field

function futureCase(text: string, message: string, options?: Options): Case {
  return { query: text, expected: warning("GQL603", text, text, message), ...(options ? { options } : {}) };
}

const happenedCreated = "createdAt records something that already happened";

describeRule(
  "future-time-for-past-field",
  "GQL603",
  [
    futureCase("createdAt > now+1d", `"createdAt > now+1d" is never true: ${happenedCreated}, and now+1d is in the future. If a time in the past was meant, write now-1d.`),
    futureCase("createdAt >= now + 2H", `"createdAt >= now + 2H" is never true: ${happenedCreated}, and now+2h is in the future. If a time in the past was meant, write now-2h.`),
    futureCase(
      "modifiedAt BETWEEN now+1d AND now+2d",
      `"modifiedAt BETWEEN now+1d AND now+2d" is never true: modifiedAt records something that already happened, and now+1d is in the future. If a time in the past was meant, write now-1d.`,
    ),
    futureCase("accessedAt = now+1w", `"accessedAt = now+1w" is never true: accessedAt records something that already happened, and now+1w is in the future. If a time in the past was meant, write now-1w.`),
    futureCase(
      "scannedAt IN (now+1d, now+2d)",
      `"scannedAt IN (now+1d, now+2d)" is never true: scannedAt records something that already happened, and now+1d and now+2d are in the future. If a time in the past was meant, write now-1d and now-2d.`,
    ),
    futureCase(
      "createdAt IN (now+1d, 2024-01-01)",
      `"createdAt IN (now+1d, 2024-01-01)" never matches now+1d: ${happenedCreated}, and now+1d is in the future. If a time in the past was meant, write now-1d.`,
    ),
    futureCase("createdAt != now+30m", `"createdAt != now+30m" is always true: ${happenedCreated}, so it never equals now+30m, which is in the future. If a time in the past was meant, write now-30m.`),
    futureCase(
      "createdAt < now+1d",
      `"createdAt < now+1d" is true for every createdAt because ${happenedCreated} and now+1d is in the future, so it only tests that createdAt has a value. If a time in the past was meant, write now-1d.`,
    ),
    futureCase(
      "timestamp > now+5m",
      `"timestamp > now+5m" is never true: timestamp records something that already happened, and now+5m is in the future. If a time in the past was meant, write now-5m.`,
      { dataset: "activity" },
    ),
    futureCase(
      "eventTime >= now+1d",
      `"eventTime >= now+1d" is never true: eventTime records something that already happened, and now+1d is in the future. If a time in the past was meant, write now-1d.`,
      { dataset: "streaming" },
    ),
  ],
  [
    "createdAt > now-1d",
    "createdAt > now",
    "createdAt >= now+0d",
    "createdAt BETWEEN now-1d AND now+1d",
    "createdAt > 2999-01-01",
    "createdAt < now-1d OR modifiedAt > now-2h",
    { query: "due > now+1d", options: { dataset: boundedDataset } },
  ],
);

// ---------------------------------------------------------------------------------------------
// whole-text-wildcard

function wholeText(text: string, literal: string, replacement: string, field = "name", subject = `the whole of ${field}`): Case {
  return {
    query: text,
    expected: warning(
      "GQL604",
      text,
      text,
      `${JSON.stringify(text)} tests whether ${subject} has the shape of the pattern: with * or ?, the pattern must match the whole text, not a part of it. ` +
        `To test whether ${field} contains text of that shape, write ${replacement}.`,
      [suggestion(text, literal, replacement, `Replace with ${replacement}.`)],
    ),
  };
}

describeRule(
  "whole-text-wildcard",
  "GQL604",
  [
    wholeText("name ~ report-?.pdf", "report-?.pdf", "*report-?.pdf*"),
    wholeText('name ~ "rep*ort"', '"rep*ort"', '"*rep*ort*"'),
    wholeText("name ~ 'a?c'", "'a?c'", "'*a?c*'"),
    wholeText("name ~ 'it\\'s?'", "'it\\'s?'", "'*it\\'s?*'"),
    wholeText("tags ~ a*b", "a*b", "*a*b*", "tags", "a whole element of tags"),
    wholeText("path !~ '?/x'", "'?/x'", "'*?/x*'", "path"),
    wholeText("name ~ 'a?\\*'", "'a?\\*'", "'*a?\\**'"),
    wholeText('name ~ "a?b\\\\"', '"a?b\\\\"', '"*a?b\\\\\\*"'),
  ],
  ["name ~ report", "name ~ 'report*'", "name ~ '*.pdf'", "name ~ '*a?b*'", "name ~ 'a\\*b'", "name ~ 'a\\?b'", "name =~ 'a.b'", "name = 'a?b'"],
);

// ---------------------------------------------------------------------------------------------
// regex-could-be-wildcard

function regexWarning(text: string, message: string, fix?: { fragment: string; replacement: string; written: string }): Case {
  const suggestions = fix === undefined ? undefined : [suggestion(text, fix.fragment, fix.replacement, `Replace with ${fix.written}.`)];
  return { query: text, expected: warning("GQL605", text, text, message, suggestions) };
}

describeRule(
  "regex-could-be-wildcard",
  "GQL605",
  [
    regexWarning(
      'name =~ "^report.*\\.pdf$"',
      `"name =~ \\"^report.*\\\\.pdf$\\"" needs no regular expression: it can be written name ~ "report*.pdf". That form ignores case, while =~ does not; use it if the case of name does not matter.`,
    ),
    regexWarning(
      "name =~ '^report$'",
      `"name =~ '^report$'" needs no regular expression: it can be written name = 'report'. That form ignores case, while =~ does not; use it if the case of name does not matter.`,
    ),
    regexWarning(
      'name =~ "(?i)^report.*\\.pdf$"',
      `"name =~ \\"(?i)^report.*\\\\.pdf$\\"" needs no regular expression: name ~ "report*.pdf" matches the same text (except that * and ? also match line breaks, which . does not) and is easier to read.`,
      { fragment: '=~ "(?i)^report.*\\.pdf$"', replacement: '~ "report*.pdf"', written: 'name ~ "report*.pdf"' },
    ),
    regexWarning("name =~ '(?i)report'", `"name =~ '(?i)report'" needs no regular expression: name ~ 'report' matches the same text and is easier to read.`, {
      fragment: "=~ '(?i)report'",
      replacement: "~ 'report'",
      written: "name ~ 'report'",
    }),
    regexWarning("name =~ '(?i)^report$'", `"name =~ '(?i)^report$'" needs no regular expression: name = 'report' matches the same text and is easier to read.`, {
      fragment: "=~ '(?i)^report$'",
      replacement: "= 'report'",
      written: "name = 'report'",
    }),
    regexWarning(
      "owner =~ '(?i).*bob'",
      `"owner =~ '(?i).*bob'" needs no regular expression: owner ~ 'bob' matches the same text (except that * and ? also match line breaks, which . does not) and is easier to read.`,
      { fragment: "=~ '(?i).*bob'", replacement: "~ 'bob'", written: "owner ~ 'bob'" },
    ),
    regexWarning("flow =~ '(?i)^cataloguing$'", `"flow =~ '(?i)^cataloguing$'" needs no regular expression: flow = 'cataloguing' matches the same text and is easier to read.`, {
      fragment: "=~ '(?i)^cataloguing$'",
      replacement: "= 'cataloguing'",
      written: "flow = 'cataloguing'",
    }),
    regexWarning('tags =~ "(?is)^a.b"', `"tags =~ \\"(?is)^a.b\\"" needs no regular expression: tags ~ "a?b*" matches the same text and is easier to read.`, {
      fragment: '=~ "(?is)^a.b"',
      replacement: '~ "a?b*"',
      written: 'tags ~ "a?b*"',
    }),
    regexWarning("name =~ '(?si)\\*x$'", `"name =~ '(?si)\\\\*x$'" needs no regular expression: name ~ '*\\*x' matches the same text and is easier to read.`, {
      fragment: "=~ '(?si)\\*x$'",
      replacement: "~ '*\\*x'",
      written: "name ~ '*\\*x'",
    }),
    regexWarning(
      "name =~ ^what",
      `"name =~ ^what" needs no regular expression: it can be written name ~ what*. That form ignores case, while =~ does not; use it if the case of name does not matter.`,
    ),
  ],
  [
    "name =~ '^\\d+$'",
    "name =~ 'a|b'",
    "name =~ 'a+'",
    "name =~ 'ab?'",
    "name =~ '.*'",
    "name =~ '^.*$'",
    "name =~ ''",
    "name =~ '[abc]'",
    "name =~ '(?i)^a.*?b'",
    "name =~ '(?m)^a'",
    "name =~ '(?ii)a'",
    "name =~ '^a$b'",
    "name =~ 'a{2}'",
    "flow =~ '^NOPE$'",
    "name ~ '*report*'",
  ],
);

// ---------------------------------------------------------------------------------------------
// options

describe("lint options", () => {
  const noisy = "flow = CATALOGUING AND flow = CLASSIFICATION AND size < 0 AND name = a AND name = a AND createdAt > now+1d AND path ~ 'a?b' AND owner =~ '^x'";

  it("runs every rule by default", () => {
    const codes = diagnosticsOf(noisy).map((diagnostic) => diagnostic.code);
    expect([...new Set(codes)].sort()).toEqual(["GQL600", "GQL601", "GQL602", "GQL603", "GQL604", "GQL605"]);
  });

  it("reports only warnings and stays ok", () => {
    const result = check(noisy, { dataset: "files" });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.every((diagnostic) => diagnostic.severity === "warning")).toBe(true);
  });

  it("lints false removes every warning", () => {
    expect(diagnosticsOf(noisy, { lints: false })).toEqual([]);
  });

  it("lints true runs every rule", () => {
    expect(diagnosticsOf(noisy, { lints: true })).toEqual(diagnosticsOf(noisy));
  });

  it("one rule off keeps the others", () => {
    const codes = new Set(diagnosticsOf(noisy, { lints: { "constant-condition": false, "whole-text-wildcard": false } }).map((diagnostic) => diagnostic.code));
    expect([...codes].sort()).toEqual(["GQL600", "GQL602", "GQL603", "GQL605"]);
  });

  it("unknown lint name throws GQL902", () => {
    let caught: unknown;
    try {
      check(noisy, { dataset: "files", lints: { contradictions: false } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GqlError);
    expect((caught as GqlError).code).toBe("GQL902");
    expect((caught as GqlError).message).toBe(
      'Unknown lint "contradictions"; the lints are contradiction, constant-condition, repeated-condition, future-time-for-past-field, whole-text-wildcard, regex-could-be-wildcard.',
    );
  });

  it("non-boolean lint switch throws GQL902", () => {
    expect(() => check(noisy, { dataset: "files", lints: { contradiction: "no" as unknown as boolean } })).toThrow(
      expect.objectContaining({ name: "GqlError", code: "GQL902" }),
    );
  });

  it("non-object lints option throws GQL902", () => {
    expect(() => check(noisy, { dataset: "files", lints: "all" as unknown as boolean })).toThrow(expect.objectContaining({ name: "GqlError", code: "GQL902" }));
  });

  it("compile ignores the warnings", () => {
    const predicate = compile(noisy, { dataset: "files", now: () => FIXED_NOW });
    expect(predicate({ flow: "CATALOGUING", size: 1, name: "a" })).toBe(false);
  });

  it("warnings for a tree quote canonical text", () => {
    const { ast } = check("flow = CATALOGUING AND FLOW = classification", { dataset: "files", lints: false });
    const [diagnostic] = check(ast, { dataset: "files" }).diagnostics;
    expect(diagnostic?.message).toBe(
      `"FLOW = classification" can never be true together with the earlier "flow = CATALOGUING": no single value of flow satisfies both. ${contradictionAdvice}`,
    );
  });

  it("warnings for a tree with its source quote the source", () => {
    const source = "flow = CATALOGUING AND flow == classification";
    const { ast } = check(source, { dataset: "files", lints: false });
    expect(check(ast, { dataset: "files", source }).diagnostics).toEqual(diagnosticsOf(source));
  });
});

// ---------------------------------------------------------------------------------------------
// properties

/** Compiles a query against `files` (or `options.dataset`) with `now` fixed at FIXED_NOW. */
function predicateOf(text: string, options: Options = {}): (event: unknown) => boolean {
  return compile(text, { dataset: "files", now: () => FIXED_NOW, ...options });
}

/** Returns the warnings of a query, or `undefined` when a generated query does not check. */
function checked(text: string): Diagnostic[] | undefined {
  const result = check(text, { dataset: "files" });
  return result.ok ? result.diagnostics : undefined;
}

describe("properties", () => {
  it("lints add only warnings inside the text", () => {
    fc.assert(
      fc.property(query, (generated) => {
        const withLints = check(generated.text, { dataset: "files" });
        const without = check(generated.text, { dataset: "files", lints: false });
        expect(withLints.ok).toBe(without.ok);
        const warnings = withLints.diagnostics.filter((diagnostic) => diagnostic.severity === "warning");
        expect(withLints.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual(without.diagnostics);
        for (const diagnostic of warnings) {
          expect(diagnostic.code).toMatch(/^GQL60[0-5]$/);
          expect(diagnostic.range.start.offset).toBeLessThan(diagnostic.range.end.offset);
          expect(diagnostic.range.end.offset).toBeLessThanOrEqual(generated.text.length);
          for (const fix of diagnostic.suggestions ?? []) expect(fix.range.end.offset).toBeLessThanOrEqual(generated.text.length);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("contradiction: a warned AND matches no event", () => {
    const conjunction = fc.constantFrom(...allQueryFields).chain((path) =>
      fc.array(conditionOn(path), { minLength: 2, maxLength: 4 }).map((conditions) => ({
        text: conditions.map((condition) => `(${condition.text})`).join(" AND "),
        seeds: { [path]: conditions.flatMap((condition) => condition.seeds[path] ?? []) },
      })),
    );
    const sample = conjunction.chain((generated) => fc.array(eventFor(generated.seeds), { minLength: 1, maxLength: 12 }).map((events) => ({ generated, events })));
    fc.assert(
      fc.property(sample, ({ generated, events }) => {
        const diagnostics = checked(generated.text);
        if (diagnostics === undefined || !diagnostics.some((diagnostic) => diagnostic.code === "GQL600")) return;
        const predicate = predicateOf(generated.text);
        for (const event of events) expect(predicate(event)).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  /** Conditions on one field whose values are all listed, so that satisfiability can be decided by trying each. */
  function exhaustiveCase(field: string, values: readonly string[], candidates: readonly Record<string, unknown>[]) {
    const literal = fc.constantFrom(...values);
    const condition = fc.oneof(
      fc.tuple(fc.constantFrom("=", "!=", "<", "<=", ">", ">="), literal).map(([operator, value]) => `${field} ${operator} ${value}`),
      fc.tuple(fc.constantFrom("IN", "NOT IN"), fc.uniqueArray(literal, { minLength: 1, maxLength: 3 })).map(([operator, list]) => `${field} ${operator} (${list.join(", ")})`),
      fc.tuple(literal, literal).map(([low, high]) => `${field} BETWEEN ${low} AND ${high}`),
      fc.constantFrom(`${field} IS NULL`, `${field} IS NOT NULL`),
    );
    const operand = fc.tuple(fc.boolean(), condition).map(([negate, text]) => (negate ? `NOT (${text})` : text));
    return fc.array(operand, { minLength: 2, maxLength: 4 }).map((operands) => ({ operands, candidates }));
  }

  const classificationCandidates = [...["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL", "SECRET"].map((label) => ({ classification: label })), {}];
  // Every literal is an integer from -1 to 5, so these values fall into every region the conditions can cut out.
  const sizeCandidates = [...Array.from({ length: 21 }, (_, index) => ({ size: (index - 4) / 2 })), {}, { size: "big" }];

  for (const [name, cases] of [
    ["ordered enum", exhaustiveCase("classification", ["PUBLIC", "internal", "CONFIDENTIAL", "highly_confidential"], classificationCandidates)],
    ["size", exhaustiveCase("size", ["-1", "0", "1", "2", "3", "4", "5"], sizeCandidates)],
  ] as const) {
    it(`contradiction: exact for ${name} conditions`, () => {
      fc.assert(
        fc.property(cases, ({ operands, candidates }) => {
          const text = operands.join(" AND ");
          const satisfiedBySome = (part: string): boolean => {
            const predicate = predicateOf(part);
            return candidates.some((event) => predicate(event));
          };
          // Conditions that are false on their own are left to constant-condition.
          const possible = operands.filter(satisfiedBySome);
          const expected = possible.length >= 2 && !satisfiedBySome(possible.join(" AND "));
          const warned = warningsOf(text, "GQL600", { lints: { "constant-condition": false, "repeated-condition": false } });
          expect(warned.length).toBe(expected ? 1 : 0);
        }),
        { numRuns: 600 },
      );
    });
  }

  it("constant-condition: never-true warnings hold for every value of the type", () => {
    const values = {
      riskScore: Array.from({ length: 41 }, (_, index) => index * 2.5),
      size: [0, 0.5, 1, 999, 1000, 1e6, 1e7, 1e12],
      classification: ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"],
    } as const;
    const fields = Object.keys(values) as (keyof typeof values)[];
    const sample = fc.constantFrom(...fields).chain((path) => conditionOn(path).map((generated) => ({ path, text: generated.text })));
    fc.assert(
      fc.property(sample, ({ path, text }) => {
        const diagnostics = checked(text);
        const found = diagnostics?.find((diagnostic) => diagnostic.code === "GQL601");
        if (found === undefined) return;
        const predicate = predicateOf(text);
        const outcomes = values[path].map((value) => predicate({ [path]: value }));
        if (found.message.includes("is never true")) {
          expect(outcomes).not.toContain(true);
        } else if (found.message.includes("is always true")) {
          expect(outcomes).not.toContain(false);
        } else {
          // "true for every" with IS NOT NULL suggested, or "false for every" (from !~) with IS NULL.
          const outcome = found.message.includes("is true for every");
          expect(outcomes).not.toContain(!outcome);
          const fixedPredicate = predicateOf(applySuggestion(text, found.suggestions?.[0] as Suggestion));
          for (const value of values[path]) expect(fixedPredicate({ [path]: value })).toBe(outcome);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("repeated-condition: removing the repeat keeps the meaning", () => {
    const sample = fc
      .tuple(query, query, fc.constantFrom(" AND ", " OR ", " && ", " || "))
      .map(([first, second, joiner]) => ({ text: `(${first.text})${joiner}(${second.text})${joiner}(${first.text})`, seeds: { ...first.seeds, ...second.seeds } }))
      .chain((generated) => fc.array(eventFor(generated.seeds), { minLength: 1, maxLength: 6 }).map((events) => ({ generated, events })));
    fc.assert(
      fc.property(sample, ({ generated, events }) => {
        const diagnostics = checked(generated.text);
        if (diagnostics === undefined) return;
        const repeats = diagnostics.filter((diagnostic) => diagnostic.code === "GQL602");
        expect(repeats.length).toBeGreaterThan(0);
        const original = predicateOf(generated.text);
        for (const repeat of repeats) {
          const fixed = applySuggestion(generated.text, repeat.suggestions?.[0] as Suggestion);
          const fixedPredicate = predicateOf(fixed);
          for (const event of events) expect(fixedPredicate(event)).toBe(original(event));
        }
      }),
      { numRuns: 300 },
    );
  });

  const patternUnit = fc.constantFrom("a", "b", "B", ".", "/", "*", "?", "\\*", "\\?", " ", "é");
  const texts = fc.array(fc.string({ maxLength: 7, unit: fc.constantFrom("a", "b", "B", "A", ".", "/", "*", "?", " ", "é", "É") }), { minLength: 1, maxLength: 10 });

  it("whole-text-wildcard: the suggestion matches every text the pattern matches, inside any text", () => {
    fc.assert(
      fc.property(fc.array(patternUnit, { minLength: 1, maxLength: 6 }), texts, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (units, samples, before, after) => {
        const text = `name ~ "${units.join("")}"`;
        const diagnostics = checked(text);
        const found = diagnostics?.find((diagnostic) => diagnostic.code === "GQL604");
        if (found === undefined) return;
        const original = predicateOf(text);
        const fixed = predicateOf(applySuggestion(text, found.suggestions?.[0] as Suggestion));
        for (const sampleText of samples) {
          if (original({ name: sampleText })) expect(fixed({ name: `${before}${sampleText}${after}` })).toBe(true);
        }
      }),
      { numRuns: 800 },
    );
  });

  it("regex-could-be-wildcard: the (?i) replacement matches the same texts", () => {
    const regexUnit = fc.constantFrom("a", "b", "B", "é", "/", " ", "\\.", "\\*", "\\?", "\\\\", "\\$", ".", ".*");
    const sample = fc.tuple(fc.constantFrom("(?i)", "(?is)"), fc.boolean(), fc.array(regexUnit, { maxLength: 6 }), fc.boolean(), texts);
    fc.assert(
      fc.property(sample, ([flags, start, units, end, samples]) => {
        const pattern = `${flags}${start ? "^" : ""}${units.join("")}${end ? "$" : ""}`;
        const text = `name =~ '${pattern.replace(/\\/g, "\\\\")}'`;
        const found = checked(text)?.find((diagnostic) => diagnostic.code === "GQL605");
        const matchesEverything = units.every((unit) => unit === ".*") && !(start && end && units.length === 0);
        expect(found === undefined).toBe(matchesEverything);
        if (found === undefined) return;
        const original = predicateOf(text);
        const fixed = predicateOf(applySuggestion(text, found.suggestions?.[0] as Suggestion));
        for (const sampleText of samples) expect(fixed({ name: sampleText })).toBe(original({ name: sampleText }));
      }),
      { numRuns: 1500 },
    );
  });

  it("future-time-for-past-field: never-true warnings hold for every past time", () => {
    const relative = fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 3 }), fc.constantFrom("d", "h")).map(([sign, amount, unit]) => `now${sign}${amount}${unit}`);
    const condition = fc.oneof(
      fc.tuple(fc.constantFrom("=", "!=", "<", "<=", ">", ">="), relative).map(([operator, value]) => `createdAt ${operator} ${value}`),
      fc.tuple(relative, relative).map(([low, high]) => `createdAt BETWEEN ${low} AND ${high}`),
      fc.array(relative, { minLength: 1, maxLength: 3 }).map((list) => `createdAt IN (${list.join(", ")})`),
    );
    const pastTimes = fc.array(fc.integer({ min: 0, max: 5 * 86_400_000 }).map((ago) => FIXED_NOW - ago), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(condition, pastTimes, (text, times) => {
        const found = checked(text)?.find((diagnostic) => diagnostic.code === "GQL603");
        if (found === undefined) return;
        const predicate = predicateOf(text);
        const outcomes = times.map((time) => predicate({ createdAt: time }));
        if (found.message.includes("is never true")) expect(outcomes).not.toContain(true);
        if (found.message.includes("is always true") || found.message.includes("is true for every")) expect(outcomes).not.toContain(false);
      }),
      { numRuns: 800 },
    );
  });
});
