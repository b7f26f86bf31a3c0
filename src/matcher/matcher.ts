/**
 * The matcher: many compiled queries over one dataset, each under a string id, evaluated together
 * against each event. Each query is indexed by a field value it requires, so `match` tests only the
 * queries whose required value the event has, plus the queries with no such requirement.
 */
import { compileChecked, type Predicate } from "../compiler/compile.js";
import { resolveDataset, type BuiltinDatasetName } from "../datasets/define.js";
import type { Dataset } from "../datasets/dataset.js";
import { codes } from "../diagnostics/codes.js";
import { quote } from "../diagnostics/quote.js";
import { GqlError } from "../errors.js";
import { resolveLimits, type Limits } from "../limits.js";
import { FieldIndex } from "./field-index.js";
import { chooseRequirement, findRequirements, type Requirement } from "./requirements.js";

export interface MatcherOptions {
  /** A built-in dataset name (`files`, `activity`, `streaming`) or a dataset from `defineDataset`; every query is checked against it. */
  dataset: BuiltinDatasetName | Dataset;
  /**
   * Returns the current time in epoch milliseconds for relative times such as `now-7d`; default
   * `Date.now`. `match` calls it at most once per event, so every query sees the same time.
   */
  now?: () => number;
  /** Limits applied to each query, as in `compile`. */
  limits?: Partial<Limits>;
  /** The predicate build mode, as in `compile`: `"generated"` (default), or `"closure"` for runtimes that forbid eval. */
  mode?: "generated" | "closure";
}

/**
 * The way the matcher finds a query for an event. With `indexed`, the query is tested only for events
 * whose `field`, lower-cased, is one of `values`, and for a string list field, only when some element
 * is. An empty `values` means that the query can never be true. With `fallback`, the query is tested
 * for every event.
 */
/**
 * How `match` finds a query: through the index of a field value it requires (and, with `with`, of a
 * second required field value, combined into one key), or by testing it on every event.
 */
export type QueryPlan =
  | { kind: "indexed"; field: string; values: readonly string[]; with?: { field: string; values: readonly string[] } }
  | { kind: "fallback" };

/** Two requirements are combined into one index key only when they give at most this many keys. */
const maxCombinedKeys = 64;

/** Many queries over one dataset, each under a string id, matched against events together. */
export interface Matcher {
  /**
   * Compiles a query and adds it under `id`. Throws `GqlError` when the query is invalid (the error
   * of `compile`, with every diagnostic), or with code GQL902 when `id` is already in use or is not a
   * string. The matcher is unchanged when it throws.
   */
  add(id: string, query: string): void;
  /** Removes the query under `id`, and returns whether there was one. */
  remove(id: string): boolean;
  /**
   * Compiles a query and puts it in place of the query under `id`, which keeps its position in
   * `ids()`. Throws `GqlError` when the query is invalid, or with code GQL902 when no query has that
   * id. The old query stays in place when it throws.
   */
  replace(id: string, query: string): void;
  has(id: string): boolean;
  /** Number of queries. */
  readonly size: number;
  /** The ids in insertion order: the order of `add` calls, where `replace` keeps the position. */
  ids(): string[];
  /**
   * Returns the ids of every query that is true for the event, in the order of `ids()`. Gives the same
   * ids as calling each query's `compile` predicate on the event with the time that `now` returned
   * for this call, and never throws.
   * NOTE: an event whose getters or Proxy traps return different values on each read can give other
   * ids, because the matcher reads an indexed field once and the predicates read it again.
   */
  match(event: unknown): string[];
  /** Returns how `match` finds the query under `id`, or `undefined` when there is no such query. */
  plan(id: string): QueryPlan | undefined;
}

/** A compiled query text, shared by every id that uses the same text. */
interface CompiledQuery {
  readonly source: string;
  readonly predicate: Predicate;
  readonly requirements: readonly Requirement[];
  /** Number of registrations that use it; it is dropped from the cache at zero. */
  references: number;
}

/** One id in the matcher. */
interface Registration {
  readonly id: string;
  /** Position in insertion order, increasing. */
  readonly order: number;
  query: CompiledQuery;
  /** The field index it is in, or `undefined` when it is in the fallback set. */
  index: FieldIndex<Registration> | undefined;
  /** The requirement it is indexed by, or `undefined` when it is in the fallback set. */
  requirement: Requirement | undefined;
  /** A second requirement combined with the first into the index keys, if any. */
  secondRequirement: Requirement | undefined;
  /** The keys it is filed under in its index. */
  keys: readonly string[];
  /** The number of the last `match` call that tested it, so that a list event tests it only once. */
  stamp: number;
}

const optionKeys = new Set(["dataset", "now", "limits", "mode"]);

/**
 * Creates a matcher for the queries of one dataset. Throws `GqlError` for an unknown dataset
 * (GQL901) or an invalid option or limit (GQL902).
 */
export function createMatcher(options: MatcherOptions): Matcher {
  validateOptions(options);
  return new QueryMatcher(options);
}

function validateOptions(options: MatcherOptions): void {
  if (options === null || typeof options !== "object") {
    throw new GqlError("createMatcher expects an options object with a dataset.", { code: codes.invalidOption });
  }
  for (const key of Object.keys(options)) {
    if (!optionKeys.has(key)) {
      throw new GqlError(`Unknown option ${quote(key)}; the options are ${[...optionKeys].join(", ")}.`, { code: codes.invalidOption });
    }
  }
  if (options.now !== undefined && typeof options.now !== "function") {
    throw new GqlError("The now option must be a function that returns epoch milliseconds.", { code: codes.invalidOption });
  }
  if (options.mode !== undefined && options.mode !== "generated" && options.mode !== "closure") {
    throw new GqlError(`Unknown mode ${quote(String(options.mode))}; use "generated" or "closure".`, { code: codes.invalidOption });
  }
  resolveLimits(options.limits);
}

/**
 * A clock that reads the `now` option once and returns that time until `reset`, so that all queries
 * tested for one event see the same time. A clock that throws is read again on the next call.
 */
class SharedClock {
  private value = 0;
  private read = false;

  constructor(private readonly source: () => number) {}

  readonly now = (): number => {
    if (!this.read) {
      this.value = this.source();
      this.read = true;
    }
    return this.value;
  };

  reset(): void {
    this.read = false;
  }
}

class QueryMatcher implements Matcher {
  private readonly dataset: Dataset;
  private readonly limits: Partial<Limits> | undefined;
  private readonly mode: "generated" | "closure" | undefined;
  private readonly clock: SharedClock;
  private readonly registrations = new Map<string, Registration>();
  /** Compiled queries by query text. The texts are checked against one dataset with one clock, so sharing them is safe. */
  private readonly compiledBySource = new Map<string, CompiledQuery>();
  private readonly indexes = new Map<string, FieldIndex<Registration>>();
  private readonly fallback = new Set<Registration>();
  private nextOrder = 0;
  private matchCount = 0;

  constructor(options: MatcherOptions) {
    this.dataset = resolveDataset(options.dataset);
    this.limits = options.limits;
    this.mode = options.mode;
    this.clock = new SharedClock(options.now ?? Date.now);
  }

  get size(): number {
    return this.registrations.size;
  }

  add(id: string, query: string): void {
    validateId(id);
    if (this.registrations.has(id)) {
      throw new GqlError(`A query with the id ${quote(id)} is already in the matcher; use replace to change it, or remove it first.`, {
        code: codes.invalidOption,
      });
    }
    const compiled = this.acquire(query);
    const registration: Registration = { id, order: this.nextOrder++, query: compiled, index: undefined, requirement: undefined, secondRequirement: undefined, keys: [], stamp: 0 };
    this.insert(registration);
    this.registrations.set(id, registration);
  }

  remove(id: string): boolean {
    const registration = this.registrations.get(id);
    if (registration === undefined) return false;
    this.detach(registration);
    this.release(registration.query);
    this.registrations.delete(id);
    return true;
  }

  replace(id: string, query: string): void {
    validateId(id);
    const registration = this.registrations.get(id);
    if (registration === undefined) {
      throw new GqlError(`No query with the id ${quote(id)} is in the matcher; use add to add it.`, { code: codes.invalidOption });
    }
    const compiled = this.acquire(query);
    this.detach(registration);
    this.release(registration.query);
    registration.query = compiled;
    this.insert(registration);
  }

  has(id: string): boolean {
    return this.registrations.has(id);
  }

  ids(): string[] {
    return [...this.registrations.keys()];
  }

  plan(id: string): QueryPlan | undefined {
    const registration = this.registrations.get(id);
    if (registration === undefined) return undefined;
    const requirement = registration.requirement;
    if (requirement === undefined) return { kind: "fallback" };
    const plan: QueryPlan = { kind: "indexed", field: requirement.field.path, values: [...requirement.values].sort() };
    const second = registration.secondRequirement;
    if (second !== undefined) plan.with = { field: second.field.path, values: [...second.values].sort() };
    return plan;
  }

  match(event: unknown): string[] {
    const stamp = ++this.matchCount;
    const matched: Registration[] = [];
    this.clock.reset();
    for (const index of this.indexes.values()) {
      this.testIndexed(index, event, stamp, matched);
    }
    for (const registration of this.fallback) {
      if (registration.query.predicate(event)) matched.push(registration);
    }
    if (matched.length > 1) matched.sort((left, right) => left.order - right.order);
    return matched.map((registration) => registration.id);
  }

  /** Tests the queries in the buckets of the event's value of the index's field. */
  private testIndexed(index: FieldIndex<Registration>, event: unknown, stamp: number, matched: Registration[]): void {
    for (const key of index.keys(event)) this.testBucket(index.buckets.get(key), event, stamp, matched);
  }

  private testBucket(bucket: Set<Registration> | undefined, event: unknown, stamp: number, matched: Registration[]): void {
    if (bucket === undefined) return;
    for (const registration of bucket) {
      if (registration.stamp === stamp) continue;
      registration.stamp = stamp;
      if (registration.query.predicate(event)) matched.push(registration);
    }
  }

  /** Returns the compiled query for a text, compiling it on first use. Throws the `compile` error. */
  private acquire(query: string): CompiledQuery {
    if (typeof query !== "string") {
      throw new GqlError(`The query must be a string, not ${typeof query}.`, { code: codes.invalidOption });
    }
    const cached = this.compiledBySource.get(query);
    if (cached !== undefined) {
      cached.references++;
      return cached;
    }
    const options = { dataset: this.dataset, limits: this.limits, now: this.clock.now, mode: this.mode };
    const { predicate, bound } = compileChecked(query, options);
    const requirements = findRequirements(bound);
    const compiled: CompiledQuery = { source: query, predicate, requirements, references: 1 };
    this.compiledBySource.set(query, compiled);
    return compiled;
  }

  private release(compiled: CompiledQuery): void {
    compiled.references--;
    if (compiled.references === 0) this.compiledBySource.delete(compiled.source);
  }

  /** Puts a registration into the index of its most selective requirement, or into the fallback set. */
  /**
   * Puts a registration into the index of its most selective requirement, combined with the next
   * most selective one on another field when that gives few keys, or into the fallback set.
   */
  private insert(registration: Registration): void {
    const requirements = registration.query.requirements;
    const shared = (path: string): number => this.indexes.get(path)?.queryCount ?? 0;
    const requirement = chooseRequirement(requirements, shared);
    if (requirement === undefined) {
      this.fallback.add(registration);
      return;
    }
    const second = chooseRequirement(
      requirements.filter((other) => other.field.path !== requirement.field.path && other.values.size * requirement.values.size <= maxCombinedKeys),
      shared,
    );
    const parts = second === undefined ? [requirement] : [requirement, second].sort((a, b) => (a.field.path < b.field.path ? -1 : 1));
    const path = parts.map((part) => part.field.path).join("+");
    let keys = [...(parts[0] as Requirement).values];
    if (parts.length === 2) keys = keys.flatMap((key) => [...(parts[1] as Requirement).values].map((value) => `${key}\u0000${value}`));
    let index = this.indexes.get(path);
    if (index === undefined) {
      index = new FieldIndex<Registration>(path, parts.map((part) => part.field.segments));
      this.indexes.set(path, index);
    }
    registration.index = index;
    registration.requirement = requirement;
    registration.secondRequirement = second;
    registration.keys = keys;
    index.insert(registration, keys);
  }

  private detach(registration: Registration): void {
    const index = registration.index;
    if (index === undefined) {
      this.fallback.delete(registration);
      return;
    }
    index.delete(registration, registration.keys);
    if (index.queryCount === 0) this.indexes.delete(index.path);
    registration.index = undefined;
    registration.requirement = undefined;
    registration.secondRequirement = undefined;
    registration.keys = [];
  }
}

function validateId(id: unknown): void {
  if (typeof id !== "string") {
    throw new GqlError(`The query id must be a string, not ${typeof id}.`, { code: codes.invalidOption });
  }
}
