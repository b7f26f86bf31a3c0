import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/checker/check.js";
import { evaluate } from "../src/evaluator/evaluate.js";
import { check, compile, format, GqlError, parse, type Predicate } from "../src/index.js";
import {
  FIXED_NOW,
  allQueryFields,
  condition,
  eventFor,
  kindOf,
  patternSource,
  query,
  queryWithEvents,
  tokenSoup,
  valueLiteral,
  wildcardPattern,
  withoutSpans,
  type GeneratedQuery,
  type Seeds,
} from "./support/arbitraries.js";

const now = (): number => FIXED_NOW;

function compileBoth(text: string): { generated: Predicate; closure: Predicate } {
  return {
    generated: compile(text, { dataset: "files", now }),
    closure: compile(text, { dataset: "files", now, mode: "closure" }),
  };
}

function mergeSeeds(...parts: Seeds[]): Seeds {
  const merged: Seeds = {};
  for (const part of parts) {
    for (const [path, values] of Object.entries(part)) merged[path] = [...(merged[path] ?? []), ...values];
  }
  return merged;
}

/** Calls a function and returns what it threw, or `undefined` when it returned. */
function thrownBy(action: () => unknown): unknown {
  try {
    action();
    return undefined;
  } catch (caught) {
    return caught;
  }
}

describe("generated queries", () => {
  it("parse and check without diagnostics", () => {
    fc.assert(
      fc.property(query, (generated) => {
        expect(parse(generated.text).diagnostics).toEqual([]);
        expect(check(generated.text, { dataset: "files", lints: false }).diagnostics).toEqual([]);
        expect(check(generated.text, { dataset: "files" }).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("make a reasonable share of events match", () => {
    const samples = fc.sample(queryWithEvents({}, 4), { numRuns: 400, seed: 20240310 });
    let matches = 0;
    let total = 0;
    let queriesWithBothOutcomes = 0;
    for (const { query: generated, events } of samples) {
      const predicate = compile(generated.text, { dataset: "files", now });
      const results = events.map((event) => predicate(event));
      matches += results.filter(Boolean).length;
      total += results.length;
      if (results.includes(true) && results.includes(false)) queriesWithBothOutcomes++;
    }
    expect(matches / total).toBeGreaterThan(0.2);
    expect(matches / total).toBeLessThan(0.8);
    expect(queriesWithBothOutcomes).toBeGreaterThan(samples.length / 10);
  });

  it("make positive matches happen for every operator", () => {
    // Each operator as it appears in upper-cased text with single spaces.
    const spellings: Record<string, RegExp> = {
      "=": / ==? /,
      "!=": / (?:!=|<>) /,
      IN: /(?<! NOT) IN \(/,
      "NOT IN": / NOT IN \(/,
      "~": / ~ /,
      "!~": / !~ /,
      "=~": / =~ /,
      "<": / <=? /,
      ">": / >=? /,
      BETWEEN: / BETWEEN /,
      "IS NULL": / IS NULL(?: |\)|$)/,
      "IS NOT NULL": / IS NOT NULL(?: |\)|$)/,
    };
    const seenTrue = new Set<string>();
    const samples = fc.sample(
      condition.chain((generated) => eventFor(generated.seeds).map((event) => ({ generated, event }))),
      { numRuns: 2000, seed: 7 },
    );
    for (const { generated, event } of samples) {
      if (!compile(generated.text, { dataset: "files", now })(event)) continue;
      const upper = generated.text.toUpperCase().replace(/\s+/g, " ");
      for (const [operator, spelling] of Object.entries(spellings)) {
        if (spelling.test(upper)) seenTrue.add(operator);
      }
    }
    expect([...seenTrue].sort()).toEqual(Object.keys(spellings).sort());
  });
});

describe("format", () => {
  it("gives text that parses to the same tree", () => {
    fc.assert(
      fc.property(query, (generated) => {
        const original = parse(generated.text);
        const formatted = format(generated.text);
        const reparsed = parse(formatted);
        expect(reparsed.diagnostics).toEqual([]);
        expect(withoutSpans(reparsed.ast)).toEqual(withoutSpans(original.ast));
      }),
      { numRuns: 400 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(query, (generated) => {
        const formatted = format(generated.text);
        expect(format(formatted)).toBe(formatted);
      }),
      { numRuns: 300 },
    );
  });

  it("with a dataset keeps the meaning and is idempotent", () => {
    fc.assert(
      fc.property(queryWithEvents({}, 3), ({ query: generated, events }) => {
        const formatted = format(generated.text, { dataset: "files" });
        expect(format(formatted, { dataset: "files" })).toBe(formatted);
        const before = compile(generated.text, { dataset: "files", now });
        const after = compile(formatted, { dataset: "files", now });
        for (const event of events) expect(after(event)).toBe(before(event));
      }),
      { numRuns: 200 },
    );
  });
});

describe("parse on any text", () => {
  const anyUnicode = fc.string({ maxLength: 40, unit: "binary" });
  const withLoneSurrogates = fc.string({
    maxLength: 30,
    unit: fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), fc.constantFrom("(", ")", '"', "\\", " ")),
  });
  const text = fc.oneof(anyUnicode, withLoneSurrogates, tokenSoup);

  it("never throws and keeps ranges inside the text", () => {
    fc.assert(
      fc.property(text, (source) => {
        const result = parse(source);
        expect(result.ast.type).toBe("Query");
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(diagnostic.range.end.offset).toBeLessThanOrEqual(source.length);
          expect(diagnostic.range.start.offset).toBeLessThanOrEqual(diagnostic.range.end.offset);
        }
        if (result.diagnostics.length === 0) expect(result.ast.body).not.toBeNull();
      }),
      { numRuns: 1500 },
    );
  });

  it("check, compile and format throw only GqlError", () => {
    fc.assert(
      fc.property(text, (source) => {
        const checked = thrownBy(() => check(source, { dataset: "files" }));
        expect(checked).toBeUndefined();
        const compiled = thrownBy(() => compile(source, { dataset: "files" })(null));
        if (compiled !== undefined) expect(compiled).toBeInstanceOf(GqlError);
        const formatted = thrownBy(() => format(source));
        if (formatted !== undefined) expect(formatted).toBeInstanceOf(GqlError);
        const formattedWithDataset = thrownBy(() => format(source, { dataset: "files" }));
        if (formattedWithDataset !== undefined) expect(formattedWithDataset).toBeInstanceOf(GqlError);
      }),
      { numRuns: 800 },
    );
  });

  it("rejects a compile of any text exactly when check reports an error", () => {
    fc.assert(
      fc.property(text, (source) => {
        const ok = check(source, { dataset: "files" }).ok;
        const error = thrownBy(() => compile(source, { dataset: "files" }));
        expect(error === undefined).toBe(ok);
      }),
      { numRuns: 500 },
    );
  });
});

describe("laws of negation", () => {
  const pair = fc.tuple(query, query).chain(([a, b]) =>
    fc.array(eventFor(mergeSeeds(a.seeds, b.seeds)), { minLength: 1, maxLength: 6 }).map((events) => ({ a, b, events })),
  );

  it("NOT (a AND b) equals NOT a OR NOT b", () => {
    fc.assert(
      fc.property(pair, ({ a, b, events }) => {
        const left = compile(`NOT ((${a.text}) AND (${b.text}))`, { dataset: "files", now });
        const right = compile(`NOT (${a.text}) OR NOT (${b.text})`, { dataset: "files", now });
        for (const event of events) expect(left(event)).toBe(right(event));
      }),
      { numRuns: 150 },
    );
  });

  it("NOT (a OR b) equals NOT a AND NOT b", () => {
    fc.assert(
      fc.property(pair, ({ a, b, events }) => {
        const left = compile(`NOT ((${a.text}) OR (${b.text}))`, { dataset: "files", now });
        const right = compile(`NOT (${a.text}) AND NOT (${b.text})`, { dataset: "files", now });
        for (const event of events) expect(left(event)).toBe(right(event));
      }),
      { numRuns: 150 },
    );
  });

  it("NOT q is the complement of q", () => {
    fc.assert(
      fc.property(queryWithEvents({ emptyArraysInScalars: true }), ({ query: generated, events }) => {
        const positive = compile(generated.text, { dataset: "files", now });
        const negative = compile(`NOT (${generated.text})`, { dataset: "files", now });
        for (const event of events) expect(negative(event)).toBe(!positive(event));
      }),
      { numRuns: 150 },
    );
  });

  // Pairs of a positive condition and its negative spelling: = and !=, ~ and !~, IN and NOT IN, IS NULL and IS NOT NULL.
  const opposites: fc.Arbitrary<{ positive: string; negative: string; seeds: Seeds }> = fc.constantFrom(...allQueryFields).chain((path) => {
    const kind = kindOf(path);
    const shapes: fc.Arbitrary<{ positive: string; negative: string; seeds: Seeds }>[] = [
      valueLiteral(path).map((literal) => ({ positive: `${path} = ${literal.text}`, negative: `${path} != ${literal.text}`, seeds: { [path]: literal.seeds } })),
      fc.array(valueLiteral(path), { minLength: 1, maxLength: 3 }).map((literals) => {
        const list = literals.map((literal) => literal.text).join(", ");
        return { positive: `${path} IN (${list})`, negative: `${path} NOT IN (${list})`, seeds: { [path]: literals.flatMap((literal) => literal.seeds) } };
      }),
      fc.constant({ positive: `${path} IS NULL`, negative: `${path} IS NOT NULL`, seeds: {} }),
    ];
    if (kind === "string" || kind === "stringList" || kind === "enum" || kind === "orderedEnum") {
      shapes.push(
        patternSource(path).chain((source) =>
          wildcardPattern(source).map((pattern) => {
            const quoted = JSON.stringify(pattern);
            return { positive: `${path} ~ ${quoted}`, negative: `${path} !~ ${quoted}`, seeds: { [path]: [source] } };
          }),
        ),
      );
    }
    return fc.oneof(...shapes);
  });

  it("x != v equals NOT x = v for every negative operator", () => {
    fc.assert(
      fc.property(
        opposites.chain((pairOfConditions) =>
          fc.array(eventFor(pairOfConditions.seeds, { emptyArraysInScalars: true }), { minLength: 1, maxLength: 8 }).map((events) => ({ ...pairOfConditions, events })),
        ),
        ({ positive, negative, events }) => {
          const spelledNegative = compileBoth(negative);
          const notPositive = compileBoth(`NOT ${positive}`);
          const positivePredicate = compileBoth(positive);
          for (const event of events) {
            expect(spelledNegative.generated(event)).toBe(notPositive.generated(event));
            expect(spelledNegative.generated(event)).toBe(!positivePredicate.generated(event));
            expect(spelledNegative.closure(event)).toBe(!positivePredicate.closure(event));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("compiled predicate", () => {
  function assertAgreement(generated: GeneratedQuery, events: Record<string, unknown>[]): void {
    const analysis = analyze(generated.text, { dataset: "files" });
    expect(analysis.ok).toBe(true);
    const bound = analysis.bound;
    if (bound === undefined) throw new Error(`No bound tree for ${generated.text}`);
    const { generated: predicate, closure } = compileBoth(generated.text);
    for (const event of events) {
      const expected = evaluate(bound, event, FIXED_NOW);
      expect(predicate(event)).toBe(expected);
      expect(closure(event)).toBe(expected);
    }
  }

  it("agrees with the reference evaluator", () => {
    fc.assert(
      fc.property(queryWithEvents(), ({ query: generated, events }) => assertAgreement(generated, events)),
      { numRuns: 500 },
    );
  });

  it("agrees with the reference evaluator when scalar fields hold empty arrays", () => {
    fc.assert(
      fc.property(queryWithEvents({ emptyArraysInScalars: true }), ({ query: generated, events }) => assertAgreement(generated, events)),
      { numRuns: 300 },
    );
  });

  it("calls now at each evaluation of a relative time", () => {
    fc.assert(
      fc.property(fc.constantFrom("createdAt", "modifiedAt"), fc.integer({ min: 1, max: 30 }), fc.constantFrom("generated", "closure") as fc.Arbitrary<"generated" | "closure">, (path, days, mode) => {
        let clock = FIXED_NOW;
        let calls = 0;
        const predicate = compile(`${path} > now-${days}d`, {
          dataset: "files",
          mode,
          now: () => {
            calls++;
            return clock;
          },
        });
        const event = { [path]: FIXED_NOW - days * 86_400_000 + 1 };
        expect(predicate(event)).toBe(true);
        clock += 2;
        expect(predicate(event)).toBe(false);
        expect(calls).toBe(2);
      }),
      { numRuns: 30 },
    );
  });
});

describe("predicate on arbitrary input", () => {
  function throwingProxy(): object {
    const fail = (): never => {
      throw new Error("trap");
    };
    return new Proxy({}, { get: fail, has: fail, getOwnPropertyDescriptor: fail, ownKeys: fail, getPrototypeOf: fail });
  }

  function revokedProxy(): object {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }

  function deepObject(depth: number): object {
    let value: Record<string, unknown> = { name: "deep" };
    for (let level = 0; level < depth; level++) value = { child: value, name: `level${level}` };
    return value;
  }

  function throwingGetters(): object {
    const event: Record<string, unknown> = {};
    for (const path of allQueryFields) {
      Object.defineProperty(event, path, {
        enumerable: true,
        get() {
          throw new Error("getter");
        },
      });
    }
    return event;
  }

  function withPrototype(): object {
    return Object.create({ name: "report.pdf", flow: "CLASSIFICATION", riskScore: 50, tags: ["GDPR"] });
  }

  const strange = fc.oneof(
    fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBigInt: true,
      withObjectString: true,
      stringUnit: "binary",
    }),
    fc.dictionary(fc.constantFrom(...allQueryFields), fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withBoxedValues: true })),
  );

  // Proxies are built inside the property: fast-check inspects generated values, which a revoked or
  // throwing Proxy does not allow.
  const makers: readonly (() => unknown)[] = [throwingProxy, revokedProxy, () => deepObject(5000), throwingGetters, withPrototype, () => [], () => [{}], () => Object.create(null)];

  it("never throws and returns a boolean", () => {
    fc.assert(
      fc.property(query, fc.array(strange, { minLength: 1, maxLength: 5 }), (generated, values) => {
        const { generated: predicate, closure } = compileBoth(generated.text);
        for (const value of [...values, ...makers.map((make) => make())]) {
          expect(typeof predicate(value)).toBe("boolean");
          expect(typeof closure(value)).toBe("boolean");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("returns false for a Proxy whose traps throw, even for negative conditions", () => {
    fc.assert(
      fc.property(query, (generated) => {
        const { generated: predicate, closure } = compileBoth(generated.text);
        expect(predicate(throwingProxy())).toBe(false);
        expect(closure(throwingProxy())).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
