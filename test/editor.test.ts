/**
 * Tests of editor support: `complete` and `hover` on whole, half-typed and broken queries. The
 * completion automaton is checked against Chevrotain's own content assist on the real grammar, and
 * properties check that neither function throws and that every range lies inside the text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "../src/lexer/lexer.js";
import { GqlParser } from "../src/parser/grammar.js";
import { SourceMap } from "../src/diagnostics/diagnostic.js";
import { defineDataset, datasets, type BuiltinDatasetName, type Dataset, type Range } from "../src/index.js";
import { complete, type CompletionResult } from "../src/editor/complete.js";
import { hover, type HoverResult } from "../src/editor/hover.js";
import { literalOf, readTokenRoles } from "../src/editor/roles.js";
import { expectedTokenTypes, readSyntaxState } from "../src/editor/syntax.js";
import type { Expression, Literal } from "../src/ast/nodes.js";
import { parse } from "../src/parser/parse.js";
import { FIXED_NOW, query, tokenSoup } from "./support/arbitraries.js";

/** Marks the cursor in test texts. `|` cannot mark it because `||` is an operator. */
const CURSOR = "‸";

function split(marked: string): { source: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset === -1) throw new Error(`The test text ${JSON.stringify(marked)} has no cursor mark ${CURSOR}.`);
  return { source: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}

function completeAt(marked: string, dataset: BuiltinDatasetName | Dataset = "files"): CompletionResult {
  const { source, offset } = split(marked);
  return complete(source, offset, { dataset, now: () => FIXED_NOW });
}

function hoverAt(marked: string, dataset: BuiltinDatasetName | Dataset = "files"): HoverResult | undefined {
  const { source, offset } = split(marked);
  return hover(source, offset, { dataset });
}

function labels(result: CompletionResult): string[] {
  return result.items.map((item) => item.label);
}

function offsets(range: Range): [number, number] {
  return [range.start.offset, range.end.offset];
}

function item(result: CompletionResult, label: string) {
  const found = result.items.find((candidate) => candidate.label === label);
  if (found === undefined) throw new Error(`No completion item ${JSON.stringify(label)}; the items are ${labels(result).join(" ")}.`);
  return found;
}

const filesFields = datasets.files.fields.map((field) => field.path);
const classificationLabels = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"];
const sizeOperators = ["=", "!=", "<", "<=", ">", ">=", "BETWEEN", "IN", "NOT IN", "IS NULL", "IS NOT NULL"];
const stringOperators = ["=", "!=", "~", "!~", "=~", "IN", "NOT IN", "IS NULL", "IS NOT NULL"];
const timestampExamples = ["now", "now-1d", "now-7d", "now-30d", "2024-03-10", "2024-03-10T00:00:00Z"];

describe("complete: where a condition starts", () => {
  it("offers condition starts when empty", () => {
    const result = completeAt(CURSOR);
    expect(labels(result)).toEqual([...filesFields, "NOT", "("]);
    expect(offsets(result.range)).toEqual([0, 0]);
  });

  it("offers the same amid white space", () => {
    const result = completeAt(`  \n ${CURSOR}  `);
    expect(labels(result)).toEqual([...filesFields, "NOT", "("]);
    expect(offsets(result.range)).toEqual([4, 4]);
  });

  it("filters fields by the word after AND", () => {
    const result = completeAt(`flow = CLASSIFICATION AND cl${CURSOR}`);
    expect(labels(result)).toEqual(["classification"]);
    expect(offsets(result.range)).toEqual([26, 28]);
    expect(item(result, "classification").range).toEqual(result.range);
  });

  it("keeps schema spelling when filtering", () => {
    const result = completeAt(`DATAS${CURSOR}`);
    expect(labels(result)).toEqual(["dataSource"]);
    expect(item(result, "dataSource").insertText).toBe("dataSource");
    expect(item(result, "dataSource").kind).toBe("field");
  });

  it("offers NOT beside matching fields", () => {
    const result = completeAt(`flow = CLASSIFICATION AND n${CURSOR}`);
    expect(labels(result)).toEqual(["name", "NOT"]);
    expect(item(result, "NOT").kind).toBe("keyword");
  });

  it("offers conditions after OR inside a group", () => {
    const result = completeAt(`(size > 10MB OR ${CURSOR}`);
    expect(labels(result)).toEqual([...filesFields, "NOT", "("]);
    expect(labels(result)).not.toContain(")");
    expect(labels(result)).not.toContain("AND");
  });

  it("does not offer ) right after (", () => {
    const result = completeAt(`(${CURSOR}`);
    expect(labels(result)).toEqual([...filesFields, "NOT", "("]);
  });

  it("offers no second NOT", () => {
    const result = completeAt(`NOT ${CURSOR}`);
    expect(labels(result)).toEqual([...filesFields, "("]);
  });

  it("offers fields after AND and space", () => {
    const result = completeAt(`x = 1 AND ${CURSOR}`);
    expect(labels(result)).toEqual([...filesFields, "NOT", "("]);
    expect(offsets(result.range)).toEqual([10, 10]);
  });

  it("offers dotted fields of the activity dataset", () => {
    const result = completeAt(`blocked = true AND file.${CURSOR}`, "activity");
    expect(labels(result)).toEqual(["file.path", "file.name", "file.extension", "file.size"]);
    expect(offsets(result.range)).toEqual([19, 24]);
  });

  it("describes a field with its type and labels", () => {
    const classification = item(completeAt(`cla${CURSOR}`), "classification");
    expect(classification.detail).toBe("ordered enum");
    expect(classification.documentation).toContain("Classification label (a taxonomy can add labels).");
    expect(classification.documentation).toContain("PUBLIC < INTERNAL < CONFIDENTIAL < HIGHLY_CONFIDENTIAL");
    expect(item(completeAt(`riskS${CURSOR}`), "riskScore").detail).toBe("number 0 to 100");
    expect(item(completeAt(`comp${CURSOR}`), "compliance").detail).toBe("string[]");
  });

  it("replaces the whole word", () => {
    const result = completeAt(`flow = CLASSIFICATION AND si${CURSOR}ze > 10MB AND critical = true`);
    expect(labels(result)).toEqual(["size"]);
    expect(offsets(result.range)).toEqual([26, 30]);
  });

  it("replaces a word starting at cursor", () => {
    const result = completeAt(`flow = CLASSIFICATION AND ${CURSOR}risk > LOW`);
    expect(labels(result)).toEqual([...filesFields, "NOT", "("]);
    expect(offsets(result.range)).toEqual([26, 30]);
  });
});

describe("complete: operators", () => {
  it("offers size operators only", () => {
    const result = completeAt(`size ${CURSOR}`);
    expect(labels(result)).toEqual(sizeOperators);
    expect(labels(result)).not.toContain("~");
    expect(labels(result)).not.toContain("=~");
  });

  it("offers string operators only", () => {
    const result = completeAt(`name ${CURSOR}`);
    expect(labels(result)).toEqual(stringOperators);
    expect(labels(result)).not.toContain("<");
    expect(labels(result)).not.toContain("BETWEEN");
  });

  it("offers ordering for an ordered enum only", () => {
    expect(labels(completeAt(`classification ${CURSOR}`))).toEqual(["=", "!=", "<", "<=", ">", ">=", "BETWEEN", "~", "!~", "=~", "IN", "NOT IN", "IS NULL", "IS NOT NULL"]);
    expect(labels(completeAt(`flow ${CURSOR}`))).toEqual(stringOperators);
  });

  it("offers boolean operators", () => {
    expect(labels(completeAt(`critical ${CURSOR}`))).toEqual(["=", "!=", "IN", "NOT IN", "IS NULL", "IS NOT NULL"]);
  });

  it("explains operators for the type", () => {
    const size = completeAt(`size ${CURSOR}`);
    expect(item(size, "<").detail).toBe("is smaller than the size");
    expect(item(size, "BETWEEN").detail).toBe("lies between the two sizes, both included");
    expect(item(size, "<").kind).toBe("operator");
    expect(item(completeAt(`classification ${CURSOR}`), ">=").detail).toBe("is the label or comes after it in the declared order");
    expect(item(completeAt(`compliance ${CURSOR}`), "=").detail).toBe("some element equals the text, ignoring case");
  });

  it("filters keyword operators by prefix", () => {
    const result = completeAt(`size I${CURSOR}`);
    expect(labels(result)).toEqual(["IN", "IS NULL", "IS NOT NULL"]);
    expect(offsets(result.range)).toEqual([5, 6]);
  });

  it("completes ! into != or !~", () => {
    const result = completeAt(`name !${CURSOR}`);
    expect(labels(result)).toEqual(["!=", "!~"]);
    expect(offsets(result.range)).toEqual([5, 6]);
    expect(labels(completeAt(`size !${CURSOR}`))).toEqual(["!="]);
  });

  it("offers IN after field NOT", () => {
    const result = completeAt(`size NOT ${CURSOR}`);
    expect(labels(result)).toEqual(["IN"]);
    expect(item(result, "IN").detail).toBe("equals none of the listed sizes; also true when the field is missing");
  });

  it("offers NULL and NOT NULL after IS", () => {
    expect(labels(completeAt(`size IS ${CURSOR}`))).toEqual(["NULL", "NOT NULL"]);
    expect(labels(completeAt(`size IS NOT ${CURSOR}`))).toEqual(["NULL"]);
  });

  it("offers ( after IN", () => {
    expect(labels(completeAt(`compliance IN ${CURSOR}`))).toEqual(["("]);
  });

  it("offers every operator for an unknown field", () => {
    expect(labels(completeAt(`colour ${CURSOR}`))).toHaveLength(14);
  });
});

describe("complete: values", () => {
  it("offers ordered labels in declared order", () => {
    const result = completeAt(`classification >= ${CURSOR}`);
    expect(labels(result)).toEqual(classificationLabels);
    expect(result.items.map((entry) => entry.sortText)).toEqual(["0000", "0001", "0002", "0003"]);
    expect(item(result, "CONFIDENTIAL").detail).toBe("classification, rank 3 of 4");
    expect(offsets(result.range)).toEqual([18, 18]);
  });

  it("filters labels by a typed prefix ignoring case", () => {
    const result = completeAt(`classification >= conf${CURSOR}`);
    expect(labels(result)).toEqual(["CONFIDENTIAL"]);
    expect(item(result, "CONFIDENTIAL").insertText).toBe("CONFIDENTIAL");
    expect(offsets(result.range)).toEqual([18, 22]);
  });

  it("offers true and false for a boolean", () => {
    expect(labels(completeAt(`critical = ${CURSOR}`))).toEqual(["true", "false"]);
    expect(labels(completeAt(`critical = T${CURSOR}`))).toEqual(["true"]);
  });

  it("offers timestamp examples", () => {
    const result = completeAt(`createdAt > ${CURSOR}`);
    expect(labels(result)).toEqual(timestampExamples);
    expect(item(result, "now-7d").detail).toBe("now minus 7 days");
    expect(result.items.every((entry) => entry.kind === "value")).toBe(true);
  });

  it("completes a half-typed relative time", () => {
    const result = completeAt(`createdAt > now-${CURSOR}`);
    expect(labels(result)).toEqual(["now-1d", "now-7d", "now-30d"]);
    expect(offsets(result.range)).toEqual([12, 16]);
    expect(labels(completeAt(`createdAt > now - 7${CURSOR}`))).toEqual(["now-7d"]);
    expect(labels(completeAt(`createdAt > now - 7 d${CURSOR}`))).toEqual(["now-7d"]);
  });

  it("offers example sizes with their bytes", () => {
    const result = completeAt(`size > ${CURSOR}`);
    expect(labels(result)).toEqual(["1KB", "100KB", "1MB", "10MB", "100MB", "1GB", "10GB"]);
    expect(item(result, "10MB").detail).toBe("10,000,000 bytes");
    expect(labels(result)).not.toContain("true");
  });

  it("completes the unit of a typed amount", () => {
    const result = completeAt(`size > 10${CURSOR}`);
    expect(labels(result)).toEqual(["10B", "10KB", "10MB", "10GB", "10TB", "10KiB", "10MiB", "10GiB", "10TiB"]);
    expect(item(result, "10KiB").detail).toBe("10,240 bytes");
    expect(offsets(result.range)).toEqual([7, 9]);
    expect(labels(completeAt(`size > 1.5m${CURSOR}`))).toEqual(["1.5MB", "1.5MiB"]);
  });

  it("offers the bounds of a number field", () => {
    expect(labels(completeAt(`riskScore < ${CURSOR}`))).toEqual(["0", "100"]);
  });

  it("offers nothing for a string value", () => {
    expect(labels(completeAt(`name = ${CURSOR}`))).toEqual([]);
  });

  it("offers values for both bounds of BETWEEN", () => {
    expect(labels(completeAt(`classification BETWEEN ${CURSOR}`))).toEqual(classificationLabels);
    expect(labels(completeAt(`classification BETWEEN INTERNAL AND ${CURSOR}`))).toEqual(classificationLabels);
  });

  it("offers AND after the lower bound of BETWEEN", () => {
    expect(labels(completeAt(`size BETWEEN 1KB ${CURSOR}`))).toEqual(["AND"]);
  });

  it("skips labels already listed", () => {
    expect(labels(completeAt(`flow IN (CATALOGUING, ${CURSOR}`))).toEqual(["CLASSIFICATION"]);
    expect(labels(completeAt(`classification in (public, "Internal", ${CURSOR}`))).toEqual(["CONFIDENTIAL", "HIGHLY_CONFIDENTIAL"]);
  });

  it("keeps the label being typed in an IN list", () => {
    const result = completeAt(`flow IN (CATA${CURSOR}`);
    expect(labels(result)).toEqual(["CATALOGUING"]);
    expect(offsets(result.range)).toEqual([9, 13]);
  });

  it("offers no punctuation before a value", () => {
    const result = completeAt(`compliance IN (GDPR, ${CURSOR}`);
    expect(labels(result)).toEqual([]);
    expect(offsets(result.range)).toEqual([21, 21]);
  });

  it("offers , and ) after a list value", () => {
    const result = completeAt(`compliance IN (GDPR ${CURSOR}`);
    expect(labels(result)).toEqual([",", ")"]);
    expect(result.items.every((entry) => entry.kind === "punctuation")).toBe(true);
  });

  it("quotes a label that is not a bare word", () => {
    const dataset = defineDataset({ name: "tickets", fields: { state: { type: "enum", labels: ["In progress", "DONE"], ordered: true } } });
    const result = completeAt(`state = ${CURSOR}`, dataset);
    expect(item(result, "In progress").insertText).toBe('"In progress"');
    expect(item(result, "DONE").insertText).toBe("DONE");
  });
});

describe("complete: after a condition", () => {
  it("offers AND and OR at the top level", () => {
    const result = completeAt(`flow = CLASSIFICATION ${CURSOR}`);
    expect(labels(result)).toEqual(["AND", "OR"]);
    expect(item(result, "AND").detail).toBe("both conditions are true");
  });

  it("offers ) inside a group", () => {
    expect(labels(completeAt(`(flow = CLASSIFICATION ${CURSOR}`))).toEqual(["AND", "OR", ")"]);
    expect(labels(completeAt(`size IS NULL OR (risk >= HIGH ${CURSOR}`))).toEqual(["AND", "OR", ")"]);
  });

  it("filters the keyword under the cursor", () => {
    const result = completeAt(`x = 1 AND${CURSOR}`);
    expect(labels(result)).toEqual(["AND"]);
    expect(offsets(result.range)).toEqual([6, 9]);
    expect(labels(completeAt(`flow = CLASSIFICATION o${CURSOR}`))).toEqual(["OR"]);
  });

  it("offers AND and OR after a missing operator", () => {
    expect(labels(completeAt(`flow CLASSIFICATION ${CURSOR}`))).toEqual(["AND", "OR"]);
    expect(labels(completeAt(`(flow "x" ${CURSOR}`))).toEqual(["AND", "OR", ")"]);
  });

  it("offers fields after OR or a doubled AND", () => {
    expect(labels(completeAt(`x = 1 OR ${CURSOR}`))).toEqual([...filesFields, "NOT", "("]);
    expect(labels(completeAt(`x = 1 AND AND ${CURSOR}`))).toEqual([...filesFields, "NOT", "("]);
    expect(labels(completeAt(`x = 1 AND OR ${CURSOR}`))).toEqual([...filesFields, "NOT", "("]);
  });

  it("offers conditions after a value and NOT", () => {
    // The value reading of CLASSIFICATION comes first, so the NOT starts a new negated condition.
    expect(labels(completeAt(`flow = CLASSIFICATION NOT ${CURSOR}`))).toEqual([...filesFields, "("]);
  });

  it("offers fields before a closing parenthesis", () => {
    const result = completeAt(`flow = CLASSIFICATION OR (risk = HIGH AND ${CURSOR})`);
    expect(labels(result)).toEqual([...filesFields, "NOT", "("]);
  });
});

describe("complete: strings and broken queries", () => {
  it("offers closing quote when unterminated", () => {
    const result = completeAt(`name ~ "abc${CURSOR}`);
    expect(labels(result)).toEqual(['"']);
    expect(item(result, '"').insertText).toBe('"');
    expect(offsets(result.range)).toEqual([11, 11]);
    expect(labels(completeAt(`name ~ 'abc${CURSOR}`))).toEqual(["'"]);
  });

  it("offers nothing in the middle of a string", () => {
    expect(labels(completeAt(`name ~ "ab${CURSOR}c`))).toEqual([]);
    expect(labels(completeAt(`name = "ab${CURSOR}c" AND size > 1KB`))).toEqual([]);
  });

  it("offers no quote after a backslash", () => {
    expect(labels(completeAt(`name ~ "abc\\${CURSOR}`))).toEqual([]);
  });

  it("offers nothing inside a two-character operator", () => {
    expect(labels(completeAt(`size >${CURSOR}= 1KB`))).toEqual([]);
  });

  it("offers values before a following AND", () => {
    const result = completeAt(`flow = ${CURSOR} AND size > 1KB`);
    expect(labels(result)).toEqual(["CATALOGUING", "CLASSIFICATION"]);
    expect(offsets(result.range)).toEqual([7, 7]);
  });

  it("reads a field after a bare value", () => {
    expect(labels(completeAt(`flow CLASSIFICATION size ${CURSOR}`))).toEqual(sizeOperators);
  });

  it("keeps the field after a doubled operator", () => {
    expect(labels(completeAt(`size = = ${CURSOR}`))).toContain("10MB");
  });

  it("recovers after an unmatched )", () => {
    expect(labels(completeAt(`size > 10MB ) ${CURSOR}`))).toEqual(["AND", "OR"]);
  });

  it("reads a field after a missing AND", () => {
    expect(labels(completeAt(`size > 10MB name ${CURSOR}`))).toEqual(stringOperators);
  });

  it("completes after an earlier error", () => {
    const result = completeAt(`size > > AND (risk = HIGH OR classification >= ${CURSOR}`);
    expect(labels(result)).toEqual(classificationLabels);
  });

  it("completes on a later line", () => {
    const result = completeAt(`flow = CLASSIFICATION\r\nAND\n  risk >= H${CURSOR}\n`);
    expect(labels(result)).toEqual(["HIGH"]);
    expect(result.range.start).toEqual({ offset: 37, line: 3, column: 11 });
    expect(result.range.end).toEqual({ offset: 38, line: 3, column: 12 });
  });

  it("clamps offsets outside the text", () => {
    const text = "flow = CLASSIFICATION AND r";
    expect(complete(text, -5, { dataset: "files" })).toEqual(complete(text, 0, { dataset: "files" }));
    expect(complete(text, 1e9, { dataset: "files" })).toEqual(complete(text, text.length, { dataset: "files" }));
    expect(complete(text, Number.NaN, { dataset: "files" })).toEqual(complete(text, 0, { dataset: "files" }));
    expect(labels(complete(text, 1e9, { dataset: "files" }))).toEqual(["risk", "riskScore"]);
  });

  it("rejects an unknown dataset", () => {
    expect(() => complete("", 0, { dataset: "filez" as BuiltinDatasetName })).toThrow(/Unknown dataset "filez"/);
  });
});

describe("hover", () => {
  it("describes a known field", () => {
    const result = hoverAt(`CLASSIF${CURSOR}ICATION >= CONFIDENTIAL`);
    expect(result?.contents).toContain("`classification`: ordered enum");
    expect(result?.contents).toContain("Classification label (a taxonomy can add labels).");
    expect(result?.contents).toContain("PUBLIC < INTERNAL < CONFIDENTIAL < HIGHLY_CONFIDENTIAL");
    expect(offsets(result?.range as Range)).toEqual([0, 14]);
  });

  it("gives the bounds of a number field", () => {
    expect(hoverAt(`${CURSOR}riskScore > 50`)?.contents).toContain("A decimal number, 0 to 100.");
  });

  it("names the closest field for an unknown one", () => {
    const result = hoverAt(`clasification${CURSOR} = PUBLIC`);
    expect(result?.contents).toBe("Unknown field `clasification`: the dataset files has no such field. Did you mean `classification`?");
    expect(offsets(result?.range as Range)).toEqual([0, 13]);
  });

  it("describes an operator for the field's type", () => {
    const result = hoverAt(`size ${CURSOR}< 10MB`);
    expect(result?.contents).toBe("`<` on `size` (size): is smaller than the size.");
    expect(offsets(result?.range as Range)).toEqual([5, 6]);
    expect(hoverAt(`classification >${CURSOR}= INTERNAL`)?.contents).toContain("is the label or comes after it in the declared order");
  });

  it("says when an operator does not apply", () => {
    expect(hoverAt(`name ${CURSOR}< "x"`)?.contents).toContain("< does not apply to a string; use =, !=, ~, !~, =~, IN, NOT IN, IS NULL or IS NOT NULL.");
  });

  it("covers every word of a keyword operator", () => {
    const notIn = hoverAt(`size NO${CURSOR}T IN (1KB)`);
    expect(offsets(notIn?.range as Range)).toEqual([5, 11]);
    expect(notIn?.contents).toContain("`NOT IN` on `size` (size): equals none of the listed sizes");
    const isNotNull = hoverAt(`size IS NOT NU${CURSOR}LL`);
    expect(offsets(isNotNull?.range as Range)).toEqual([5, 16]);
    expect(isNotNull?.contents).toContain("`IS NOT NULL` on `size` (size)");
    expect(isNotNull?.contents).toContain("`field IS NULL` is true when the field is missing, null or an empty list");
  });

  it("gives the rank of an ordered label", () => {
    const result = hoverAt(`classification >= CONF${CURSOR}IDENTIAL`);
    expect(result?.contents).toBe("Label 3 of 4 of classification in the declared order: PUBLIC < INTERNAL < **CONFIDENTIAL** < HIGHLY_CONFIDENTIAL.");
    expect(offsets(result?.range as Range)).toEqual([18, 30]);
  });

  it("names the field of an unordered label", () => {
    expect(hoverAt(`flow = cat${CURSOR}aloguing`)?.contents).toBe("A label of flow, one of CATALOGUING, CLASSIFICATION.");
  });

  it("suggests a label for an unknown one", () => {
    expect(hoverAt(`flow = CLASIF${CURSOR}ICATION`)?.contents).toContain("Did you mean CLASSIFICATION?");
  });

  it("reads a size in bytes", () => {
    expect(hoverAt(`size > 1.5M${CURSOR}B`)?.contents).toBe("`1.5MB` is 1,500,000 bytes.");
    expect(hoverAt(`size IN (10KiB${CURSOR}, 2GB)`)?.contents).toBe("`10KiB` is 10,240 bytes.");
    expect(hoverAt(`size > 10Q${CURSOR}B`)?.contents).toBe("`10QB` is not a size (examples: 500, 10KB, 1.5MiB).");
  });

  it("reads a date-time as a UTC instant", () => {
    const result = hoverAt(`createdAt >= 2024-03-01T12:00:00+02:00${CURSOR}`);
    expect(result?.contents).toBe("`2024-03-01T12:00:00+02:00` is the instant 2024-03-01T10:00:00.000Z (UTC).");
    expect(offsets(result?.range as Range)).toEqual([13, 38]);
  });

  it("reads a date as a UTC day", () => {
    expect(hoverAt(`createdAt = 2024-03-0${CURSOR}1`)?.contents).toContain("the UTC day from 2024-03-01T00:00:00.000Z up to 2024-03-02T00:00:00.000Z");
  });

  it("reads a relative time", () => {
    expect(hoverAt(`createdAt > now - 7${CURSOR}d`)?.contents).toBe("`now-7d` is now minus 7 days, counted from the time when the predicate runs.");
    expect(hoverAt(`createdAt > now+1${CURSOR}h`)?.contents).toContain("now plus 1 hour");
    expect(hoverAt(`createdAt < no${CURSOR}w`)?.contents).toContain("is the time when the predicate runs");
  });

  it("reads a relative time with a spaced unit", () => {
    const result = hoverAt(`createdAt > now - 7 ${CURSOR}d`);
    expect(result?.contents).toBe("`now-7d` is now minus 7 days, counted from the time when the predicate runs.");
    expect(offsets(result?.range as Range)).toEqual([12, 21]);
  });

  it("reads a value with no operator", () => {
    const result = hoverAt(`flow CATALOG${CURSOR}UING`);
    expect(result?.contents).toBe("A label of flow, one of CATALOGUING, CLASSIFICATION.");
    expect(offsets(result?.range as Range)).toEqual([5, 16]);
  });

  it("reads a field after a lone field", () => {
    // In `flow size > 1KB` the operator makes size the field of a new condition.
    expect(hoverAt(`flow si${CURSOR}ze > 1KB`)?.contents).toContain("`size`: size");
    expect(hoverAt(`flow size ${CURSOR}> 1KB`)?.contents).toBe("`>` on `size` (size): is larger than the size.");
    expect(hoverAt(`flow size > 1K${CURSOR}B`)?.contents).toBe("`1KB` is 1,000 bytes.");
  });

  it("reads NOT IN after a bare value", () => {
    const notIn = hoverAt(`flow size NO${CURSOR}T IN (1KB)`);
    expect(notIn?.contents).toContain("`NOT IN` on `size` (size)");
    expect(offsets(notIn?.range as Range)).toEqual([10, 16]);
    expect(hoverAt(`flow si${CURSOR}ze NOT IN (1KB)`)?.contents).toContain("`size`: size");
  });

  it("reads NOT after a field as a negation", () => {
    const not = hoverAt(`size NO${CURSOR}T critical = true`);
    expect(not?.contents).toContain("`NOT` is true exactly when the condition after it is false");
    expect(offsets(not?.range as Range)).toEqual([5, 8]);
    expect(hoverAt(`size NOT critical = tr${CURSOR}ue`)?.contents).toBe("The boolean true.");
  });

  it("drops a dangling backslash", () => {
    expect(hoverAt(`name = "ab\\${CURSOR}`)?.contents).toBe("The text `ab`, compared with name ignoring case.");
    // An even number of backslashes forms complete escapes: four of them are the text of two.
    expect(hoverAt(`name = "ab\\\\${CURSOR}`)?.contents).toBe("The text `ab\\`, compared with name ignoring case.");
    expect(hoverAt(`name = "ab\\\\\\\\${CURSOR}`)?.contents).toBe("The text `ab\\\\`, compared with name ignoring case.");
  });

  it("describes a pattern after ~", () => {
    expect(hoverAt(`name ~ "*.tx${CURSOR}t"`)?.contents).toContain("a wildcard pattern that must match the whole of name");
    expect(hoverAt(`name ~ "repor${CURSOR}t"`)?.contents).toContain("text that name must contain");
  });

  it("flags a number outside the field's range", () => {
    expect(hoverAt(`riskScore > 1${CURSOR}000`)?.contents).toBe("The number 1000, outside the range of riskScore (0 to 100).");
  });

  it("explains the logical keywords", () => {
    expect(hoverAt(`size > 1KB A${CURSOR}ND flow = CATALOGUING`)?.contents).toContain("`AND` is true when the conditions on both sides are true");
    expect(hoverAt(`size > 1KB |${CURSOR}| flow = CATALOGUING`)?.contents).toContain("`OR` is true when the condition on either side is true");
    const not = hoverAt(`N${CURSOR}OT critical = true`);
    expect(not?.contents).toContain("`NOT` is true exactly when the condition after it is false");
    expect(offsets(not?.range as Range)).toEqual([0, 3]);
  });

  it("explains IN, BETWEEN and the AND between bounds", () => {
    expect(hoverAt(`flow ${CURSOR}IN (CATALOGUING)`)?.contents).toContain("`field IN (a, b, ...)` is true when the field equals one of the listed values");
    expect(hoverAt(`size BETWEEN${CURSOR} 1KB AND 1MB`)?.contents).toContain("`field BETWEEN low AND high` is true when low <= field <= high");
    const and = hoverAt(`size BETWEEN 1KB A${CURSOR}ND 1MB`);
    expect(and?.contents).toContain("This AND separates the bounds of BETWEEN.");
    expect(offsets(and?.range as Range)).toEqual([17, 20]);
  });

  it("explains a keyword outside any condition", () => {
    expect(hoverAt(`NUL${CURSOR}L`)?.contents).toContain("`NULL` is not a value");
  });

  it("returns nothing for space and punctuation", () => {
    expect(hoverAt(`size >  ${CURSOR} 1KB`)).toBeUndefined();
    expect(hoverAt(`${CURSOR}(size > 1KB)`)).toBeUndefined();
    expect(hoverAt(`size IN (1KB${CURSOR},2KB)`)?.contents).toBe("`1KB` is 1,000 bytes.");
    expect(hoverAt(`size IN (1KB,${CURSOR} 2KB)`)).toBeUndefined();
    expect(hoverAt(CURSOR)).toBeUndefined();
  });

  it("works inside a broken query", () => {
    expect(hoverAt(`flow = CLASSIFICATION AND (size > 10M${CURSOR}B OR`)?.contents).toBe("`10MB` is 10,000,000 bytes.");
    expect(hoverAt(`risk >= HI${CURSOR}GH AND AND`)?.contents).toContain("Label 3 of 4 of risk");
  });

  it("gives lines and columns on later lines", () => {
    const result = hoverAt(`flow = CLASSIFICATION\nAND si${CURSOR}ze > 1KB`);
    expect(result?.range.start).toEqual({ offset: 26, line: 2, column: 5 });
    expect(result?.range.end).toEqual({ offset: 30, line: 2, column: 9 });
  });
});

/** The token types that Chevrotain's content assist expects after the tokens, by name. */
const contentAssistParser = new GqlParser();
function chevrotainExpects(text: string, tokenCount: number): string[] {
  const tokens = tokenize(text).tokens.slice(0, tokenCount);
  const names = contentAssistParser.computeContentAssist("query", tokens).map((suggestion) => suggestion.nextTokenType.name);
  return [...new Set(names)].sort();
}
function automatonExpects(text: string, tokenCount: number): string[] {
  const tokens = tokenize(text).tokens.slice(0, tokenCount);
  return expectedTokenTypes(readSyntaxState(tokens)).map((type) => type.name).sort();
}

/**
 * Queries in every syntactic form the grammar accepts, including the broken ones it accepts only to
 * report them: `()`, a missing AND, a field with no operator or no value, AND with no operand after
 * it, and OR with no operand before the ")" of its group.
 */
const syntaxQuery: fc.Arbitrary<string> = fc.letrec<{ expression: string; condition: string }>((tie) => ({
  condition: fc.oneof(
    fc.tuple(
      fc.constantFrom("size", "Name", "a.b"),
      fc.constantFrom("=", "==", "!=", "<>", "<", "<=", ">", ">=", "~", "!~", "=~"),
      fc.constantFrom("1", "x", '"s"', "'t'", "now-7d", "now - 2h", "now - 7 d", "10MB", ""),
    ).map((parts) => parts.join(" ")),
    fc.tuple(fc.constantFrom("size", "flow"), fc.constantFrom("", "x", '"s"', "now-1d")).map((parts) => parts.join(" ")),
    fc
      .tuple(fc.constantFrom("size", "flow"), fc.constantFrom("IN", "not in", "NOT IN"), fc.array(fc.constantFrom("1", '"x"', "now-1d"), { minLength: 1, maxLength: 3 }))
      .map(([field, operator, values]) => `${field} ${operator} (${values.join(" , ")})`),
    fc.tuple(fc.constantFrom("size", "flow"), fc.constantFrom("1", "'a'")).map(([field, value]) => `${field} BETWEEN ${value} and ${value}`),
    fc.tuple(fc.constantFrom("size", "flow"), fc.constantFrom("IS NULL", "is not null")).map((parts) => parts.join(" ")),
  ),
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("condition"),
    fc.tuple(fc.constantFrom("NOT", "!", "not"), tie("expression")).map((parts) => parts.join(" ")),
    tie("expression").map((inner) => `( ${inner} )`),
    fc.constant("( )"),
    fc.tuple(tie("expression"), fc.constantFrom("AND", "OR", "&&", "||", "and", ""), tie("expression")).map((parts) => parts.join(" ")),
    fc.tuple(tie("expression"), fc.constantFrom("AND", "&&")).map((parts) => parts.join(" ")),
    fc.tuple(tie("expression"), fc.constantFrom("OR", "||")).map(([inner, or]) => `( ${inner} ${or} )`),
  ),
})).expression;

/** Every token sequence up to `length` over a small alphabet that the grammar accepts as a prefix. */
function validPrefixes(alphabet: readonly string[], length: number): string[][] {
  const found: string[][] = [];
  const extend = (parts: string[]): void => {
    if (chevrotainExpects(parts.join(" "), parts.length).length === 0) return;
    found.push(parts);
    if (parts.length < length) for (const part of alphabet) extend([...parts, part]);
  };
  extend([]);
  return found;
}

/** The literals of a tree by the offset where each starts. */
function literalsOf(root: Expression | null): Map<number, Literal> {
  const found = new Map<number, Literal>();
  const stack: Expression[] = root === null ? [] : [root];
  while (stack.length > 0) {
    const node = stack.pop() as Expression;
    const literals: Literal[] = [];
    if (node.type === "And" || node.type === "Or") stack.push(...node.operands);
    else if (node.type === "Not") stack.push(node.operand);
    else if (node.type === "Comparison") literals.push(node.value);
    else if (node.type === "In") literals.push(...node.values);
    else if (node.type === "Between") literals.push(node.low, node.high);
    for (const literal of literals) found.set(literal.span.start, literal);
  }
  return found;
}

describe("token roles", () => {
  it("read valid queries' values like the parser", () => {
    fc.assert(
      fc.property(
        query.map((generated) => generated.text),
        (text) => {
          const literals = literalsOf(parse(text).ast.body);
          const values = readTokenRoles(tokenize(text).tokens).conditions.flatMap((condition) => condition.values);
          expect(values.map((value) => value.startOffset).sort((a, b) => a - b)).toEqual([...literals.keys()].sort((a, b) => a - b));
          for (const value of values) expect(literalOf(value)).toEqual(literals.get(value.startOffset));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("read broken queries' values like the parser", () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        const literals = literalsOf(parse(text).ast.body);
        for (const condition of readTokenRoles(tokenize(text).tokens).conditions) {
          for (const value of condition.values) {
            const literal = literals.get(value.startOffset);
            if (literal !== undefined) expect(literalOf(value).text).toBe(literal.text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("completion automaton", () => {
  it("matches computeContentAssist on valid prefixes", () => {
    fc.assert(
      fc.property(fc.oneof(syntaxQuery, query.map((generated) => generated.text)), (text) => {
        const tokenCount = tokenize(text).tokens.length;
        for (let count = 0; count <= tokenCount; count++) {
          const expected = chevrotainExpects(text, count);
          expect(expected.length).toBeGreaterThan(0);
          expect(automatonExpects(text, count)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("matches computeContentAssist on every short prefix", () => {
    // One token of each kind the grammar tells apart; sequences of up to five cover each pair of
    // readings of a bare word and what follows it.
    const alphabet = ["x", "=", '"s"', "AND", "&&", "OR", "||", "NOT", "!", "(", ")", "IN", "BETWEEN", "IS", "NULL", ","];
    const prefixes = validPrefixes(alphabet, 5);
    expect(prefixes.length).toBeGreaterThan(5000);
    for (const parts of prefixes) {
      const text = parts.join(" ");
      expect(automatonExpects(text, parts.length), text).toEqual(chevrotainExpects(text, parts.length));
    }
  });

  it("matches computeContentAssist on token soups", () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        const tokenCount = tokenize(text).tokens.length;
        for (let count = 0; count <= tokenCount; count++) {
          const expected = chevrotainExpects(text, count);
          if (expected.length === 0) break;
          expect(automatonExpects(text, count)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Offsets around and outside the text, and values that are not offsets at all. */
function offsetFor(text: string): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: -3, max: text.length + 3 }),
    fc.integer(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5, -0.5),
  );
}

const anyText = fc.oneof(fc.string({ maxLength: 40, unit: "binary" }), tokenSoup, query.map((generated) => generated.text));

function expectWithin(range: Range, text: string): void {
  const map = new SourceMap(text);
  expect(range.start.offset).toBeGreaterThanOrEqual(0);
  expect(range.start.offset).toBeLessThanOrEqual(range.end.offset);
  expect(range.end.offset).toBeLessThanOrEqual(text.length);
  expect(range.start).toEqual(map.position(range.start.offset));
  expect(range.end).toEqual(map.position(range.end.offset));
}

describe("editor properties", () => {
  it("complete never throws", () => {
    fc.assert(
      fc.property(
        anyText.chain((text) => fc.tuple(fc.constant(text), offsetFor(text), fc.constantFrom<BuiltinDatasetName>("files", "activity", "streaming"))),
        ([text, offset, dataset]) => {
          const result = complete(text, offset, { dataset });
          const cursor = Number.isNaN(offset) ? 0 : Math.max(0, Math.min(Math.trunc(offset), text.length));
          expectWithin(result.range, text);
          expect(result.range.start.offset).toBeLessThanOrEqual(cursor);
          expect(result.range.end.offset).toBeGreaterThanOrEqual(cursor);
          const typed = text.slice(result.range.start.offset, cursor).replace(/\s+/g, "").toLowerCase();
          for (const entry of result.items) {
            expect(entry.range).toEqual(result.range);
            expect(entry.label.toLowerCase().startsWith(typed)).toBe(true);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it("hover never throws", () => {
    fc.assert(
      fc.property(anyText.chain((text) => fc.tuple(fc.constant(text), offsetFor(text))), ([text, offset]) => {
        const result = hover(text, offset, { dataset: "files" });
        if (result === undefined) return;
        const cursor = Number.isNaN(offset) ? 0 : Math.max(0, Math.min(Math.trunc(offset), text.length));
        expectWithin(result.range, text);
        expect(result.range.start.offset).toBeLessThanOrEqual(cursor);
        expect(result.range.end.offset).toBeGreaterThanOrEqual(cursor);
        expect(result.contents.length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });

  it("completes inside 5000 nested groups", () => {
    const text = `${"(".repeat(5000)}size > 1KB `;
    const result = complete(text, text.length, { dataset: "files" });
    expect(labels(result)).toEqual(["AND", "OR", ")"]);
  });
});
