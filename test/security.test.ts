/**
 * Query text is data: it never becomes code in the generated predicate, field names cannot reach
 * prototypes, and hostile patterns stay linear in the length of the text.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analyze } from "../src/checker/check.js";
import { generatePredicate } from "../src/compiler/codegen.js";
import { check, compile, defineDataset, GqlError, type Dataset } from "../src/index.js";
import { encodeString } from "../src/values/strings.js";
import { escapeRegex, singleQuoted } from "./support/arbitraries.js";

type CanaryHolder = { gqlSecurityCanary?: string };
const holder = globalThis as CanaryHolder;
const UNTOUCHED = "untouched";

/** Texts that would run code if they were pasted into JavaScript source; each sets the canary. */
const payloads: readonly string[] = [
  '"); globalThis.gqlSecurityCanary = "changed"; ("',
  "'); globalThis.gqlSecurityCanary = 'changed'; ('",
  '"); process.exit(1); ("',
  "${globalThis.gqlSecurityCanary = 'changed'}",
  "`; globalThis.gqlSecurityCanary = 'changed'; `",
  "*/ globalThis.gqlSecurityCanary = 'changed'; /*",
  "</script><script>globalThis.gqlSecurityCanary = 'changed'</script>",
  "\u2028globalThis.gqlSecurityCanary = 'changed'\u2029",
  "\\\"); globalThis.gqlSecurityCanary = \"changed\"; //",
  "\\\\\\'\\\"\\`",
  "\n}; globalThis.gqlSecurityCanary = 'changed'; function x() {\n",
  "c0); globalThis.gqlSecurityCanary = 'changed'; (c0",
];

/** Builds the queries that carry a payload in every literal position and spelling. */
function queriesWith(payload: string): string[] {
  const double = encodeString(payload);
  const single = singleQuoted(payload);
  const regex = encodeString(escapeRegex(payload));
  return [
    `name = ${double}`,
    `name = ${single}`,
    `name != ${double}`,
    `name IN (${double}, ${single}, "x", "y", "z", "w")`,
    `name NOT IN (${single})`,
    `name ~ ${double}`,
    `name ~ ${encodeString(`*${payload}*`)}`,
    `name ~ ${encodeString(`${payload}?`)}`,
    `name !~ ${single}`,
    `name =~ ${regex}`,
    `tags = ${double}`,
    `tags ~ ${single}`,
    `tags =~ ${regex}`,
    `NOT (path = ${double} OR owner = ${single})`,
  ];
}

beforeEach(() => {
  holder.gqlSecurityCanary = UNTOUCHED;
});

afterEach(() => {
  expect(holder.gqlSecurityCanary).toBe(UNTOUCHED);
  delete holder.gqlSecurityCanary;
});

describe("query text in the generated predicate", () => {
  for (const payload of payloads) {
    describe(JSON.stringify(payload), () => {
      for (const query of queriesWith(payload)) {
        it(`${query} runs no code`, () => {
          for (const mode of ["generated", "closure"] as const) {
            const predicate = compile(query, { dataset: "files", mode });
            const events = [{}, { name: payload, path: payload, owner: payload, tags: [payload] }, { name: "x" }, null];
            for (const event of events) expect(typeof predicate(event)).toBe("boolean");
          }
          expect(holder.gqlSecurityCanary).toBe(UNTOUCHED);
        });

        it(`${query} leaves no query text in the source`, () => {
          const bound = analyze(query, { dataset: "files" }).bound;
          if (bound === undefined) throw new Error(`The query ${query} does not check.`);
          const { source } = generatePredicate(bound);
          expect(source).not.toContain(payload);
          expect(source).not.toContain(payload.toLowerCase());
          expect(source).not.toContain("gqlSecurityCanary");
          expect(source.toLowerCase()).not.toContain("changed");
          expect(source).not.toContain("process.exit");
          expect(source).not.toContain("</script>");
        });
      }

      it("matches the payload as plain text", () => {
        const double = encodeString(payload);
        for (const mode of ["generated", "closure"] as const) {
          expect(compile(`name = ${double}`, { dataset: "files", mode })({ name: payload })).toBe(true);
          expect(compile(`name = ${singleQuoted(payload)}`, { dataset: "files", mode })({ name: payload.toUpperCase() })).toBe(true);
          expect(compile(`name ~ ${double}`, { dataset: "files", mode })({ name: `before ${payload} after` })).toBe(true);
          expect(compile(`name =~ ${encodeString(escapeRegex(payload))}`, { dataset: "files", mode })({ name: payload })).toBe(true);
          expect(compile(`tags IN (${double})`, { dataset: "files", mode })({ tags: ["other", payload] })).toBe(true);
          expect(compile(`name = ${double}`, { dataset: "files", mode })({ name: `${payload}x` })).toBe(false);
        }
      });
    });
  }

  it("keeps a literal that equals generated identifiers out of the source", () => {
    const names = ["c0", "value", "event", "now", "helpers", "constants", "hasOwn", "toNumber", "readClock", "return true"];
    for (const name of names) {
      const query = `name = ${encodeString(`${name}) || (true`)}`;
      const bound = analyze(query, { dataset: "files" }).bound;
      if (bound === undefined) throw new Error(`The query ${query} does not check.`);
      expect(generatePredicate(bound).source).not.toContain(`${name}) || (true`);
      expect(compile(query, { dataset: "files" })({ name: "other" })).toBe(false);
    }
  });

  it("passes literals to the predicate as constants", () => {
    const bound = analyze('name = "Quoted \\" text" OR riskScore > 42', { dataset: "files" }).bound;
    if (bound === undefined) throw new Error("The query does not check.");
    const generated = generatePredicate(bound);
    expect(generated.constants).toContain('quoted " text');
    expect(generated.constants).toContain(42);
    expect(generated.source).not.toContain("quoted");
    expect(generated.source).not.toContain("42");
  });
});

describe("field names that reach prototypes", () => {
  it("rejects __proto__, constructor and prototype in queries", () => {
    for (const name of ["__proto__", "constructor", "prototype", "__PROTO__", "Constructor", "file.__proto__", "constructor.prototype"]) {
      const result = check(`${name} = x`, { dataset: "files" });
      expect(result.ok, name).toBe(false);
      expect(result.diagnostics.map((diagnostic) => diagnostic.code), name).toEqual(["GQL201"]);
      expect(() => compile(`${name} = x`, { dataset: "files" }), name).toThrow(GqlError);
    }
  });

  it("reports hasOwnProperty as an unknown field of a built-in dataset", () => {
    expect(check("hasOwnProperty = x", { dataset: "files" }).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["GQL200"]);
  });

  const objectMethods: Dataset = defineDataset({
    name: "objectMethods",
    fields: {
      // Names of Object.prototype members take their contextual type from Object, so the literal types are spelled out.
      hasOwnProperty: "string" as const,
      toString: "string" as const,
      valueOf: "number" as const,
      isPrototypeOf: "boolean" as const,
      __defineGetter__: "string" as const,
      "meta.toString": "string",
    },
  });

  const cases: [query: string, event: unknown, expected: boolean][] = [
    ["hasOwnProperty = x", {}, false],
    ["hasOwnProperty IS NULL", {}, true],
    ["hasOwnProperty = x", { hasOwnProperty: "X" }, true],
    ["toString IS NULL", {}, true],
    ["toString = abc", { toString: "abc" }, true],
    ["toString != abc", {}, true],
    ["valueOf IS NOT NULL", {}, false],
    ["valueOf > 1", { valueOf: 2 }, true],
    ["isPrototypeOf = true", {}, false],
    ["__defineGetter__ IS NULL", {}, true],
    ["meta.toString IS NULL", { meta: {} }, true],
    ["meta.toString = a", { meta: { toString: "a" } }, true],
    ["meta.toString IS NULL", { meta: "text" }, true],
  ];
  for (const [query, event, expected] of cases) {
    it(`${query} on ${JSON.stringify(event)}`, () => {
      for (const mode of ["generated", "closure"] as const) {
        expect(compile(query, { dataset: objectMethods, mode })(event), mode).toBe(expected);
      }
    });
  }

  it("does not read fields through a __proto__ key in JSON", () => {
    const event: unknown = JSON.parse('{"__proto__": {"name": "x", "flow": "CLASSIFICATION"}}');
    for (const mode of ["generated", "closure"] as const) {
      expect(compile("name = x", { dataset: "files", mode })(event), mode).toBe(false);
      expect(compile("flow = CLASSIFICATION", { dataset: "files", mode })(event), mode).toBe(false);
      expect(compile("name IS NULL", { dataset: "files", mode })(event), mode).toBe(true);
    }
  });
});

describe("a polluted Object.prototype", () => {
  const prototype = Object.prototype as Record<string, unknown>;

  it("does not make flow = X match an event without its own flow", () => {
    try {
      prototype.flow = "CLASSIFICATION";
      for (const mode of ["generated", "closure"] as const) {
        const predicate = compile("flow = CLASSIFICATION", { dataset: "files", mode });
        expect(predicate({}), mode).toBe(false);
        expect(predicate({ name: "x" }), mode).toBe(false);
        expect(predicate({ flow: "CLASSIFICATION" }), mode).toBe(true);
        expect(compile("flow IS NULL", { dataset: "files", mode })({}), mode).toBe(true);
      }
    } finally {
      delete prototype.flow;
    }
  });

  it("does not fill in nested fields", () => {
    try {
      prototype.path = "/polluted";
      prototype.file = { path: "/polluted" };
      for (const mode of ["generated", "closure"] as const) {
        const predicate = compile("file.path = /polluted", { dataset: "activity", mode });
        expect(predicate({}), mode).toBe(false);
        expect(predicate({ file: {} }), mode).toBe(false);
        expect(predicate({ file: { path: "/polluted" } }), mode).toBe(true);
      }
    } finally {
      delete prototype.path;
      delete prototype.file;
    }
  });

  it("stays clean after compiling and running queries on __proto__ events", () => {
    const event: unknown = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}');
    for (const mode of ["generated", "closure"] as const) compile("name = x AND tags ~ a", { dataset: "files", mode })(event);
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** Counts calls of the String methods that the wildcard matchers use while `action` runs. */
function countStringCalls(action: () => void): number {
  const methods = ["startsWith", "endsWith", "indexOf", "includes", "charCodeAt"] as const;
  const stringPrototype = String.prototype as unknown as Record<string, (...parameters: unknown[]) => unknown>;
  const originals = methods.map((method) => stringPrototype[method] as (...parameters: unknown[]) => unknown);
  let calls = 0;
  try {
    methods.forEach((method, index) => {
      const original = originals[index] as (...parameters: unknown[]) => unknown;
      stringPrototype[method] = function (this: string, ...parameters: unknown[]): unknown {
        calls++;
        return original.apply(this, parameters);
      };
    });
    action();
  } finally {
    methods.forEach((method, index) => {
      stringPrototype[method] = originals[index] as (...parameters: unknown[]) => unknown;
    });
  }
  return calls;
}

describe("evaluation cost", () => {
  const length = 100_000;
  const longA = "a".repeat(length);

  it("runs a nested-quantifier regex on 100,000 characters", () => {
    for (const mode of ["generated", "closure"] as const) {
      const predicate = compile('name =~ "(a+)+$"', { dataset: "files", mode });
      expect(predicate({ name: `${longA}b` }), mode).toBe(false);
      expect(predicate({ name: longA }), mode).toBe(true);
      const anchored = compile('name =~ "^(a|aa)+c"', { dataset: "files", mode });
      expect(anchored({ name: longA }), mode).toBe(false);
    }
  });

  const patterns: [pattern: string, text: string, expected: boolean][] = [
    ["*a*a*a*a*a*b", longA, false],
    ["*a*a*a*a*a*b", `${longA}b`, true],
    ["*a*a*a*a*a?b", longA, false],
    ["*a?a*a?a*a*a?b", longA, false],
    ["*a?a*a?a*a*a?b", `${longA}cb`, true],
    ["a*a*a*a*a*?", longA, true],
    ["*?*?*?*?*?*b", longA, false],
  ];
  for (const [pattern, text, expected] of patterns) {
    it(`matches ${pattern} on ${text.length} characters in linear steps`, () => {
      for (const mode of ["generated", "closure"] as const) {
        const predicate = compile(`name ~ ${encodeString(pattern)}`, { dataset: "files", mode });
        let result: boolean | undefined;
        const calls = countStringCalls(() => {
          result = predicate({ name: text });
        });
        expect(result, mode).toBe(expected);
        // One pass per piece over the text at most, with a few calls per step.
        expect(calls, mode).toBeLessThan(4 * text.length * pattern.length);
      }
    });
  }

  it("keeps a star-only pattern to a few calls per piece", () => {
    const predicate = compile('name ~ "*a*a*a*a*a*b"', { dataset: "files" });
    const calls = countStringCalls(() => {
      predicate({ name: longA });
    });
    expect(calls).toBeLessThan(50);
  });
});
