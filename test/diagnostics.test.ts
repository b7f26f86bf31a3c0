/**
 * Pins every diagnostic of the library: a table of broken queries with the complete list of
 * diagnostics each one produces (code, severity, message, range, suggestions), laws about ranges
 * and repairs, and the checks that keep grammar/DIAGNOSTICS.md true to the implementation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { TokenType } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OutputStream } from "../src/cli/output.js";
import { runCli } from "../src/cli/run.js";
import { tokenize } from "../src/lexer/lexer.js";
import * as tokens from "../src/lexer/tokens.js";
import {
  check,
  codes,
  compile,
  defaultLimits,
  defineDataset,
  formatDiagnostics,
  GqlError,
  parse,
  type BuiltinDatasetName,
  type CheckOptions,
  type CompileOptions,
  type Diagnostic,
  type Limits,
  type Position,
  type Range,
  type Suggestion,
} from "../src/index.js";
import { query as generatedQuery, tokenSoup } from "./support/arbitraries.js";

// ---- Table of broken queries ----

/** A position as `[offset, line, column]`: offset in UTF-16 code units from 0, line and column from 1. */
type At = readonly [offset: number, line: number, column: number];

function position([offset, line, column]: At): Position {
  return { offset, line, column };
}

function range(start: At, end: At): Range {
  return { start: position(start), end: position(end) };
}

function suggestion(message: string, where: Range, replacement: string): Suggestion {
  return { message, range: where, replacement };
}

function error(code: string, where: Range, message: string, suggestions?: Suggestion[]): Diagnostic {
  return suggestions === undefined ? { severity: "error", code, message, range: where } : { severity: "error", code, message, range: where, suggestions };
}

interface Row {
  query: string;
  dataset: BuiltinDatasetName;
  limits?: Partial<Limits>;
  /** Every diagnostic that `check` returns, in order. */
  diagnostics: Diagnostic[];
}

/** A row whose expectation is what the library should produce but does not yet; it runs with `it.fails`. */
interface WrongRow extends Row {
  /** What the library produces instead. */
  actually: string;
}

const rows: Row[] = [
  // ---- Syntax (GQL1xx) ----
  {
    query: "name = a , b",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([9, 1, 10], [10, 1, 11]), "Expected AND, OR or the end of the query after \"a\", found \",\"."),
    ],
  },
  {
    query: "size BETWEEN 1 2",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([15, 1, 16], [16, 1, 17]), "Expected AND between the bounds of BETWEEN, found \"2\"; write field BETWEEN low AND high."),
    ],
  },
  {
    query: "name IS",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([7, 1, 8], [7, 1, 8]), "Expected NULL after the keyword IS, found the end of the query; write IS NULL or IS NOT NULL."),
    ],
  },
  {
    query: "name == 1 <> 2",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([10, 1, 11], [12, 1, 13]), "Expected AND, OR or the end of the query after \"1\", found \"<>\"."),
    ],
  },
  {
    query: "flow IN x",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([8, 1, 9], [9, 1, 10]), "Expected \"(\" to open the list of values after the keyword IN, found \"x\"; write IN (value, ...)."),
    ],
  },
  {
    query: "name foo",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([5, 1, 6], [8, 1, 9]), "Expected an operator between \"name\" and \"foo\". The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL.", [
        suggestion("Insert = between them.", range([4, 1, 5], [4, 1, 5]), " ="),
      ]),
    ],
  },
  {
    query: "name",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([4, 1, 5], [4, 1, 5]), "Expected an operator after \"name\", found the end of the query. The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL."),
    ],
  },
  {
    query: "name = 'abc",
    dataset: "files",
    diagnostics: [
      error("GQL101", range([7, 1, 8], [11, 1, 12]), "The string \"abc\" has no closing quote ('); add one where the string ends.", [
        suggestion("Insert ' at the end.", range([11, 1, 12], [11, 1, 12]), "'"),
      ]),
    ],
  },
  {
    // The last backslash escapes nothing: it is left out of the value, and the fix makes it an escaped backslash.
    query: "name = \"ab\\",
    dataset: "files",
    diagnostics: [
      error("GQL101", range([7, 1, 8], [11, 1, 12]), "The string \"ab\\\\\" has no closing quote (\"); add one where the string ends.", [
        suggestion("Insert \\\" at the end.", range([11, 1, 12], [11, 1, 12]), "\\\""),
      ]),
    ],
  },
  {
    // The string ends with an escaped backslash, which is complete; only the closing quote is missing.
    query: "name = \"ab\\\\",
    dataset: "files",
    diagnostics: [
      error("GQL101", range([7, 1, 8], [12, 1, 13]), "The string \"ab\\\\\\\\\" has no closing quote (\"); add one where the string ends.", [
        suggestion("Insert \" at the end.", range([12, 1, 13], [12, 1, 13]), "\""),
      ]),
    ],
  },
  {
    query: "name = 'ab\\\\\\",
    dataset: "files",
    diagnostics: [
      error("GQL101", range([7, 1, 8], [13, 1, 14]), "The string \"ab\\\\\\\\\\\\\" has no closing quote ('); add one where the string ends.", [
        suggestion("Insert \\' at the end.", range([13, 1, 14], [13, 1, 14]), "\\'"),
      ]),
    ],
  },
  {
    query: "name = \"\\u12\" AND size > 1KB",
    dataset: "files",
    diagnostics: [
      error("GQL102", range([8, 1, 9], [12, 1, 13]), "The escape \\u12 is invalid; write \\u with exactly 4 hexadecimal digits, or \\u{...}."),
    ],
  },
  {
    query: "name = \"a\\u{110000}\"",
    dataset: "files",
    diagnostics: [
      error("GQL102", range([9, 1, 10], [19, 1, 20]), "The escape \\u{110000} is invalid; write \\u{...} with 1 to 6 hexadecimal digits up to 10FFFF."),
    ],
  },
  {
    query: "createdAt > \"\\u12\"",
    dataset: "files",
    diagnostics: [
      error("GQL102", range([13, 1, 14], [17, 1, 18]), "The escape \\u12 is invalid; write \\u with exactly 4 hexadecimal digits, or \\u{...}."),
    ],
  },
  {
    query: "flow = CATALOGUING name = x",
    dataset: "files",
    diagnostics: [
      error("GQL103", range([19, 1, 20], [27, 1, 28]), "Two conditions follow each other with nothing between them: \"flow = CATALOGUING\" and \"name = x\". Join them with AND or OR.", [
        suggestion("Insert AND between them.", range([18, 1, 19], [18, 1, 19]), " AND"),
        suggestion("Insert OR between them.", range([18, 1, 19], [18, 1, 19]), " OR"),
      ]),
    ],
  },
  {
    query: "size > 10 MB",
    dataset: "files",
    diagnostics: [
      error("GQL103", range([7, 1, 8], [12, 1, 13]), "\"10 MB\" reads as a number and then a new condition; write a size without a space: 10MB.", [
        suggestion("Replace with 10MB.", range([7, 1, 8], [12, 1, 13]), "10MB"),
      ]),
    ],
  },
  {
    query: "(flow = CATALOGUING",
    dataset: "files",
    diagnostics: [
      error("GQL104", range([0, 1, 1], [1, 1, 2]), "This \"(\" is never closed; add \")\" where the group ends.", [
        suggestion("Insert \")\" at the end.", range([19, 1, 20], [19, 1, 20]), ")"),
      ]),
    ],
  },
  {
    query: "name IN (a",
    dataset: "files",
    diagnostics: [
      error("GQL104", range([8, 1, 9], [9, 1, 10]), "This \"(\" is never closed; add \")\" where the group ends.", [
        suggestion("Insert \")\" at the end.", range([10, 1, 11], [10, 1, 11]), ")"),
      ]),
    ],
  },
  {
    query: "flow = CATALOGUING)",
    dataset: "files",
    diagnostics: [
      error("GQL105", range([18, 1, 19], [19, 1, 20]), "This \")\" has no \"(\" to close; remove it or add the \"(\" where the group starts.", [
        suggestion("Remove the \")\".", range([18, 1, 19], [19, 1, 20]), ""),
      ]),
    ],
  },
  {
    query: "name = a))",
    dataset: "files",
    diagnostics: [
      error("GQL105", range([8, 1, 9], [9, 1, 10]), "This \")\" has no \"(\" to close; remove it or add the \"(\" where the group starts.", [
        suggestion("Remove the \")\".", range([8, 1, 9], [9, 1, 10]), ""),
      ]),
      error("GQL105", range([9, 1, 10], [10, 1, 11]), "This \")\" has no \"(\" to close; remove it or add the \"(\" where the group starts.", [
        suggestion("Remove the \")\".", range([9, 1, 10], [10, 1, 11]), ""),
      ]),
    ],
  },
  {
    query: "()",
    dataset: "files",
    diagnostics: [
      error("GQL106", range([0, 1, 1], [2, 1, 3]), "The parentheses are empty; put a condition inside them or remove them."),
    ],
  },
  {
    query: "name = a AND () AND size > 1",
    dataset: "files",
    diagnostics: [
      error("GQL106", range([13, 1, 14], [15, 1, 16]), "The parentheses are empty; put a condition inside them or remove them."),
    ],
  },
  {
    query: "flow =",
    dataset: "files",
    diagnostics: [
      error("GQL107", range([6, 1, 7], [6, 1, 7]), "Expected a value after \"=\", found the end of the query."),
    ],
  },
  {
    query: "name IN ()",
    dataset: "files",
    diagnostics: [
      error("GQL107", range([9, 1, 10], [10, 1, 11]), "Expected a value after \"(\", found \")\"."),
    ],
  },
  {
    query: "size BETWEEN 1 AND",
    dataset: "files",
    diagnostics: [
      error("GQL107", range([18, 1, 19], [18, 1, 19]), "Expected a value after the keyword AND, found the end of the query."),
    ],
  },
  {
    query: "",
    dataset: "files",
    diagnostics: [
      error("GQL108", range([0, 1, 1], [0, 1, 1]), "The query is empty; write a condition such as flow = CLASSIFICATION."),
    ],
  },
  {
    query: "   ",
    dataset: "files",
    diagnostics: [
      error("GQL108", range([0, 1, 1], [3, 1, 4]), "The query is empty; write a condition such as flow = CLASSIFICATION."),
    ],
  },
  {
    query: "a-b = 1",
    dataset: "files",
    diagnostics: [
      error("GQL109", range([0, 1, 1], [3, 1, 4]), "\"a-b\" is not a field name; a field name is letters, digits and _ joined by dots (example: file.path), and comes before the operator."),
    ],
  },
  {
    query: "1abc = 2",
    dataset: "files",
    diagnostics: [
      error("GQL109", range([0, 1, 1], [4, 1, 5]), "\"1abc\" is not a field name; a field name is letters, digits and _ joined by dots (example: file.path), and comes before the operator."),
    ],
  },
  {
    query: "name = NULL",
    dataset: "files",
    diagnostics: [
      error("GQL110", range([7, 1, 8], [11, 1, 12]), "NULL is not a value to compare with; write IS NULL or IS NOT NULL, or quote \"null\" to mean that text."),
    ],
  },
  {
    query: "name IN (a, NULL)",
    dataset: "files",
    diagnostics: [
      error("GQL110", range([12, 1, 13], [16, 1, 17]), "NULL is not a value to compare with; write IS NULL or IS NOT NULL, or quote \"null\" to mean that text."),
    ],
  },
  {
    query: "flow = CATALOGUING AND",
    dataset: "files",
    diagnostics: [
      error("GQL111", range([22, 1, 23], [22, 1, 23]), "Expected a condition after the keyword AND, found the end of the query."),
    ],
  },
  {
    query: "AND",
    dataset: "files",
    diagnostics: [
      error("GQL111", range([0, 1, 1], [3, 1, 4]), "Expected a condition, found the keyword AND."),
    ],
  },
  {
    query: "= 5",
    dataset: "files",
    diagnostics: [
      error("GQL111", range([0, 1, 1], [1, 1, 2]), "Expected a condition, found \"=\"."),
    ],
  },
  {
    query: "name = \"a\" OR OR name = b",
    dataset: "files",
    diagnostics: [
      error("GQL111", range([14, 1, 15], [16, 1, 17]), "Expected a condition after the keyword OR, found the keyword OR."),
    ],
  },
  // ---- Names (GQL2xx) ----
  {
    query: "x = 1",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([0, 1, 1], [1, 1, 2]), "The dataset files has no field \"x\". Run gql fields --dataset files to list the fields."),
    ],
  },
  {
    query: "siz > 1",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([0, 1, 1], [3, 1, 4]), "The dataset files has no field \"siz\". Did you mean size?", [
        suggestion("Replace with size.", range([0, 1, 1], [3, 1, 4]), "size"),
      ]),
    ],
  },
  {
    query: "file.nam = x",
    dataset: "activity",
    diagnostics: [
      error("GQL200", range([0, 1, 1], [8, 1, 9]), "The dataset activity has no field \"file.nam\". Did you mean file.name?", [
        suggestion("Replace with file.name.", range([0, 1, 1], [8, 1, 9]), "file.name"),
      ]),
    ],
  },
  {
    query: "__proto__ = 1",
    dataset: "files",
    diagnostics: [
      error("GQL201", range([0, 1, 1], [9, 1, 10]), "\"__proto__\" is not a valid field name because \"__proto__\" is reserved."),
    ],
  },
  {
    query: "file.constructor = x",
    dataset: "activity",
    diagnostics: [
      error("GQL201", range([0, 1, 1], [16, 1, 17]), "\"file.constructor\" is not a valid field name because \"constructor\" is reserved."),
    ],
  },
  // ---- Types (GQL3xx) ----
  {
    query: "size ~ 10",
    dataset: "files",
    diagnostics: [
      error("GQL300", range([5, 1, 6], [6, 1, 7]), "The operator ~ does not apply to size, which is a size in bytes; use =, !=, <, <=, >, >=, BETWEEN, IN, NOT IN, IS NULL or IS NOT NULL."),
    ],
  },
  {
    query: "name BETWEEN a AND b",
    dataset: "files",
    diagnostics: [
      error("GQL300", range([5, 1, 6], [12, 1, 13]), "The operator BETWEEN does not apply to name, which is a string; use =, !=, ~, !~, =~, IN, NOT IN, IS NULL or IS NOT NULL."),
    ],
  },
  {
    query: "critical ~ true",
    dataset: "files",
    diagnostics: [
      error("GQL300", range([9, 1, 10], [10, 1, 11]), "The operator ~ does not apply to critical, which is a boolean; use =, !=, IN, NOT IN, IS NULL or IS NOT NULL."),
    ],
  },
  {
    query: "flow = CLASIFICATION",
    dataset: "files",
    diagnostics: [
      error("GQL301", range([7, 1, 8], [20, 1, 21]), "\"CLASIFICATION\" is not a label of flow; the labels are CATALOGUING and CLASSIFICATION. Did you mean CLASSIFICATION?", [
        suggestion("Replace with CLASSIFICATION.", range([7, 1, 8], [20, 1, 21]), "CLASSIFICATION"),
      ]),
    ],
  },
  {
    query: "classification > SECRT",
    dataset: "files",
    diagnostics: [
      error("GQL301", range([17, 1, 18], [22, 1, 23]), "\"SECRT\" is not a label of classification; the labels are PUBLIC, INTERNAL, CONFIDENTIAL and HIGHLY_CONFIDENTIAL."),
    ],
  },
  {
    query: "flow NOT IN (CATALOGUING, CLASIFICATION, X)",
    dataset: "files",
    diagnostics: [
      error("GQL301", range([26, 1, 27], [39, 1, 40]), "\"CLASIFICATION\" is not a label of flow; the labels are CATALOGUING and CLASSIFICATION. Did you mean CLASSIFICATION?", [
        suggestion("Replace with CLASSIFICATION.", range([26, 1, 27], [39, 1, 40]), "CLASSIFICATION"),
      ]),
      error("GQL301", range([41, 1, 42], [42, 1, 43]), "\"X\" is not a label of flow; the labels are CATALOGUING and CLASSIFICATION."),
    ],
  },
  {
    query: "eventType = SHARE",
    dataset: "streaming",
    diagnostics: [
      error("GQL301", range([12, 1, 13], [17, 1, 18]), "\"SHARE\" is not a label of eventType; the labels are CREATED, MODIFIED, DELETED, RENAMED, MOVED, COPIED, ACCESSED, DOWNLOADED, SHARED, UNSHARED, PERMISSIONS_CHANGED, USER_CREATED, USER_DELETED, GROUP_MEMBERSHIP_CHANGED and ROLE_ASSIGNED. Did you mean SHARED?", [
        suggestion("Replace with SHARED.", range([12, 1, 13], [17, 1, 18]), "SHARED"),
      ]),
    ],
  },
  // ---- Values (GQL4xx) ----
  {
    query: "riskScore = 0x10",
    dataset: "files",
    diagnostics: [
      error("GQL400", range([12, 1, 13], [16, 1, 17]), "riskScore is a number. \"0x10\" is hexadecimal, which is not a number form here; write the decimal value."),
    ],
  },
  {
    query: "riskScore = 1_000",
    dataset: "files",
    diagnostics: [
      error("GQL400", range([12, 1, 13], [17, 1, 18]), "riskScore is a number. \"1_000\" uses \"_\" as a digit separator, which is not a number form here; write 1000."),
    ],
  },
  {
    query: "riskScore = 9007199254740993",
    dataset: "files",
    diagnostics: [
      error("GQL401", range([12, 1, 13], [28, 1, 29]), "riskScore is a number. \"9007199254740993\" is an integer beyond 2^53 that cannot be represented exactly; it would be read as 9007199254740992."),
    ],
  },
  {
    query: "riskScore = 1e300",
    dataset: "files",
    diagnostics: [
      error("GQL401", range([12, 1, 13], [17, 1, 18]), "riskScore is a number. \"1e300\" is an integer beyond 2^53 that cannot be represented exactly."),
    ],
  },
  {
    query: "riskScore > 1e400",
    dataset: "files",
    diagnostics: [
      error("GQL401", range([12, 1, 13], [17, 1, 18]), "riskScore is a number. \"1e400\" is too large to be represented; the largest number is about 1.8e308."),
    ],
  },
  {
    query: "size > 1e300TB",
    dataset: "files",
    diagnostics: [
      error("GQL401", range([7, 1, 8], [14, 1, 15]), "size is a size in bytes. \"1e300TB\" is larger than 2^53 bytes, which cannot be represented exactly."),
    ],
  },
  {
    query: "size = 10XB",
    dataset: "files",
    diagnostics: [
      error("GQL402", range([7, 1, 8], [11, 1, 12]), "size is a size in bytes. \"10XB\" is not a size (examples: 500, 10KB, 1.5MiB)."),
    ],
  },
  {
    query: "createdAt > yesterday",
    dataset: "files",
    diagnostics: [
      error("GQL403", range([12, 1, 13], [21, 1, 22]), "createdAt is a timestamp. \"yesterday\" is not a timestamp; write an ISO 8601 date or date-time (2024-03-01, 2024-03-01T12:00:00Z) or a relative time (now-7d)."),
    ],
  },
  {
    query: "createdAt > \"2024-13-01\"",
    dataset: "files",
    diagnostics: [
      error("GQL403", range([12, 1, 13], [24, 1, 25]), "createdAt is a timestamp. \"2024-13-01\" is not a timestamp; write an ISO 8601 date or date-time (2024-03-01, 2024-03-01T12:00:00Z) or a relative time (now-7d)."),
    ],
  },
  {
    query: "critical = yes",
    dataset: "files",
    diagnostics: [
      error("GQL404", range([11, 1, 12], [14, 1, 15]), "critical is a boolean. \"yes\" is not a boolean; write true or false."),
    ],
  },
  {
    query: "name =~ \"((\"",
    dataset: "files",
    diagnostics: [
      error("GQL405", range([8, 1, 9], [12, 1, 13]), "\"((\" is not a valid regular expression: error parsing regexp: missing closing ): `((`. Patterns use RE2 syntax; quote the pattern and escape special characters with a backslash."),
    ],
  },
  {
    query: "createdAt > now-7y",
    dataset: "files",
    diagnostics: [
      error("GQL406", range([12, 1, 13], [18, 1, 19]), "createdAt is a timestamp. \"now-7y\" has the unit \"y\", which is not a time unit; use s, m, h, d or w (example: now-7d)."),
    ],
  },
  {
    query: "createdAt > now-7",
    dataset: "files",
    diagnostics: [
      error("GQL406", range([12, 1, 13], [17, 1, 18]), "createdAt is a timestamp. \"now-7\" is not a relative time; write now, then + or -, then an amount and a unit s, m, h, d or w (example: now-7d)."),
    ],
  },
  // ---- Limits (GQL5xx), with small limits ----
  {
    query: "name = \"a very long value\"",
    dataset: "files",
    limits: {maxLength: 20},
    diagnostics: [
      error("GQL500", range([20, 1, 21], [26, 1, 27]), "The query is 26 characters long, over the limit of 20 (limits.maxLength); shorten it or raise the limit."),
    ],
  },
  {
    query: "(((name = a)))",
    dataset: "files",
    limits: {maxDepth: 2},
    diagnostics: [
      error("GQL501", range([2, 1, 3], [3, 1, 4]), "The query is nested more than 2 levels deep (limits.maxDepth); remove redundant parentheses and NOT pairs, or split the query."),
    ],
  },
  {
    query: "NOT NOT name = a",
    dataset: "files",
    limits: {maxDepth: 2},
    diagnostics: [
      error("GQL501", range([8, 1, 9], [16, 1, 17]), "The query is nested more than 2 levels deep (limits.maxDepth); remove redundant parentheses and NOT pairs, or split the query."),
    ],
  },
  {
    query: "((name = a))",
    dataset: "files",
    limits: {maxDepth: 1},
    diagnostics: [
      error("GQL501", range([1, 1, 2], [2, 1, 3]), "The query is nested more than 1 level deep (limits.maxDepth); remove redundant parentheses and NOT pairs, or split the query."),
    ],
  },
  {
    query: "a = 1 AND b = 2 AND c = 3",
    dataset: "files",
    limits: {maxDiagnostics: 2},
    diagnostics: [
      error("GQL200", range([0, 1, 1], [1, 1, 2]), "The dataset files has no field \"a\". Run gql fields --dataset files to list the fields."),
      error("GQL502", range([10, 1, 11], [11, 1, 12]), "2 more problems were found after this point and are not listed (limits.maxDiagnostics is 2)."),
    ],
  },
  // ---- Several errors in one pass; the checker checks what parsed ----
  {
    query: "(flow = CATALOGUING AND x = 1",
    dataset: "files",
    diagnostics: [
      error("GQL104", range([0, 1, 1], [1, 1, 2]), "This \"(\" is never closed; add \")\" where the group ends.", [
        suggestion("Insert \")\" at the end.", range([29, 1, 30], [29, 1, 30]), ")"),
      ]),
      error("GQL200", range([24, 1, 25], [25, 1, 26]), "The dataset files has no field \"x\". Run gql fields --dataset files to list the fields."),
    ],
  },
  {
    query: "size ~ 10 AND name = \"abc",
    dataset: "files",
    diagnostics: [
      error("GQL300", range([5, 1, 6], [6, 1, 7]), "The operator ~ does not apply to size, which is a size in bytes; use =, !=, <, <=, >, >=, BETWEEN, IN, NOT IN, IS NULL or IS NOT NULL."),
      error("GQL101", range([21, 1, 22], [25, 1, 26]), "The string \"abc\" has no closing quote (\"); add one where the string ends.", [
        suggestion("Insert \" at the end.", range([25, 1, 26], [25, 1, 26]), "\""),
      ]),
    ],
  },
  {
    query: "name = a size > 10XB",
    dataset: "files",
    diagnostics: [
      error("GQL103", range([9, 1, 10], [20, 1, 21]), "Two conditions follow each other with nothing between them: \"name = a\" and \"size > 10XB\". Join them with AND or OR.", [
        suggestion("Insert AND between them.", range([8, 1, 9], [8, 1, 9]), " AND"),
        suggestion("Insert OR between them.", range([8, 1, 9], [8, 1, 9]), " OR"),
      ]),
      error("GQL402", range([16, 1, 17], [20, 1, 21]), "size is a size in bytes. \"10XB\" is not a size (examples: 500, 10KB, 1.5MiB)."),
    ],
  },
  {
    query: "(name = ) OR (critical = maybe)",
    dataset: "files",
    diagnostics: [
      error("GQL107", range([8, 1, 9], [9, 1, 10]), "Expected a value after \"=\", found \")\"."),
      error("GQL404", range([25, 1, 26], [30, 1, 31]), "critical is a boolean. \"maybe\" is not a boolean; write true or false."),
    ],
  },
  {
    query: "size = \"10XB",
    dataset: "files",
    diagnostics: [
      error("GQL101", range([7, 1, 8], [12, 1, 13]), "The string \"10XB\" has no closing quote (\"); add one where the string ends.", [
        suggestion("Insert \" at the end.", range([12, 1, 13], [12, 1, 13]), "\""),
      ]),
      error("GQL402", range([7, 1, 8], [12, 1, 13]), "size is a size in bytes. \"10XB\" is not a size (examples: 500, 10KB, 1.5MiB)."),
    ],
  },
  {
    query: "flow = CATALOGUNG AND AND size > 1",
    dataset: "files",
    diagnostics: [
      error("GQL301", range([7, 1, 8], [17, 1, 18]), "\"CATALOGUNG\" is not a label of flow; the labels are CATALOGUING and CLASSIFICATION. Did you mean CATALOGUING?", [
        suggestion("Replace with CATALOGUING.", range([7, 1, 8], [17, 1, 18]), "CATALOGUING"),
      ]),
      error("GQL111", range([22, 1, 23], [25, 1, 26]), "Expected a condition after the keyword AND, found the keyword AND."),
    ],
  },
  // ---- Recovery: after a missing operand, value or operator the rest is parsed and checked ----
  {
    query: "flow = CATALOGUNG AND",
    dataset: "files",
    diagnostics: [
      error("GQL301", range([7, 1, 8], [17, 1, 18]), "\"CATALOGUNG\" is not a label of flow; the labels are CATALOGUING and CLASSIFICATION. Did you mean CATALOGUING?", [
        suggestion("Replace with CATALOGUING.", range([7, 1, 8], [17, 1, 18]), "CATALOGUING"),
      ]),
      error("GQL111", range([21, 1, 22], [21, 1, 22]), "Expected a condition after the keyword AND, found the end of the query."),
    ],
  },
  {
    query: "x = 1 AND",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([0, 1, 1], [1, 1, 2]), "The dataset files has no field \"x\". Run gql fields --dataset files to list the fields."),
      error("GQL111", range([9, 1, 10], [9, 1, 10]), "Expected a condition after the keyword AND, found the end of the query."),
    ],
  },
  {
    query: "name = a && || size > 1",
    dataset: "files",
    diagnostics: [
      error("GQL111", range([12, 1, 13], [14, 1, 15]), "Expected a condition after \"&&\", found \"||\"."),
    ],
  },
  {
    query: "(a = 1 OR ) AND critical = maybe",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([1, 1, 2], [2, 1, 3]), "The dataset files has no field \"a\". Run gql fields --dataset files to list the fields."),
      error("GQL111", range([10, 1, 11], [11, 1, 12]), "Expected a condition after the keyword OR, found \")\"."),
      error("GQL404", range([27, 1, 28], [32, 1, 33]), "critical is a boolean. \"maybe\" is not a boolean; write true or false."),
    ],
  },
  {
    // The stray ")" is reported and left out, so the query ends after OR.
    query: "a = 1 OR )",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([0, 1, 1], [1, 1, 2]), "The dataset files has no field \"a\". Run gql fields --dataset files to list the fields."),
      error("GQL111", range([8, 1, 9], [8, 1, 9]), "Expected a condition after the keyword OR, found the end of the query."),
      error("GQL105", range([9, 1, 10], [10, 1, 11]), "This \")\" has no \"(\" to close; remove it or add the \"(\" where the group starts.", [
        suggestion("Remove the \")\".", range([9, 1, 10], [10, 1, 11]), ""),
      ]),
    ],
  },
  {
    query: "flow = OR critical = maybe",
    dataset: "files",
    diagnostics: [
      error("GQL107", range([7, 1, 8], [9, 1, 10]), "Expected a value after \"=\", found the keyword OR. To use \"OR\" as a value, quote it."),
      error("GQL404", range([21, 1, 22], [26, 1, 27]), "critical is a boolean. \"maybe\" is not a boolean; write true or false."),
    ],
  },
  {
    query: "flow AND critical = maybe",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([5, 1, 6], [8, 1, 9]), "Expected an operator after \"flow\", found the keyword AND. The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL."),
      error("GQL404", range([20, 1, 21], [25, 1, 26]), "critical is a boolean. \"maybe\" is not a boolean; write true or false."),
    ],
  },
  {
    query: "NOT flow",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([8, 1, 9], [8, 1, 9]), "Expected an operator after \"flow\", found the end of the query. The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL."),
    ],
  },
  {
    query: "flow CLASSIFICATION AND x = 1",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([5, 1, 6], [19, 1, 20]), "Expected an operator between \"flow\" and \"CLASSIFICATION\". The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL.", [
        suggestion("Insert = between them.", range([4, 1, 5], [4, 1, 5]), " ="),
      ]),
      error("GQL200", range([24, 1, 25], [25, 1, 26]), "The dataset files has no field \"x\". Run gql fields --dataset files to list the fields."),
    ],
  },
  {
    query: "flow \"CLASSIFICATION\"",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([5, 1, 6], [21, 1, 22]), "Expected an operator between \"flow\" and \"\\\"CLASSIFICATION\\\"\". The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL.", [
        suggestion("Insert = between them.", range([4, 1, 5], [4, 1, 5]), " ="),
      ]),
    ],
  },
  {
    query: "clasification >= CONFIDENTAL AND size > 10 MB",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([0, 1, 1], [13, 1, 14]), "The dataset files has no field \"clasification\". Did you mean classification?", [
        suggestion("Replace with classification.", range([0, 1, 1], [13, 1, 14]), "classification"),
      ]),
      error("GQL103", range([40, 1, 41], [45, 1, 46]), "\"10 MB\" reads as a number and then a new condition; write a size without a space: 10MB.", [
        suggestion("Replace with 10MB.", range([40, 1, 41], [45, 1, 46]), "10MB"),
      ]),
    ],
  },
  {
    // A space before a one-letter unit belongs to the relative time: now - 7 d is now-7d.
    query: "createdAt > now - 7 d AND x = 1",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([26, 1, 27], [27, 1, 28]), "The dataset files has no field \"x\". Run gql fields --dataset files to list the fields."),
    ],
  },
  // ---- Positions on later lines ----
  {
    query: "name = \"a\"\nAND classification >= SECRET\nAND x = 1",
    dataset: "files",
    diagnostics: [
      error("GQL301", range([33, 2, 23], [39, 2, 29]), "\"SECRET\" is not a label of classification; the labels are PUBLIC, INTERNAL, CONFIDENTIAL and HIGHLY_CONFIDENTIAL."),
      error("GQL200", range([44, 3, 5], [45, 3, 6]), "The dataset files has no field \"x\". Run gql fields --dataset files to list the fields."),
    ],
  },
  {
    query: "flow = CATALOGUING AND\n  size > 10 MB",
    dataset: "files",
    diagnostics: [
      error("GQL103", range([32, 2, 10], [37, 2, 15]), "\"10 MB\" reads as a number and then a new condition; write a size without a space: 10MB.", [
        suggestion("Replace with 10MB.", range([32, 2, 10], [37, 2, 15]), "10MB"),
      ]),
    ],
  },
  {
    query: "name = a\r\nAND critical = maybe",
    dataset: "files",
    diagnostics: [
      error("GQL404", range([25, 2, 16], [30, 2, 21]), "critical is a boolean. \"maybe\" is not a boolean; write true or false."),
    ],
  },
  {
    query: "name = \"abc\nAND size > 1",
    dataset: "files",
    diagnostics: [
      error("GQL101", range([7, 1, 8], [24, 2, 13]), "The string \"abc\\nAND size > 1\" has no closing quote (\"); add one where the string ends.", [
        suggestion("Insert \" at the end.", range([24, 2, 13], [24, 2, 13]), "\""),
      ]),
    ],
  },
  {
    query: "name = a AND\n\tcritical = maybe",
    dataset: "files",
    diagnostics: [
      error("GQL404", range([25, 2, 13], [30, 2, 18]), "critical is a boolean. \"maybe\" is not a boolean; write true or false."),
    ],
  },
  // ---- Columns count UTF-16 code units ----
  {
    query: "name = \"😀\" AND siz > 1",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([16, 1, 17], [19, 1, 20]), "The dataset files has no field \"siz\". Did you mean size?", [
        suggestion("Replace with size.", range([16, 1, 17], [19, 1, 20]), "size"),
      ]),
    ],
  },
  {
    query: "😀 = 1",
    dataset: "files",
    diagnostics: [
      error("GQL109", range([0, 1, 1], [2, 1, 3]), "\"😀\" is not a field name; a field name is letters, digits and _ joined by dots (example: file.path), and comes before the operator."),
    ],
  },
  {
    query: "timestamp > now-1d AND user = \"👩‍💻\" AND blocked = nope",
    dataset: "activity",
    diagnostics: [
      error("GQL404", range([52, 1, 53], [56, 1, 57]), "blocked is a boolean. \"nope\" is not a boolean; write true or false."),
    ],
  },
  {
    query: "name IS NOT x",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([12, 1, 13], [13, 1, 14]), "Expected NULL after the keyword NOT, found \"x\"; write IS NULL or IS NOT NULL."),
    ],
  },
  {
    query: "name IN (a b)",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([11, 1, 12], [12, 1, 13]), "Expected \",\" between the values of the list after \"a\", found \"b\".", [
        suggestion("Insert \",\".", range([10, 1, 11], [10, 1, 11]), ","),
      ]),
    ],
  },
  {
    query: "(name = a, b)",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([9, 1, 10], [10, 1, 11]), "Expected \")\" to close the group after \"a\", found \",\".", [
        suggestion("Insert \")\".", range([9, 1, 10], [9, 1, 10]), ")"),
      ]),
    ],
  },
  {
    query: "x = 1 OR AND y = 2",
    dataset: "files",
    diagnostics: [
      error("GQL200", range([0, 1, 1], [1, 1, 2]), "The dataset files has no field \"x\". Run gql fields --dataset files to list the fields."),
      error("GQL111", range([9, 1, 10], [12, 1, 13]), "Expected a condition after the keyword OR, found the keyword AND."),
      error("GQL200", range([13, 1, 14], [14, 1, 15]), "The dataset files has no field \"y\". Run gql fields --dataset files to list the fields."),
    ],
  },
  {
    query: "name IN (a b) AND x = 1",
    dataset: "files",
    diagnostics: [
      error("GQL100", range([11, 1, 12], [12, 1, 13]), "Expected \",\" between the values of the list after \"a\", found \"b\".", [
        suggestion("Insert \",\".", range([10, 1, 11], [10, 1, 11]), ","),
      ]),
      error("GQL200", range([18, 1, 19], [19, 1, 20]), "The dataset files has no field \"x\". Run gql fields --dataset files to list the fields."),
    ],
  },
];

/**
 * Queries whose diagnostics are wrong today. Each expectation is the output the library should
 * produce, and `actually` describes what it produces instead. Each row fails until the code is fixed.
 */
const wrongRows: WrongRow[] = [

];

function optionsOf(row: Row): { dataset: BuiltinDatasetName; limits?: Partial<Limits> } {
  return row.limits === undefined ? { dataset: row.dataset } : { dataset: row.dataset, limits: row.limits };
}

/** Formats a query as a test title, with line breaks as escapes so that the title stays on one line. */
function title(query: string): string {
  return query.replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}

describe("diagnostics of broken queries", () => {
  for (const row of rows) {
    it(title(row.query), () => {
      const result = check(row.query, optionsOf(row));
      expect(result.diagnostics).toStrictEqual(row.diagnostics);
      expect(result.ok).toBe(false);
    });
  }

  for (const row of wrongRows) {
    it.fails(title(row.query), () => {
      const result = check(row.query, optionsOf(row));
      expect(result.diagnostics, `actually: ${row.actually}`).toStrictEqual(row.diagnostics);
    });
  }

  it("covers every error code a query can trigger", () => {
    const queryCodes = Object.values(codes).filter((code) => /^GQL[1-5]\d\d$/.test(code));
    const covered = new Set(rows.flatMap((row) => row.diagnostics.map((diagnostic) => diagnostic.code)));
    expect(queryCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it("holds distinct queries", () => {
    const queries = [...rows, ...wrongRows].map((row) => `${row.dataset}:${JSON.stringify(row.limits)}:${row.query}`);
    expect(new Set(queries).size).toBe(queries.length);
  });
});

// ---- Laws ----

/** Computes a position from scratch: lines end at \n, \r\n or \r, and columns count UTF-16 code units. */
function positionIn(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    const character = text[index];
    if (character === "\n" || (character === "\r" && text[index + 1] !== "\n")) {
      line++;
      lineStart = index + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function expectRangeInside(text: string, where: Range): void {
  expect(where.start.offset).toBeGreaterThanOrEqual(0);
  expect(where.start.offset).toBeLessThanOrEqual(where.end.offset);
  expect(where.end.offset).toBeLessThanOrEqual(text.length);
  expect(where.start).toStrictEqual(positionIn(text, where.start.offset));
  expect(where.end).toStrictEqual(positionIn(text, where.end.offset));
}

/** Applies suggestions from the last to the first, so that earlier offsets stay valid. */
function applySuggestions(text: string, suggestions: readonly Suggestion[]): string {
  const ordered = [...suggestions].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let result = text;
  for (const fix of ordered) {
    result = result.slice(0, fix.range.start.offset) + fix.replacement + result.slice(fix.range.end.offset);
  }
  return result;
}

/** Returns the offsets of the parentheses that group expressions, leaving out those of `IN` lists. */
function groupParentheses(text: string): number[] {
  const found: number[] = [];
  const open: { offset: number; list: boolean }[] = [];
  let previous: TokenType | undefined;
  for (const token of tokenize(text).tokens) {
    if (token.tokenType === tokens.LeftParen) {
      const list = previous === tokens.In;
      open.push({ offset: token.startOffset, list });
      if (!list) found.push(token.startOffset);
    } else if (token.tokenType === tokens.RightParen) {
      const opener = open.pop();
      if (opener !== undefined && !opener.list) found.push(token.startOffset);
    }
    previous = token.tokenType;
  }
  return found;
}

describe("diagnostic laws", () => {
  it("ranges agree with offsets for any text", () => {
    const text = fc.oneof(tokenSoup, generatedQuery.map((generated) => generated.text), fc.string({ unit: "grapheme", maxLength: 30 }));
    fc.assert(
      fc.property(text, (query) => {
        const diagnostics = check(query, { dataset: "files" }).diagnostics;
        for (const diagnostic of diagnostics) {
          expectRangeInside(query, diagnostic.range);
          for (const fix of diagnostic.suggestions ?? []) expectRangeInside(query, fix.range);
        }
        const starts = diagnostics.map((diagnostic) => diagnostic.range.start.offset);
        expect(starts).toStrictEqual([...starts].sort((a, b) => a - b));
        const headers = formatDiagnostics(query, diagnostics).match(/^(?:error|warning)\[GQL\d{3}\]: /gm) ?? [];
        expect(headers.length).toBe(diagnostics.length);
      }),
      { numRuns: 400 },
    );
  });

  it("parenthesis suggestions repair a valid query", () => {
    // Break a valid query by blanking some "(" and dropping some ")" of its groups, then apply the
    // suggestions of GQL104 and GQL105: the result must parse without any diagnostic.
    const broken = generatedQuery
      .map((generated) => generated.text)
      .chain((text) => {
        const offsets = groupParentheses(text);
        return fc.subarray(offsets, { minLength: Math.min(1, offsets.length) }).map((removed) => ({ text, removed }));
      })
      .filter(({ removed }) => removed.length > 0);
    fc.assert(
      fc.property(broken, ({ text, removed }) => {
        let damaged = text;
        for (const offset of [...removed].sort((a, b) => b - a)) {
          damaged = text[offset] === "(" ? `${damaged.slice(0, offset)} ${damaged.slice(offset + 1)}` : damaged.slice(0, offset) + damaged.slice(offset + 1);
        }
        const fixes = parse(damaged)
          .diagnostics.filter((diagnostic) => diagnostic.code === "GQL104" || diagnostic.code === "GQL105")
          .flatMap((diagnostic) => diagnostic.suggestions ?? []);
        const repaired = applySuggestions(damaged, fixes);
        expect(parse(repaired).diagnostics, `damaged: ${JSON.stringify(damaged)}`).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

// ---- grammar/DIAGNOSTICS.md ----

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const catalogue = readFileSync(path.join(root, "grammar", "DIAGNOSTICS.md"), "utf8");
const catalogueLines = catalogue.split("\n");

interface Fence {
  /** 1-based line of the opening fence, for failure messages. */
  line: number;
  language: string;
  attributes: Map<string, string>;
  body: string;
}

/** Reads every fenced block of a list of lines; the info string is a language, then `key=value` words. */
function readFences(lines: readonly string[], firstLine: number): Fence[] {
  const fences: Fence[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = /^```(\S*)(.*)$/.exec(lines[index] as string);
    if (opening === null) continue;
    const line = firstLine + index;
    const body: string[] = [];
    index++;
    while (index < lines.length && lines[index] !== "```") body.push(lines[index++] as string);
    const attributes = new Map<string, string>();
    for (const word of (opening[2] as string).trim().split(/\s+/).filter((part) => part !== "")) {
      const [key, value] = word.split("=");
      if (key === undefined || value === undefined) throw new Error(`DIAGNOSTICS.md line ${line}: info string word ${JSON.stringify(word)} is not key=value.`);
      attributes.set(key, value);
    }
    fences.push({ line, language: opening[1] as string, attributes, body: body.join("\n") });
  }
  return fences;
}

interface CodeSection {
  code: string;
  name: string;
  line: number;
  text: string;
  fences: Fence[];
}

/** Splits the catalogue at headings of the form `### GQL104 missingCloseParen`; a section ends at the next heading. */
function readCodeSections(): CodeSection[] {
  const sections: CodeSection[] = [];
  for (let index = 0; index < catalogueLines.length; index++) {
    const heading = /^### (GQL\d{3}) (\w+)$/.exec(catalogueLines[index] as string);
    if (heading === null) continue;
    let end = index + 1;
    while (end < catalogueLines.length && !/^#{1,3} /.test(catalogueLines[end] as string)) end++;
    const lines = catalogueLines.slice(index + 1, end);
    sections.push({ code: heading[1] as string, name: heading[2] as string, line: index + 1, text: lines.join("\n"), fences: readFences(lines, index + 2) });
  }
  return sections;
}

const sections = readCodeSections();
const allFences = readFences(catalogueLines, 1);

interface CatalogueExample {
  section: CodeSection;
  fence: Fence;
  /** The `text` block after the example: what `formatDiagnostics` prints for the section's code. */
  rendered: Fence | undefined;
}

const catalogueExamples: CatalogueExample[] = sections.flatMap((section) =>
  section.fences.flatMap((fence, index) =>
    fence.language === "gql" || fence.language === "gql-invalid"
      ? [{ section, fence, rendered: section.fences[index + 1]?.language === "text" ? section.fences[index + 1] : undefined }]
      : [],
  ),
);

function exampleOptions(fence: Fence): { dataset: BuiltinDatasetName; limits: Partial<Limits> } {
  const limits: Partial<Limits> = {};
  for (const [key, value] of fence.attributes) {
    if (key === "dataset") continue;
    if (!Object.hasOwn(defaultLimits, key)) throw new Error(`DIAGNOSTICS.md line ${fence.line}: unknown attribute ${key}.`);
    limits[key as keyof Limits] = Number(value);
  }
  return { dataset: (fence.attributes.get("dataset") ?? "files") as BuiltinDatasetName, limits };
}

/** Removes spaces at line ends, which Markdown editors tend to strip: the source line of an empty query is "1 | ". */
function withoutTrailingSpaces(text: string): string {
  return text.replace(/[ \t]+$/gm, "");
}

/** Splits a command line of the catalogue into words; only single quotes are supported. */
function shellWords(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? (match[2] as string));
}

/** Runs the command line in this process and returns its exit status and standard output. */
async function runGql(args: readonly string[]): Promise<{ status: number; stdout: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  stderr.resume();
  const status = await runCli(args, {
    stdout: new OutputStream(stdout as unknown as NodeJS.WriteStream),
    stderr: new OutputStream(stderr as unknown as NodeJS.WriteStream),
    openStdin: () => Readable.from([]),
    environment: {},
  });
  return { status, stdout: Buffer.concat(chunks).toString("utf8") };
}

describe("DIAGNOSTICS.md", () => {
  it("has one section per code, named as in codes.ts", () => {
    const listed = sections.map((section) => `${section.code} ${section.name}`);
    const expected = Object.entries(codes).map(([name, code]) => `${code} ${name}`);
    expect(listed).toStrictEqual(expected);
  });

  it("mentions only existing codes", () => {
    const known = new Set<string>(Object.values(codes));
    const mentioned = new Set(catalogue.match(/GQL\d{3}/g) ?? []);
    expect([...mentioned].filter((code) => !known.has(code))).toEqual([]);
  });

  it("gives every query code an example and its output", () => {
    for (const section of sections.filter((candidate) => /^GQL[1-6]/.test(candidate.code))) {
      const examples = catalogueExamples.filter((example) => example.section === section);
      expect(examples.length, `${section.code} at line ${section.line}`).toBeGreaterThan(0);
      for (const example of examples) expect(example.rendered, `text block after line ${example.fence.line}`).toBeDefined();
    }
  });

  it("marks errors gql-invalid and warnings gql", () => {
    for (const example of catalogueExamples) {
      const expected = example.section.code.startsWith("GQL6") ? "gql" : "gql-invalid";
      expect(example.fence.language, `line ${example.fence.line}`).toBe(expected);
    }
  });

  for (const example of catalogueExamples) {
    const { section, fence } = example;
    it(`${section.code} example at line ${fence.line} produces ${section.code}`, () => {
      const result = check(fence.body, exampleOptions(fence));
      const named = result.diagnostics.filter((diagnostic) => diagnostic.code === section.code);
      expect(named.length, JSON.stringify(result.diagnostics)).toBeGreaterThan(0);
      const severity = fence.language === "gql" ? "warning" : "error";
      for (const diagnostic of named) expect(diagnostic.severity).toBe(severity);
      expect(result.ok).toBe(fence.language === "gql");
      expect(withoutTrailingSpaces(formatDiagnostics(fence.body, named))).toBe(withoutTrailingSpaces(example.rendered?.body ?? ""));
    });
  }

  it("shows the output of its gql commands", async () => {
    const commands = allFences.flatMap((fence, index) => (fence.language === "sh" && fence.body.startsWith("gql ") ? [{ fence, output: allFences[index + 1] }] : []));
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const { fence, output } of commands) {
      expect(output?.language, `output block after line ${fence.line}`).toMatch(/^(?:text|json)$/);
      const { status, stdout } = await runGql(shellWords(fence.body).slice(1));
      if (output?.language === "json") {
        const printed = JSON.parse(stdout) as { ok: boolean };
        expect(printed, `line ${fence.line}`).toStrictEqual(JSON.parse(output.body));
        expect(status, `exit status for line ${fence.line}`).toBe(printed.ok ? 0 : 1);
      } else {
        expect(stdout.trimEnd(), `line ${fence.line}`).toBe(output?.body);
        expect(status, `exit status for line ${fence.line}`).toBe(stdout.trimEnd().endsWith("\nvalid") ? 0 : 1);
      }
    }
  });

  it("states the default limits", () => {
    const start = catalogue.indexOf("## Limits");
    const limitsSection = catalogue.slice(start, catalogue.indexOf("\n## ", start + 1));
    for (const [name, value] of Object.entries(defaultLimits)) {
      const row = limitsSection.split("\n").find((line) => line.startsWith(`| \`${name}\``));
      expect(row, `row for ${name}`).toBeDefined();
      expect(Number((row as string).split("|")[2]?.replace(/[\s,_]/g, "")), `default of ${name}`).toBe(value);
    }
  });
});

// ---- Errors of the calling program (GQL9xx) ----

/** The calls that the GQL9xx sections of DIAGNOSTICS.md show; each must throw with the code and message printed there. */
const apiCalls: { code: string; call: string; run: () => unknown }[] = [
  {
    code: "GQL900",
    call: 'defineDataset with the field name "ticket-id"',
    run: () => defineDataset({ name: "tickets", fields: { "ticket-id": "string" } }),
  },
  {
    code: "GQL900",
    call: 'defineDataset with the type "text"',
    run: () => defineDataset({ name: "tickets", fields: { status: "text" as "string" } }),
  },
  {
    code: "GQL900",
    call: "defineDataset with an enum label twice",
    run: () => defineDataset({ name: "tickets", fields: { priority: { type: "enum", labels: ["LOW", "low"] } } }),
  },
  {
    code: "GQL900",
    call: "defineDataset with two fields that differ in case",
    run: () => defineDataset({ name: "tickets", fields: { status: "string", Status: "string" } }),
  },
  { code: "GQL901", call: 'check with the dataset "file"', run: () => check("owner = alice", { dataset: "file" as BuiltinDatasetName }) },
  { code: "GQL902", call: "check with maxDepth 0", run: () => check("owner = alice", { dataset: "files", limits: { maxDepth: 0 } }) },
  {
    code: "GQL902",
    call: "check with an unknown limit",
    run: () => check("owner = alice", { dataset: "files", limits: { maxWidth: 10 } as Partial<Limits> }),
  },
  { code: "GQL902", call: 'compile with the mode "fast"', run: () => compile("owner = alice", { dataset: "files", mode: "fast" as "closure" }) },
  { code: "GQL902", call: 'check with the option "lint"', run: () => check("owner = alice", { dataset: "files", lint: false } as CheckOptions) },
  { code: "GQL902", call: 'compile with the option "lint"', run: () => compile("owner = alice", { dataset: "files", lint: false } as CompileOptions) },
];

describe("API errors", () => {
  for (const { code, call, run } of apiCalls) {
    it(`${call} throws ${code}`, () => {
      let thrown: unknown;
      try {
        run();
      } catch (caught) {
        thrown = caught;
      }
      expect(thrown).toBeInstanceOf(GqlError);
      const gqlError = thrown as GqlError;
      expect(gqlError.code).toBe(code);
      expect(gqlError.diagnostics).toStrictEqual([]);
      const section = sections.find((candidate) => candidate.code === code);
      expect(section?.text, `the ${code} section quotes the message`).toContain(gqlError.message);
    });
  }

  it("compile throws the diagnostics of an invalid query", () => {
    const query = "size > 10 MB AND clasification >= CONFIDENTIAL";
    let thrown: unknown;
    try {
      compile(query, { dataset: "files" });
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toBeInstanceOf(GqlError);
    const gqlError = thrown as GqlError;
    const expected = check(query, { dataset: "files", lints: false }).diagnostics;
    expect(gqlError.code).toBe("GQL103");
    expect(gqlError.diagnostics).toStrictEqual(expected);
    expect(gqlError.source).toBe(query);
    expect(gqlError.message).toBe(`The query is invalid (2 errors):\n${formatDiagnostics(query, expected)}`);
    expect(catalogue).toContain(gqlError.message);
  });
});
