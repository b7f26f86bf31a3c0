/**
 * Keeps the files under grammar/ true to the implementation. Every example query of GQL.md must
 * check as the document states, and railroad.html must be what the generator produces from the
 * current parser. gql.ebnf must define every parser rule and token, with the references the parser has.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { check } from "../src/checker/check.js";
import { datasets } from "../src/datasets/builtin.js";
import { codes } from "../src/diagnostics/codes.js";
import { allTokens } from "../src/lexer/tokens.js";
import { defaultLimits } from "../src/limits.js";
import { GqlParser } from "../src/parser/grammar.js";
import { parse } from "../src/parser/parse.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const grammarDirectory = path.join(root, "grammar");
const reference = readFileSync(path.join(grammarDirectory, "GQL.md"), "utf8");
const ebnf = readFileSync(path.join(grammarDirectory, "gql.ebnf"), "utf8");

/** A top-level rule of `getSerializedGastProductions()`, whose Chevrotain type leaves out `name`. */
interface SerializedRule {
  name: string;
  definition: unknown;
}

function parserRules(): SerializedRule[] {
  return new GqlParser().getSerializedGastProductions().map((rule) => rule as unknown as SerializedRule);
}

// ---- Examples of GQL.md ----

interface Example {
  /** 1-based line of the opening fence in GQL.md, for failure messages. */
  line: number;
  kind: "gql" | "gql-invalid";
  dataset: string;
  /** For `gql-invalid`: a code that every query of the block must report. */
  expectedCode: string | undefined;
  queries: string[];
}

/**
 * Reads the fenced blocks marked `gql` or `gql-invalid`. The info string may add `dataset=NAME`
 * and, for invalid blocks, `code=GQLnnn`. Blank lines separate the queries of a block, and a block
 * of white space alone is one query, the empty one.
 */
function readExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(\S*)(.*)$/.exec(lines[index] as string);
    if (fence === null) continue;
    const start = index;
    const bodyLines: string[] = [];
    index++;
    while (index < lines.length && lines[index] !== "```") {
      bodyLines.push(lines[index] as string);
      index++;
    }
    const language = fence[1] as string;
    if (language !== "gql" && language !== "gql-invalid") continue;

    const attributes = new Map<string, string>();
    for (const word of (fence[2] as string).trim().split(/\s+/).filter((part) => part !== "")) {
      const [key, value] = word.split("=");
      if (key === undefined || value === undefined) throw new Error(`GQL.md line ${start + 1}: info string word ${JSON.stringify(word)} is not key=value.`);
      attributes.set(key, value);
    }
    const body = bodyLines.join("\n");
    const queries = body.trim() === "" ? [body] : body.split(/\n[ \t]*\n/).map((query) => query.trim()).filter((query) => query !== "");
    examples.push({
      line: start + 1,
      kind: language,
      dataset: attributes.get("dataset") ?? "files",
      expectedCode: attributes.get("code"),
      queries,
    });
  }
  return examples;
}

const examples = readExamples(reference);
const validCases = examples.flatMap((example) => example.queries.map((query) => ({ ...example, query })));
const invalidCases = validCases.filter((example) => example.kind === "gql-invalid");
const knownCodes = new Set<string>(Object.values(codes));

describe("GQL.md examples", () => {
  it("has valid and invalid examples", () => {
    expect(validCases.filter((example) => example.kind === "gql").length).toBeGreaterThan(50);
    expect(invalidCases.length).toBeGreaterThan(20);
  });

  it("names only built-in datasets and known codes", () => {
    for (const example of examples) {
      expect(Object.keys(datasets), `GQL.md line ${example.line}`).toContain(example.dataset);
      if (example.expectedCode !== undefined) expect(knownCodes.has(example.expectedCode), `GQL.md line ${example.line}`).toBe(true);
    }
  });

  it.each(validCases.filter((example) => example.kind === "gql").map((example) => [example.line, example.query, example.dataset] as const))(
    "line %i checks: %s",
    (_line, query, dataset) => {
      const result = check(query, { dataset: dataset as keyof typeof datasets });
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
      expect(errors).toEqual([]);
      expect(result.ok).toBe(true);
    },
  );

  it.each(invalidCases.map((example) => [example.line, example.query, example.dataset, example.expectedCode] as const))(
    "line %i is rejected: %s",
    (_line, query, dataset, expectedCode) => {
      const result = check(query, { dataset: dataset as keyof typeof datasets });
      expect(result.ok).toBe(false);
      const errorCodes = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.code);
      expect(errorCodes.length).toBeGreaterThan(0);
      if (expectedCode !== undefined) expect(errorCodes).toContain(expectedCode);
    },
  );

  it("quotes only valid queries inline", () => {
    // A query quoted in the text is an inline code span that parses cleanly and starts with a field
    // of a built-in dataset. This leaves out fragments and placeholders such as `field IN (value, ...)`.
    const prose = reference.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");
    const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] as string);
    const quoted = spans.filter((span) => {
      if (parse(span).diagnostics.length > 0) return false;
      const field = /^(?:(?:NOT\s+|!\s*))*([A-Za-z_][\w.]*)/i.exec(span)?.[1];
      return field !== undefined && Object.values(datasets).some((dataset) => dataset.field(field) !== undefined);
    });
    expect(quoted.length).toBeGreaterThan(20);
    for (const query of quoted) {
      const accepted = Object.values(datasets).some((dataset) => check(query, { dataset }).ok);
      expect(accepted, query).toBe(true);
    }
  });

  it("mentions only existing diagnostic codes", () => {
    const mentioned = new Set(reference.match(/GQL\d{3}/g) ?? []);
    const unknown = [...mentioned].filter((code) => !knownCodes.has(code) && !/^GQL\dxx$/.test(code));
    expect(unknown).toEqual([]);
  });

  it("states the default limits", () => {
    const limitsSection = reference.slice(reference.indexOf("## 7. Limits"), reference.indexOf("## 8."));
    for (const [name, value] of Object.entries(defaultLimits)) {
      const row = limitsSection.split("\n").find((line) => line.startsWith(`| \`${name}\``));
      expect(row, `row for ${name}`).toBeDefined();
      const written = Number((row as string).split("|")[2]?.replace(/\s/g, ""));
      expect(written, `default of ${name}`).toBe(value);
    }
  });
});

describe("GQL.md keyword rule", () => {
  const keywords = ["and", "or", "not", "in", "between", "is", "null"];

  it("treats words that start with a keyword as words", () => {
    // A value made of a keyword and more word characters must be read as one bare word.
    const suffix = fc.stringMatching(/^[A-Za-z0-9_.]{1,8}$/);
    fc.assert(
      fc.property(fc.constantFrom(...keywords), suffix, fc.boolean(), (keyword, rest, upper) => {
        const word = (upper ? keyword.toUpperCase() : keyword) + rest;
        const result = check(`name = ${word}`, { dataset: "files" });
        expect(result.ok).toBe(true);
      }),
    );
  });
});

// ---- railroad.html ----

describe("railroad.html", () => {
  const temporaryDirectory = mkdtempSync(path.join(tmpdir(), "gql-railroad-"));
  afterAll(() => rmSync(temporaryDirectory, { recursive: true, force: true }));

  const committed = readFileSync(path.join(grammarDirectory, "railroad.html"), "utf8");

  it("equals a fresh generation", () => {
    const output = path.join(temporaryDirectory, "railroad.html");
    execFileSync(process.execPath, [path.join(root, "scripts", "generate-grammar.mjs"), output], { cwd: root, stdio: "pipe" });
    const generated = readFileSync(output, "utf8");
    // On failure, run `npm run grammar` and commit grammar/railroad.html.
    expect(generated === committed, "grammar/railroad.html is stale; run npm run grammar").toBe(true);
  });

  it("loads nothing from the network", () => {
    expect(committed).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(committed).not.toMatch(/<link\b/i);
    expect(committed).not.toMatch(/unpkg\.com|cdn\./i);
  });

  it("draws one diagram per parser rule offline", () => {
    // Runs the inline scripts with the two DOM calls they make, and reads the diagrams they build.
    const scripts = [...committed.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] as string);
    const target = { innerHTML: "" };
    const context: Record<string, unknown> = {
      document: { getElementById: () => target, getElementsByClassName: () => [] },
    };
    context.window = context;
    vm.createContext(context);
    for (const script of scripts) vm.runInContext(script, context);

    const ruleNames = parserRules().map((rule) => rule.name);
    const headers = [...target.innerHTML.matchAll(/<h2 class="diagramHeader">(\w+)<\/h2>/g)].map((match) => match[1]);
    expect(headers).toEqual(ruleNames);
    expect(target.innerHTML.match(/<svg /g)?.length).toBe(ruleNames.length);
  });
});

// ---- gql.ebnf ----

interface EbnfRule {
  name: string;
  /** The names the rule's expression refers to. */
  references: Set<string>;
}

/** Reads the `Name ::= expression` rules, where each expression runs until the next rule starts. */
function readEbnf(text: string): EbnfRule[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, " ");
  const parts = withoutComments.split(/^([A-Za-z][A-Za-z0-9]*)[ \t]*::=/m);
  const rules: EbnfRule[] = [];
  for (let index = 1; index < parts.length; index += 2) {
    const expression = (parts[index + 1] as string)
      .replace(/"[^"]*"|'[^']*'/g, " ")
      .replace(/\[(?:[^\]\\]|\\.)*\]/g, " ")
      .replace(/#x[0-9A-Fa-f]+/g, " ");
    const references = new Set(expression.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []);
    rules.push({ name: parts[index] as string, references });
  }
  return rules;
}

/** Collects the rule and token names a serialized Chevrotain production refers to. */
function gastReferences(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) gastReferences(child, into);
    return into;
  }
  if (node !== null && typeof node === "object") {
    const record = node as { type?: string; name?: string; definition?: unknown; separator?: unknown };
    if ((record.type === "Terminal" || record.type === "NonTerminal") && typeof record.name === "string") into.add(record.name);
    if (record.definition !== undefined) gastReferences(record.definition, into);
    // AT_LEAST_ONE_SEP and MANY_SEP keep their separator token outside the definition.
    if (record.separator !== undefined) gastReferences(record.separator, into);
  }
  return into;
}

describe("gql.ebnf", () => {
  const rules = readEbnf(ebnf);
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  const productions = parserRules();

  it("states its notation", () => {
    expect(ebnf).toMatch(/W3C EBNF/);
  });

  it("defines each rule once", () => {
    const names = rules.map((rule) => rule.name);
    expect(names.length).toBeGreaterThan(30);
    expect(new Set(names).size).toBe(names.length);
  });

  it("defines every parser rule", () => {
    const missing = productions.map((rule) => rule.name).filter((name) => !byName.has(name));
    expect(missing).toEqual([]);
  });

  it("defines every token", () => {
    const missing = allTokens.map((token) => token.name).filter((name) => !byName.has(name));
    expect(missing).toEqual([]);
  });

  it.each(productions.map((rule) => [rule.name, rule] as const))("rule %s refers to what the parser does", (name, production) => {
    const expected = [...gastReferences(production.definition)].sort();
    const written = [...(byName.get(name)?.references ?? [])].sort();
    expect(written).toEqual(expected);
  });

  it("refers only to defined rules", () => {
    const undefinedNames = rules.flatMap((rule) => [...rule.references].filter((reference) => !byName.has(reference)).map((reference) => `${rule.name} -> ${reference}`));
    expect(undefinedNames).toEqual([]);
  });
});
