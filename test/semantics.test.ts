/**
 * The meaning of every operator on every field type, as tables of `[query, event, expected]`. Each
 * row runs in both compile modes ("generated" and "closure") and in the reference evaluator, with
 * `now` fixed at NOW.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../src/checker/check.js";
import { evaluate } from "../src/evaluator/evaluate.js";
import { check, compile, defineDataset, type BuiltinDatasetName, type Dataset, type Predicate } from "../src/index.js";
import { described, eventOf, showEvent, throwingProxy } from "./support/events.js";

/** 2024-03-10T12:00:00.000Z, the `now` of every table. */
const NOW = Date.UTC(2024, 2, 10, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

type Row = readonly [query: string, event: unknown, expected: boolean];

const predicates = new Map<string, Predicate>();

function predicateFor(dataset: BuiltinDatasetName | Dataset, query: string, mode: "generated" | "closure"): Predicate {
  const key = `${typeof dataset === "string" ? dataset : dataset.name}\u0000${mode}\u0000${query}`;
  let predicate = predicates.get(key);
  if (predicate === undefined) {
    predicate = compile(query, { dataset, mode, now: () => NOW });
    predicates.set(key, predicate);
  }
  return predicate;
}

/** Runs the reference evaluator; like a predicate, it counts an event that throws on reading as false. */
function evaluateReference(dataset: BuiltinDatasetName | Dataset, query: string, event: unknown): boolean {
  const bound = analyze(query, { dataset }).bound;
  if (bound === undefined) throw new Error(`The query ${query} does not check.`);
  try {
    return evaluate(bound, event, NOW);
  } catch {
    return false;
  }
}

/** Registers one test per row; the title is the query and the event. */
function table(dataset: BuiltinDatasetName | Dataset, rows: readonly Row[]): void {
  for (const [query, event, expected] of rows) {
    const title = `${query} on ${showEvent(event)}`;
    it(title, () => {
      expect(predicateFor(dataset, query, "generated")(eventOf(event))).toBe(expected);
      expect(predicateFor(dataset, query, "closure")(eventOf(event))).toBe(expected);
      expect(evaluateReference(dataset, query, eventOf(event))).toBe(expected);
    });
  }
}

describe("string", () => {
  table("files", [
    ["name = report.pdf", { name: "report.pdf" }, true],
    ["name = REPORT.PDF", { name: "Report.pdf" }, true],
    ['name = "Report.PDF"', { name: "report.pdf" }, true],
    ["name == report.pdf", { name: "report.pdf" }, true],
    ["name = report.pdf", { name: "report.pdf.bak" }, false],
    ["name = report.pdf", { name: "" }, false],
    ["name = report.pdf", {}, false],
    ["name = report.pdf", { name: null }, false],
    ["name = report.pdf", { name: undefined }, false],
    ["name = report.pdf", { name: ["report.pdf"] }, false],
    ["name = 42", { name: 42 }, false],
    ["name = 42", { name: "42" }, true],
    ["name = true", { name: true }, false],
    ['name = "Ünïcödé"', { name: "üNÏCÖDÉ" }, true],
    ['name = "e\\u0301"', { name: "é" }, false],
    ['name = "e\\u0301"', { name: "E\u0301" }, true],
    ['name = "straße"', { name: "STRASSE" }, false],
    ['name = "a😀b"', { name: "A😀B" }, true],
    ['name = ""', { name: "" }, true],
    ["name != report.pdf", { name: "REPORT.PDF" }, false],
    ["name != report.pdf", { name: "other.pdf" }, true],
    ["name != report.pdf", {}, true],
    ["name != report.pdf", { name: null }, true],
    ["name != report.pdf", { name: 42 }, true],
    ["name != report.pdf", { name: ["report.pdf"] }, true],
    ["name <> report.pdf", { name: "other.pdf" }, true],
    ["name <> report.pdf", { name: "Report.pdf" }, false],
    ["name IN (a.txt, REPORT.pdf)", { name: "report.PDF" }, true],
    ["name IN (a.txt, b.txt)", { name: "report.pdf" }, false],
    ["name IN (a.txt)", {}, false],
    ["name IN (a.txt)", { name: null }, false],
    ["name IN (a.txt)", { name: ["a.txt"] }, false],
    ["name IN (a, b, c, d, e, F)", { name: "f" }, true],
    ["name IN (a, b, c, d, e, F)", { name: "g" }, false],
    ["name NOT IN (a.txt, b.txt)", { name: "A.TXT" }, false],
    ["name NOT IN (a.txt, b.txt)", { name: "c.txt" }, true],
    ["name NOT IN (a.txt, b.txt)", {}, true],
    ["name NOT IN (a.txt, b.txt)", { name: null }, true],
    ["name NOT IN (a.txt, b.txt)", { name: 7 }, true],
    ["name IS NULL", {}, true],
    ["name IS NULL", { name: null }, true],
    ["name IS NULL", { name: [] }, false],
    ["name IS NULL", { name: "" }, false],
    ["name IS NULL", { name: "x" }, false],
    ["name IS NULL", { name: 0 }, false],
    ["name IS NOT NULL", {}, false],
    ["name IS NOT NULL", { name: null }, false],
    ["name IS NOT NULL", { name: [] }, true],
    ["name IS NOT NULL", { name: "" }, true],
    ["name IS NOT NULL", { name: 42 }, true],
  ]);
});

describe("contains and wildcards", () => {
  table("files", [
    ["name ~ port", { name: "REPORT.pdf" }, true],
    ["name ~ PORT", { name: "report.pdf" }, true],
    ["name ~ xyz", { name: "report.pdf" }, false],
    ['name ~ ""', { name: "anything" }, true],
    ['name ~ ""', { name: "" }, true],
    ["name ~ port", {}, false],
    ["name ~ port", { name: null }, false],
    ["name ~ port", { name: ["report"] }, false],
    ["name ~ 7", { name: 7 }, false],
    ['path ~ "/share/*"', { path: "/share/HR/salaries.xlsx" }, true],
    ['path ~ "/share/*"', { path: "/share/" }, true],
    ['path ~ "/share/*"', { path: "/other/share/x" }, false],
    ['path ~ "*.XLSX"', { path: "/share/HR/salaries.xlsx" }, true],
    ['path ~ "*.xlsx"', { path: "/share/a.xlsx.bak" }, false],
    ['path ~ "/share/*/salaries.*"', { path: "/share/HR/2024/salaries.xlsx" }, true],
    ["path ~ /share/*/salaries.*", { path: "/share/HR/2024/salaries.xlsx" }, true],
    ['name ~ "*a*a*b"', { name: "aaab" }, true],
    ['name ~ "*a*a*b"', { name: "aaaa" }, false],
    ['name ~ "a*"', { name: "xab" }, false],
    ['name ~ "A*"', { name: "abc" }, true],
    ['name ~ "*"', { name: "" }, true],
    ['name ~ "a?c"', { name: "abc" }, true],
    ['name ~ "a?c"', { name: "a/c" }, true],
    ['name ~ "a?c"', { name: "ac" }, false],
    ['name ~ "a?c"', { name: "abbc" }, false],
    ['name ~ "a?c"', { name: "a😀c" }, true],
    ['name ~ "a??c"', { name: "a😀c" }, false],
    ['name ~ "?"', { name: "😀" }, true],
    ['name ~ "??"', { name: "😀" }, false],
    ['name ~ "?*?"', { name: "😀" }, false],
    ['name ~ "a?*c"', { name: "a😀xc" }, true],
    ['name ~ "a\\*c"', { name: "a*c" }, true],
    ['name ~ "a\\*c"', { name: "abc" }, false],
    ['name ~ "a\\*c"', { name: "xxA*Cxx" }, true],
    ["name ~ a\\*c", { name: "a*c" }, true],
    ["name ~ a\\*c", { name: "abc" }, false],
    ['name ~ "what\\?"', { name: "so what?" }, true],
    ['name ~ "what\\?"', { name: "so whatx" }, false],
    ["name ~ a\\\\*", { name: "a\\bc" }, true],
    ["name ~ a\\\\*", { name: "abc" }, false],
    ['name ~ "a\\\\\\\\*"', { name: "a\\bc" }, true],
    ['name ~ "a\\\\b"', { name: "xa\\by" }, true],
    ['name ~ "*\\\\"', { name: "ends with \\" }, true],
    ["name !~ port", { name: "report" }, false],
    ["name !~ port", { name: "other" }, true],
    ["name !~ port", {}, true],
    ["name !~ port", { name: null }, true],
    ["name !~ port", { name: 5 }, true],
    ['name !~ "*.pdf"', { name: "x.PDF" }, false],
    ['name !~ "*.pdf"', { name: "x.doc" }, true],
  ]);
});

describe("regular expression", () => {
  table("files", [
    ['name =~ "^Rep"', { name: "Report" }, true],
    ['name =~ "^Rep"', { name: "report" }, false],
    ['name =~ "(?i)^rep"', { name: "REPORT" }, true],
    ['name =~ "port"', { name: "report.pdf" }, true],
    ['name =~ "^port"', { name: "report.pdf" }, false],
    ['name =~ "^\\d+$"', { name: "123" }, true],
    ['name =~ "^\\d+$"', { name: "12a" }, false],
    ["name =~ '\\.pdf$'", { name: "a.pdf" }, true],
    ["name =~ '\\.pdf$'", { name: "apdf" }, false],
    ['name =~ "^42$"', { name: 42 }, false],
    ['name =~ "x"', {}, false],
    ['name =~ "x"', { name: null }, false],
    ['name =~ "x"', { name: ["x"] }, false],
    ['name =~ "^.$"', { name: "😀" }, true],
    ['NOT name =~ "x"', {}, true],
  ]);
});

describe("number", () => {
  table("files", [
    ["riskScore = 42", { riskScore: 42 }, true],
    ["riskScore = 42", { riskScore: 43 }, false],
    ["riskScore = 42", { riskScore: "42" }, true],
    ["riskScore = 42", { riskScore: "42.0" }, true],
    ["riskScore = 42", { riskScore: "4.2e1" }, true],
    ["riskScore = 42", { riskScore: "+42" }, true],
    ["riskScore = 42", { riskScore: " 42" }, false],
    ["riskScore = 42", { riskScore: "42abc" }, false],
    ["riskScore = 42", { riskScore: "0x2A" }, false],
    ["riskScore = 42", { riskScore: "" }, false],
    ["riskScore = 42", { riskScore: 42n }, false],
    ["riskScore = 42", { riskScore: [42] }, false],
    ["riskScore = 42", { riskScore: true }, false],
    ["riskScore = 42", {}, false],
    ["riskScore = 42", { riskScore: null }, false],
    ["riskScore = 1e3", { riskScore: "1000" }, true],
    ["riskScore = 1000", { riskScore: "1e3" }, true],
    ["riskScore = 0.5", { riskScore: ".5" }, true],
    ["riskScore = -0", { riskScore: 0 }, true],
    ["riskScore = 0", { riskScore: -0 }, true],
    ["riskScore = -5", { riskScore: -5 }, true],
    ["riskScore != 42", { riskScore: 42 }, false],
    ["riskScore != 42", { riskScore: "42" }, false],
    ["riskScore != 42", { riskScore: 41 }, true],
    ["riskScore != 42", {}, true],
    ["riskScore != 42", { riskScore: Number.NaN }, true],
    ["riskScore != 42", { riskScore: "forty-two" }, true],
    ["riskScore > 50", { riskScore: 51 }, true],
    ["riskScore > 50", { riskScore: 50 }, false],
    ["riskScore > 50", { riskScore: "51" }, true],
    ["riskScore > 50", { riskScore: "1e3" }, true],
    ["riskScore > 50", { riskScore: Number.POSITIVE_INFINITY }, false],
    ["riskScore > 50", { riskScore: "Infinity" }, false],
    ["riskScore > 50", { riskScore: Number.NaN }, false],
    ["riskScore > 50", { riskScore: "NaN" }, false],
    ["riskScore > 50", {}, false],
    ["riskScore > 50", { riskScore: null }, false],
    ["riskScore < 0", { riskScore: Number.NEGATIVE_INFINITY }, false],
    ["riskScore < 0", { riskScore: -0.5 }, true],
    ["riskScore >= -5", { riskScore: -5 }, true],
    ["riskScore >= -5", { riskScore: -5.01 }, false],
    ["riskScore <= 10.5", { riskScore: 10.5 }, true],
    ["riskScore <= 10.5", { riskScore: 10.51 }, false],
    ["riskScore BETWEEN 10 AND 20", { riskScore: 10 }, true],
    ["riskScore BETWEEN 10 AND 20", { riskScore: 20 }, true],
    ["riskScore BETWEEN 10 AND 20", { riskScore: 20.001 }, false],
    ["riskScore BETWEEN 10 AND 20", { riskScore: 9.999 }, false],
    ["riskScore BETWEEN 10 AND 20", { riskScore: "15" }, true],
    ["riskScore BETWEEN 10 AND 20", {}, false],
    ["riskScore BETWEEN 10 AND 20", { riskScore: Number.NaN }, false],
    ["riskScore BETWEEN 20 AND 10", { riskScore: 15 }, false],
    ["NOT riskScore BETWEEN 10 AND 20", {}, true],
    ["riskScore IN (1, 2, 3)", { riskScore: "2" }, true],
    ["riskScore IN (1, 2, 3)", { riskScore: 4 }, false],
    ["riskScore IN (1, 2, 3)", {}, false],
    ["riskScore NOT IN (1, 2)", {}, true],
    ["riskScore NOT IN (1, 2)", { riskScore: 2 }, false],
    ["riskScore NOT IN (1, 2)", { riskScore: "x" }, true],
    ["riskScore IS NULL", { riskScore: 0 }, false],
    ["riskScore IS NULL", {}, true],
    ["riskScore IS NULL", { riskScore: Number.NaN }, false],
    ["riskScore IS NULL", { riskScore: [] }, false],
    ["riskScore IS NOT NULL", { riskScore: 0 }, true],
    ["riskScore IS NOT NULL", { riskScore: null }, false],
  ]);
});

describe("size", () => {
  table("files", [
    ["size > 10MB", { size: 10_000_001 }, true],
    ["size > 10MB", { size: 10_000_000 }, false],
    ["size > 10mb", { size: 10_000_001 }, true],
    ["size > 10mb", { size: 10_000_000 }, false],
    ["size = 10KB", { size: 10_000 }, true],
    ["size = 10KB", { size: "10000" }, true],
    ["size = 10KB", { size: "10KB" }, false],
    ["size = 10KiB", { size: 10_240 }, true],
    ["size = 10KiB", { size: 10_000 }, false],
    ["size = 1.5MB", { size: 1_500_000 }, true],
    ["size = 1MiB", { size: 1_048_576 }, true],
    ["size = 2GB", { size: 2_000_000_000 }, true],
    ["size = 1GiB", { size: 1_073_741_824 }, true],
    ["size = 1TB", { size: 1e12 }, true],
    ["size = 1TiB", { size: 1_099_511_627_776 }, true],
    ["size = 10B", { size: 10 }, true],
    ["size = 10b", { size: 10 }, true],
    ["size = 10", { size: 10 }, true],
    ["size = 0.5KB", { size: 500 }, true],
    ["size BETWEEN 1KB AND 1KiB", { size: 1000 }, true],
    ["size BETWEEN 1KB AND 1KiB", { size: 1024 }, true],
    ["size BETWEEN 1KB AND 1KiB", { size: 1025 }, false],
    ["size < 1KB", { size: 999 }, true],
    ["size < 1KB", {}, false],
    ["size < 1KB", { size: null }, false],
    ["size < 1KB", { size: "small" }, false],
    ["size < 1KB", { size: [1] }, false],
    ["size != 1KB", {}, true],
    ["size != 1KB", { size: 1000 }, false],
    ["size IN (1KB, 2KB)", { size: 2000 }, true],
    ["size NOT IN (1KB, 2KB)", { size: 2000 }, false],
    ["size IS NULL", { size: 0 }, false],
  ]);
});

describe("boolean", () => {
  table("files", [
    ["critical = true", { critical: true }, true],
    ["critical = true", { critical: false }, false],
    ["critical = true", { critical: "true" }, false],
    ["critical = true", { critical: 1 }, false],
    ["critical = true", { critical: [true] }, false],
    ["critical = true", {}, false],
    ["critical = true", { critical: null }, false],
    ["critical = TRUE", { critical: true }, true],
    ["critical = False", { critical: false }, true],
    ['critical = "true"', { critical: true }, true],
    ["critical != true", { critical: false }, true],
    ["critical != true", { critical: true }, false],
    ["critical != true", {}, true],
    ["critical != true", { critical: "true" }, true],
    ["critical IN (true, false)", { critical: false }, true],
    ["critical IN (true, false)", { critical: null }, false],
    ["critical IN (true, false)", { critical: 0 }, false],
    ["critical NOT IN (true)", { critical: false }, true],
    ["critical NOT IN (true)", {}, true],
    ["critical NOT IN (true)", { critical: true }, false],
    ["critical IS NULL", {}, true],
    ["critical IS NULL", { critical: false }, false],
    ["critical IS NOT NULL", { critical: false }, true],
  ]);
});

describe("timestamp", () => {
  const march1 = Date.UTC(2024, 2, 1);
  table("files", [
    ["createdAt = 2024-03-01", { createdAt: "2024-03-01T00:00:00Z" }, true],
    ["createdAt = 2024-03-01", { createdAt: "2024-03-01T23:59:59.999Z" }, true],
    ["createdAt = 2024-03-01", { createdAt: "2024-03-02T00:00:00Z" }, false],
    ["createdAt = 2024-03-01", { createdAt: "2024-02-29T23:59:59.999Z" }, false],
    ["createdAt = 2024-03-01", { createdAt: "2024-03-01" }, true],
    ["createdAt = 2024-03-01", { createdAt: "2024-03-01T01:00:00+02:00" }, false],
    ["createdAt = 2024-03-01", { createdAt: "2024-03-01T23:00:00-01:00" }, false],
    ["createdAt = 2024-03-01", { createdAt: march1 + 12 * HOUR }, true],
    ["createdAt = 2024-03-01", { createdAt: new Date(march1 + 12 * HOUR) }, true],
    ["createdAt = 2024-03-01", { createdAt: new Date(Number.NaN) }, false],
    ["createdAt = 2024-03-01", { createdAt: "2024-3-1" }, false],
    ["createdAt = 2024-03-01", { createdAt: String(march1 + 12 * HOUR) }, false],
    ["createdAt = 2024-03-01", {}, false],
    ["createdAt = 2024-03-01", { createdAt: null }, false],
    ["createdAt = 2024-03-01", { createdAt: ["2024-03-01"] }, false],
    ["createdAt != 2024-03-01", { createdAt: "2024-03-01T12:00:00Z" }, false],
    ["createdAt != 2024-03-01", { createdAt: "2024-03-02T00:00:00Z" }, true],
    ["createdAt != 2024-03-01", {}, true],
    ["createdAt != 2024-03-01", { createdAt: "yesterday" }, true],
    ["createdAt > 2024-03-01", { createdAt: "2024-03-01T00:00:00.001Z" }, true],
    ["createdAt > 2024-03-01", { createdAt: "2024-03-01T12:00:00Z" }, true],
    ["createdAt > 2024-03-01", { createdAt: "2024-03-01T00:00:00Z" }, false],
    ["createdAt <= 2024-03-01", { createdAt: "2024-03-01T00:00:00Z" }, true],
    ["createdAt <= 2024-03-01", { createdAt: "2024-03-01T00:00:00.001Z" }, false],
    ["createdAt >= 2024-03-01", { createdAt: "2024-02-29T23:59:59.999Z" }, false],
    ["createdAt >= 2024-03-01", { createdAt: march1 }, true],
    ["createdAt < 2024-03-01", { createdAt: "2024-02-29T23:59:59.999Z" }, true],
    ["createdAt BETWEEN 2024-03-01 AND 2024-03-02", { createdAt: "2024-03-01T00:00:00Z" }, true],
    ["createdAt BETWEEN 2024-03-01 AND 2024-03-02", { createdAt: "2024-03-02T00:00:00Z" }, true],
    ["createdAt BETWEEN 2024-03-01 AND 2024-03-02", { createdAt: "2024-03-02T00:00:00.001Z" }, false],
    ["createdAt BETWEEN 2024-03-01 AND 2024-03-02", { createdAt: "2024-02-29T23:59:59.999Z" }, false],
    ["createdAt IN (2024-03-01, 2024-03-05)", { createdAt: "2024-03-05T23:00:00Z" }, true],
    ["createdAt IN (2024-03-01, 2024-03-05)", { createdAt: "2024-03-03T00:00:00Z" }, false],
    ["createdAt NOT IN (2024-03-01, 2024-03-05)", { createdAt: "2024-03-05T23:00:00Z" }, false],
    ["createdAt NOT IN (2024-03-01, 2024-03-05)", {}, true],
    ["createdAt = 2024-03-01T12:00:00Z", { createdAt: "2024-03-01T12:00:00Z" }, true],
    ["createdAt = 2024-03-01T12:00:00Z", { createdAt: "2024-03-01T12:00:00.001Z" }, false],
    ["createdAt = 2024-03-01T12:00:00Z", { createdAt: "2024-03-01T14:00:00+02:00" }, true],
    ["createdAt = 2024-03-01T12:00:00Z", { createdAt: "2024-03-01T14:00:00+0200" }, true],
    ["createdAt = 2024-03-01T12:00:00Z", { createdAt: "2024-03-01t12:00:00z" }, true],
    ["createdAt = 2024-03-01T12:00:00Z", { createdAt: "2024-03-01 12:00:00Z" }, false],
    ["createdAt = 2024-03-01T12:00:00Z", { createdAt: march1 + 12 * HOUR }, true],
    ["createdAt = 2024-03-01T12:00:00Z", { createdAt: new Date(march1 + 12 * HOUR) }, true],
    ["createdAt = 2024-03-01T12:00:00", { createdAt: "2024-03-01T12:00:00Z" }, true],
    ["createdAt = 2024-03-01T12:00:00+02:00", { createdAt: "2024-03-01T10:00:00Z" }, true],
    ["createdAt = 2024-03-01T12:00:00.5Z", { createdAt: "2024-03-01T12:00:00.500Z" }, true],
    ["createdAt = 2024-03-01T12:00Z", { createdAt: "2024-03-01T12:00:00Z" }, true],
    ["createdAt > 2024-03-01", { createdAt: "2024-1-2" }, false],
    ["createdAt > 2024-03-01", { createdAt: "yesterday" }, false],
    ["createdAt > 2024-03-01", { createdAt: "2024-02-30" }, false],
    ["createdAt > 2024-03-01", { createdAt: Number.NaN }, false],
    ["createdAt > 2024-03-01", { createdAt: Number.POSITIVE_INFINITY }, false],
    ["createdAt > 2024-03-01", { createdAt: true }, false],
    ["createdAt > 2024-03-01", { createdAt: { epochMs: NOW } }, false],
    ["createdAt IS NULL", {}, true],
    ["createdAt IS NULL", { createdAt: "yesterday" }, false],
  ]);
});

describe("relative time", () => {
  table("files", [
    ["createdAt > now-7d", { createdAt: NOW - 7 * DAY + 1 }, true],
    ["createdAt > now-7d", { createdAt: NOW - 7 * DAY }, false],
    ["createdAt > now-7d", { createdAt: iso(NOW - 7 * DAY + 1) }, true],
    ["createdAt > now-7d", { createdAt: new Date(NOW - 7 * DAY + 1) }, true],
    ["createdAt > now - 7d", { createdAt: NOW - 7 * DAY + 1 }, true],
    ["createdAt > now - 7d", { createdAt: NOW - 7 * DAY }, false],
    ["createdAt > now -7d", { createdAt: NOW - 7 * DAY + 1 }, true],
    ["createdAt > NOW-7D", { createdAt: NOW - 7 * DAY + 1 }, true],
    ["createdAt > now-7d", {}, false],
    ["createdAt > now-7d", { createdAt: "last week" }, false],
    ["createdAt < now+2h", { createdAt: NOW + 2 * HOUR - 1 }, true],
    ["createdAt < now+2h", { createdAt: NOW + 2 * HOUR }, false],
    ["createdAt >= now", { createdAt: NOW }, true],
    ["createdAt >= now", { createdAt: NOW - 1 }, false],
    ["createdAt = now", { createdAt: NOW }, true],
    ["createdAt = now", { createdAt: NOW + 1 }, false],
    ["createdAt != now-1d", { createdAt: NOW - DAY }, false],
    ["createdAt IN (now, now-1d)", { createdAt: NOW - DAY }, true],
    ["createdAt BETWEEN now-1d AND now", { createdAt: NOW - DAY }, true],
    ["createdAt BETWEEN now-1d AND now", { createdAt: NOW + 1 }, false],
    ["createdAt > now-1w", { createdAt: NOW - 6 * DAY }, true],
    ["createdAt > now-1w", { createdAt: NOW - 8 * DAY }, false],
    ["createdAt > now-30s", { createdAt: NOW - 29 * SECOND }, true],
    ["createdAt > now-30s", { createdAt: NOW - 31 * SECOND }, false],
    ["createdAt > now-90m", { createdAt: NOW - 89 * MINUTE }, true],
    ["createdAt > now-90m", { createdAt: NOW - 91 * MINUTE }, false],
    ["createdAt > now-1.5h", { createdAt: NOW - 89 * MINUTE }, true],
    ["createdAt > now-1.5h", { createdAt: NOW - 91 * MINUTE }, false],
  ]);

  for (const mode of ["generated", "closure"] as const) {
    it(`calls now at each evaluation (${mode} mode)`, () => {
      let clock = NOW;
      let calls = 0;
      const predicate = compile("createdAt > now-7d", {
        dataset: "files",
        mode,
        now: () => {
          calls++;
          return clock;
        },
      });
      const event = { createdAt: NOW - 7 * DAY + 10 };
      expect(calls).toBe(0);
      expect(predicate(event)).toBe(true);
      expect(calls).toBe(1);
      clock += 10;
      expect(predicate(event)).toBe(false);
      expect(calls).toBe(2);
    });

    it(`calls now once per evaluation with several relative times (${mode} mode)`, () => {
      let calls = 0;
      const predicate = compile("createdAt > now-7d AND modifiedAt < now OR scannedAt BETWEEN now-1h AND now", {
        dataset: "files",
        mode,
        now: () => {
          calls++;
          return NOW;
        },
      });
      expect(predicate({ createdAt: NOW - DAY, modifiedAt: NOW - HOUR })).toBe(true);
      expect(calls).toBe(1);
    });

    it(`does not call now without relative times (${mode} mode)`, () => {
      let calls = 0;
      const predicate = compile("createdAt > 2024-03-01 AND name = x", {
        dataset: "files",
        mode,
        now: () => {
          calls++;
          return NOW;
        },
      });
      expect(predicate({ createdAt: NOW, name: "x" })).toBe(true);
      expect(calls).toBe(0);
    });

    it(`makes relative comparisons false when now returns NaN (${mode} mode)`, () => {
      const predicate = compile("createdAt > now-7d", { dataset: "files", mode, now: () => Number.NaN });
      const negated = compile("NOT createdAt > now-7d", { dataset: "files", mode, now: () => Number.NaN });
      expect(predicate({ createdAt: NOW })).toBe(false);
      expect(negated({ createdAt: NOW })).toBe(true);
    });

    it(`uses Date.now by default (${mode} mode)`, () => {
      const predicate = compile("createdAt > now-1h", { dataset: "files", mode });
      expect(predicate({ createdAt: Date.now() - MINUTE })).toBe(true);
      expect(predicate({ createdAt: Date.now() - 2 * HOUR })).toBe(false);
    });
  }
});

describe("enum", () => {
  table("files", [
    ["flow = CLASSIFICATION", { flow: "CLASSIFICATION" }, true],
    ["flow = CLASSIFICATION", { flow: "classification" }, true],
    ["flow = classification", { flow: "CLASSIFICATION" }, true],
    ['flow = "Classification"', { flow: "CLASSIFICATION" }, true],
    ["flow = CLASSIFICATION", { flow: "CATALOGUING" }, false],
    ["flow = CLASSIFICATION", { flow: "SOMETHING_ELSE" }, false],
    ["flow = CLASSIFICATION", {}, false],
    ["flow = CLASSIFICATION", { flow: null }, false],
    ["flow = CLASSIFICATION", { flow: ["CLASSIFICATION"] }, false],
    ["flow = CLASSIFICATION", { flow: 1 }, false],
    ["flow != CLASSIFICATION", {}, true],
    ["flow != CLASSIFICATION", { flow: "UNKNOWN" }, true],
    ["flow != CLASSIFICATION", { flow: "Classification" }, false],
    ["flow IN (CLASSIFICATION, cataloguing)", { flow: "CATALOGUING" }, true],
    ["flow IN (CLASSIFICATION)", { flow: "CATALOGUING" }, false],
    ["flow NOT IN (CLASSIFICATION)", { flow: "CATALOGUING" }, true],
    ["flow NOT IN (CLASSIFICATION)", {}, true],
    ["flow ~ CLASS", { flow: "classification" }, true],
    ['flow ~ "*ING"', { flow: "CATALOGUING" }, true],
    ['flow ~ "*ING"', { flow: "CLASSIFICATION" }, false],
    ["flow !~ CLASS", { flow: "CATALOGUING" }, true],
    ['flow =~ "^CLASS"', { flow: "CLASSIFICATION" }, true],
    ['flow =~ "^CLASS"', { flow: "classification" }, false],
    ["flow IS NULL", {}, true],
    ["flow IS NULL", { flow: "CLASSIFICATION" }, false],
    ["dataSource = sharepoint_online", { dataSource: "SHAREPOINT_ONLINE" }, true],
  ]);
});

describe("ordered enum", () => {
  table("files", [
    ["classification >= CONFIDENTIAL", { classification: "CONFIDENTIAL" }, true],
    ["classification >= CONFIDENTIAL", { classification: "HIGHLY_CONFIDENTIAL" }, true],
    ["classification >= CONFIDENTIAL", { classification: "highly_confidential" }, true],
    ["classification >= CONFIDENTIAL", { classification: "INTERNAL" }, false],
    ["classification >= CONFIDENTIAL", { classification: "PUBLIC" }, false],
    ["classification >= CONFIDENTIAL", { classification: "SECRET" }, false],
    ["classification >= CONFIDENTIAL", {}, false],
    ["classification >= CONFIDENTIAL", { classification: null }, false],
    ["classification >= CONFIDENTIAL", { classification: ["CONFIDENTIAL"] }, false],
    ["classification >= CONFIDENTIAL", { classification: 2 }, false],
    ["classification > internal", { classification: "CONFIDENTIAL" }, true],
    ["classification > internal", { classification: "INTERNAL" }, false],
    ["classification < CONFIDENTIAL", { classification: "PUBLIC" }, true],
    ["classification < CONFIDENTIAL", { classification: "SECRET" }, false],
    ["classification <= PUBLIC", { classification: "public" }, true],
    ["classification <= PUBLIC", { classification: "INTERNAL" }, false],
    ["classification BETWEEN INTERNAL AND CONFIDENTIAL", { classification: "internal" }, true],
    ["classification BETWEEN INTERNAL AND CONFIDENTIAL", { classification: "CONFIDENTIAL" }, true],
    ["classification BETWEEN INTERNAL AND CONFIDENTIAL", { classification: "PUBLIC" }, false],
    ["classification BETWEEN INTERNAL AND CONFIDENTIAL", { classification: "HIGHLY_CONFIDENTIAL" }, false],
    ["classification BETWEEN CONFIDENTIAL AND INTERNAL", { classification: "INTERNAL" }, false],
    ["NOT classification >= CONFIDENTIAL", {}, true],
    ["NOT classification >= CONFIDENTIAL", { classification: "SECRET" }, true],
    ["classification = confidential", { classification: "CONFIDENTIAL" }, true],
    ["classification != confidential", { classification: "PUBLIC" }, true],
    ["classification IN (PUBLIC, INTERNAL)", { classification: "internal" }, true],
    ["classification ~ CONF", { classification: "HIGHLY_CONFIDENTIAL" }, true],
    ["risk > MEDIUM", { risk: "high" }, true],
    ["risk > MEDIUM", { risk: "MEDIUM" }, false],
    ["risk >= critical", { risk: "CRITICAL" }, true],
  ]);
});

describe("string list", () => {
  table("files", [
    ["tags = gdpr", { tags: ["PCI", "GDPR"] }, true],
    ["tags = gdpr", { tags: ["PCI"] }, false],
    ["tags = gdpr", { tags: [] }, false],
    ["tags = gdpr", {}, false],
    ["tags = gdpr", { tags: null }, false],
    ["tags = gdpr", { tags: "GDPR" }, false],
    ["tags = gdpr", { tags: [1, "gdpr"] }, true],
    ["tags = gdpr", { tags: [null, 7, { tag: "gdpr" }] }, false],
    ['tags = ""', { tags: [""] }, true],
    ["tags != gdpr", { tags: ["PCI", "GDPR"] }, false],
    ["tags != gdpr", { tags: ["PCI"] }, true],
    ["tags != gdpr", { tags: [] }, true],
    ["tags != gdpr", {}, true],
    ["tags != gdpr", { tags: "GDPR" }, true],
    ["tags IN (pci, hipaa)", { tags: ["GDPR", "HIPAA"] }, true],
    ["tags IN (pci, hipaa)", { tags: ["GDPR"] }, false],
    ["tags NOT IN (pci, hipaa)", { tags: ["GDPR", "HIPAA"] }, false],
    ["tags NOT IN (pci, hipaa)", { tags: ["GDPR"] }, true],
    ["tags NOT IN (pci, hipaa)", {}, true],
    ['tags ~ "gd*"', { tags: ["x", "GDPR"] }, true],
    ['tags ~ "gd*"', { tags: ["agdpr"] }, false],
    ["tags ~ dp", { tags: ["GDPR"] }, true],
    ["tags ~ dp", { tags: "GDPR" }, false],
    ["tags !~ dp", { tags: ["GDPR"] }, false],
    ["tags !~ dp", { tags: ["PCI"] }, true],
    ["tags !~ dp", {}, true],
    ['tags =~ "^G"', { tags: ["gdpr", "GDPR"] }, true],
    ['tags =~ "^G"', { tags: ["gdpr"] }, false],
    ["tags IS NULL", { tags: [] }, true],
    ["tags IS NULL", {}, true],
    ["tags IS NULL", { tags: null }, true],
    ["tags IS NULL", { tags: ["x"] }, false],
    ["tags IS NULL", { tags: [""] }, false],
    ["tags IS NOT NULL", { tags: [] }, false],
    ["tags IS NOT NULL", { tags: ["x"] }, true],
    ["compliance IN (GDPR)", { compliance: ["gdpr"] }, true],
  ]);
});

describe("nested field", () => {
  table("activity", [
    ['file.path ~ "*.docx"', { file: { path: "C:/x/report.docx" } }, true],
    ['file.path ~ "*.docx"', { file: { path: "x.pdf" } }, false],
    ['file.path ~ "*.docx"', {}, false],
    ['file.path ~ "*.docx"', { file: null }, false],
    ['file.path ~ "*.docx"', { file: "a.docx" }, false],
    ['file.path ~ "*.docx"', { file: {} }, false],
    ['file.path ~ "*.docx"', { file: { path: null } }, false],
    ['file.path ~ "*.docx"', { file: [{ path: "a.docx" }] }, false],
    ['file.path ~ "*.docx"', { "file.path": "a.docx" }, false],
    ['file.path ~ "*.docx"', described("{ file: object inheriting path }", () => ({ file: Object.create({ path: "a.docx" }) })), false],
    ['file.path ~ "*.docx"', described("{ file: null-prototype object with path }", () => ({ file: Object.assign(Object.create(null), { path: "a.docx" }) })), true],
    ["FILE.PATH = x", { file: { path: "X" } }, true],
    ["file.path = x", { FILE: { PATH: "x" } }, false],
    ["file.path != x", { file: null }, true],
    ["file.path != x", {}, true],
    ["file.path != x", { file: [{ path: "x" }] }, true],
    ["file.path IS NULL", { file: {} }, true],
    ["file.path IS NULL", { file: "text" }, true],
    ["file.path IS NULL", { file: { path: "x" } }, false],
    ["file.size > 1MB", { file: { size: 2_000_000 } }, true],
    ["file.size > 1MB", { file: { size: "2000000" } }, true],
    ["file.size > 1MB", { file: { size: 2_000_000, path: "x" }, size: 0 }, true],
  ]);

  const deep = defineDataset({
    name: "deep",
    fields: {
      "meta.owner.name": "string",
      "meta.owner.level": { type: "enum", labels: ["low", "Mid", "HIGH"], ordered: true },
      "meta.count": "number",
    },
  });
  table(deep, [
    ["meta.owner.name = alice", { meta: { owner: { name: "Alice" } } }, true],
    ["meta.owner.name = alice", { meta: { owner: null } }, false],
    ["meta.owner.name = alice", { meta: { owner: { name: "bob" } } }, false],
    ["meta.owner.name = alice", { meta: [{ owner: { name: "alice" } }] }, false],
    ["meta.owner.name != alice", { meta: { owner: "alice" } }, true],
    ["meta.owner.level > low", { meta: { owner: { level: "mid" } } }, true],
    ["meta.owner.level > low", { meta: { owner: { level: "LOW" } } }, false],
    ["meta.owner.level BETWEEN mid AND high", { meta: { owner: { level: "High" } } }, true],
    ["meta.count >= 3", { meta: { count: "3" } }, true],
  ]);
});

describe("own properties only", () => {
  table("files", [
    ["flow = CLASSIFICATION", described("object inheriting flow", () => Object.create({ flow: "CLASSIFICATION" })), false],
    ["flow != CLASSIFICATION", described("object inheriting flow", () => Object.create({ flow: "CLASSIFICATION" })), true],
    ["flow IS NULL", described("object inheriting flow", () => Object.create({ flow: "CLASSIFICATION" })), true],
    ["tags = gdpr", described("object inheriting tags", () => Object.create({ tags: ["GDPR"] })), false],
    ["flow = CLASSIFICATION", described("null-prototype object with flow", () => Object.assign(Object.create(null), { flow: "CLASSIFICATION" })), true],
    ["flow IS NULL", described("null-prototype object without flow", () => Object.create(null)), true],
    ["flow = CLASSIFICATION", described("object with own getter for flow", () => ({ get flow() { return "CLASSIFICATION"; } })), true],
    ["flow = CLASSIFICATION", described("array with own property flow", () => Object.assign([], { flow: "CLASSIFICATION" })), false],
    ["flow != CLASSIFICATION", described("array with own property flow", () => Object.assign([], { flow: "CLASSIFICATION" })), true],
  ]);

  // Both modes skip the own-property check for an object whose `__proto__` reads as Object.prototype,
  // which an object built in-process can fake with a data property named `__proto__` on its prototype.
  for (const mode of ["generated", "closure"] as const) {
    it(`does not read a field inherited through a fake __proto__ (${mode} mode)`, () => {
      const prototype: Record<string, unknown> = { flow: "CLASSIFICATION" };
      Object.defineProperty(prototype, "__proto__", { value: Object.prototype });
      const event: unknown = Object.create(prototype);
      expect(compile("flow = CLASSIFICATION", { dataset: "files", mode })(event)).toBe(false);
    });
  }

  it("does not see a field added to Object.prototype", () => {
    const predicate = compile("flow = CLASSIFICATION", { dataset: "files" });
    const closure = compile("flow = CLASSIFICATION", { dataset: "files", mode: "closure" });
    const prototype = Object.prototype as Record<string, unknown>;
    try {
      prototype.flow = "CLASSIFICATION";
      expect(predicate({})).toBe(false);
      expect(closure({})).toBe(false);
      expect(predicate({ flow: "classification" })).toBe(true);
    } finally {
      delete prototype.flow;
    }
  });
});

describe("events that are not plain objects", () => {
  const throwingGetter = described("object whose flow getter throws", () => ({
    get flow(): string {
      throw new Error("getter");
    },
  }));
  const proxy = described("Proxy whose traps throw", throwingProxy);
  const namedWithThrowingGetter = described("object with name x and a throwing flow getter", () => ({
    name: "x",
    get flow(): string {
      throw new Error("getter");
    },
  }));
  table("files", [
    ["flow = CLASSIFICATION", null, false],
    ["flow != CLASSIFICATION", null, true],
    ["flow IS NULL", null, true],
    ["flow != CLASSIFICATION", undefined, true],
    ["flow != CLASSIFICATION", "flow", true],
    ["flow != CLASSIFICATION", 42, true],
    ["flow = CLASSIFICATION", [{ flow: "CLASSIFICATION" }], false],
    ["flow != CLASSIFICATION", [{ flow: "CLASSIFICATION" }], true],
    ["flow = CLASSIFICATION", proxy, false],
    ["flow != CLASSIFICATION", proxy, false],
    ["NOT flow = CLASSIFICATION", proxy, false],
    ["flow = CLASSIFICATION", throwingGetter, false],
    ["flow != CLASSIFICATION", throwingGetter, false],
    ["name = x OR flow = CLASSIFICATION", namedWithThrowingGetter, true],
  ]);
});

describe("logic", () => {
  table("files", [
    ["name = a AND riskScore > 5", { name: "a", riskScore: 6 }, true],
    ["name = a AND riskScore > 5", { name: "a", riskScore: 5 }, false],
    ["name = a && riskScore > 5", { name: "a", riskScore: 6 }, true],
    ["name = a OR riskScore > 5", { name: "b", riskScore: 6 }, true],
    ["name = a || riskScore > 5", { name: "b", riskScore: 5 }, false],
    ["NOT name = a", { name: "a" }, false],
    ["!name = a", { name: "b" }, true],
    ["!(name = a)", {}, true],
    ["NOT NOT name = a", { name: "a" }, true],
    ["name = a OR name = b AND riskScore > 5", { name: "a", riskScore: 0 }, true],
    ["(name = a OR name = b) AND riskScore > 5", { name: "a", riskScore: 0 }, false],
    ["NOT name = a AND riskScore > 5", { name: "b", riskScore: 6 }, true],
    ["NOT (name = a AND riskScore > 5)", { name: "a", riskScore: 0 }, true],
    ["name = a and riskScore > 5 or critical = true", { critical: true }, true],
  ]);
});

describe("checking", () => {
  const cases: readonly [query: string, code: string, message: string][] = [
    ["name > a", "GQL300", "The operator > does not apply to name, which is a string; use =, !=, ~, !~, =~, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["name BETWEEN a AND b", "GQL300", "The operator BETWEEN does not apply to name, which is a string; use =, !=, ~, !~, =~, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["riskScore ~ 4", "GQL300", "The operator ~ does not apply to riskScore, which is a number; use =, !=, <, <=, >, >=, BETWEEN, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["size !~ 1", "GQL300", "The operator !~ does not apply to size, which is a size in bytes; use =, !=, <, <=, >, >=, BETWEEN, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["createdAt =~ x", "GQL300", "The operator =~ does not apply to createdAt, which is a timestamp; use =, !=, <, <=, >, >=, BETWEEN, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["critical > true", "GQL300", "The operator > does not apply to critical, which is a boolean; use =, !=, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["critical ~ t", "GQL300", "The operator ~ does not apply to critical, which is a boolean; use =, !=, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["flow > CATALOGUING", "GQL300", "The operator > does not apply to flow, which is an enum; use =, !=, ~, !~, =~, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["tags BETWEEN a AND b", "GQL300", "The operator BETWEEN does not apply to tags, which is a list of strings; use =, !=, ~, !~, =~, IN, NOT IN, IS NULL or IS NOT NULL."],
    ["riskScore = abc", "GQL400", 'riskScore is a number. "abc" is not a number (examples: 42, -3.5, 1e6).'],
    ["size = 10XB", "GQL402", 'size is a size in bytes. "10XB" is not a size (examples: 500, 10KB, 1.5MiB).'],
    [
      "createdAt = 2024-1-2",
      "GQL403",
      'createdAt is a timestamp. "2024-1-2" is not a timestamp; write an ISO 8601 date or date-time (2024-03-01, 2024-03-01T12:00:00Z) or a relative time (now-7d).',
    ],
    [
      "createdAt > yesterday",
      "GQL403",
      'createdAt is a timestamp. "yesterday" is not a timestamp; write an ISO 8601 date or date-time (2024-03-01, 2024-03-01T12:00:00Z) or a relative time (now-7d).',
    ],
    [
      "createdAt = 2024-02-30",
      "GQL403",
      'createdAt is a timestamp. "2024-02-30" is not a timestamp; write an ISO 8601 date or date-time (2024-03-01, 2024-03-01T12:00:00Z) or a relative time (now-7d).',
    ],
    ["createdAt > now-7x", "GQL406", 'createdAt is a timestamp. "now-7x" has the unit "x", which is not a time unit; use s, m, h, d or w (example: now-7d).'],
    [
      "createdAt > now-7",
      "GQL406",
      'createdAt is a timestamp. "now-7" is not a relative time; write now, then + or -, then an amount and a unit s, m, h, d or w (example: now-7d).',
    ],
    ["critical = yes", "GQL404", 'critical is a boolean. "yes" is not a boolean; write true or false.'],
    [
      'name =~ "("',
      "GQL405",
      '"(" is not a valid regular expression: error parsing regexp: missing closing ): `(`. Patterns use RE2 syntax; quote the pattern and escape special characters with a backslash.',
    ],
    [
      "flow = CLASIFICATION",
      "GQL301",
      '"CLASIFICATION" is not a label of flow; the labels are CATALOGUING and CLASSIFICATION. Did you mean CLASSIFICATION?',
    ],
  ];
  for (const [query, code, message] of cases) {
    it(`rejects ${query}`, () => {
      const result = check(query, { dataset: "files" });
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([[code, message]]);
    });
  }

  it("accepts every operator that a type allows", () => {
    const accepted = [
      "name = a", "name != a", "name ~ a", "name !~ a", 'name =~ "a"', "name IN (a)", "name NOT IN (a)", "name IS NULL", "name IS NOT NULL",
      "riskScore = 1", "riskScore < 1", "riskScore <= 1", "riskScore > 1", "riskScore >= 1", "riskScore BETWEEN 1 AND 2", "riskScore IN (1)",
      "size >= 1KB", "createdAt BETWEEN 2024-01-01 AND now", "critical IN (true)", "flow ~ CLASS", 'flow =~ "^C"',
      "classification < INTERNAL", "classification BETWEEN PUBLIC AND INTERNAL", "tags ~ a", 'tags =~ "a"', "tags NOT IN (a)",
    ];
    for (const query of accepted) expect(check(query, { dataset: "files", lints: false }).diagnostics, query).toEqual([]);
  });
});
