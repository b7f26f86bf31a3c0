/**
 * The index of one event field: lower-case value to the queries that require the field to have that
 * value. Buckets are sets, so adding and removing a query costs one set operation per value.
 */

export class FieldIndex<Entry> {
  /** Number of queries indexed by this field, each counted once however many values it lists. */
  queryCount = 0;
  readonly buckets = new Map<string, Set<Entry>>();

  constructor(
    readonly path: string,
    readonly segments: readonly string[],
  ) {}

  insert(entry: Entry, values: Iterable<string>): void {
    for (const value of values) {
      let bucket = this.buckets.get(value);
      if (bucket === undefined) {
        bucket = new Set();
        this.buckets.set(value, bucket);
      }
      bucket.add(entry);
    }
    this.queryCount++;
  }

  delete(entry: Entry, values: Iterable<string>): void {
    for (const value of values) {
      const bucket = this.buckets.get(value);
      if (bucket === undefined) continue;
      bucket.delete(entry);
      if (bucket.size === 0) this.buckets.delete(value);
    }
    this.queryCount--;
  }

  /**
   * Reads the field from an event by plain property access. The predicates read only own properties
   * of plain objects, so this returns every value they can see, and inherited values or values inside
   * arrays only add candidates that their predicates then reject. May throw when the event is a Proxy
   * or has a getter that throws.
   */
  read(event: unknown): unknown {
    let value = event;
    for (const segment of this.segments) {
      if (value === null || typeof value !== "object") return undefined;
      value = (value as Record<string, unknown>)[segment];
    }
    return value;
  }
}
