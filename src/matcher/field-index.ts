/**
 * The index of one event field, or of two fields together: lower-case value (for two fields, the two
 * values joined by a NUL character) to the queries that require the fields to have those values.
 * Buckets are sets, so adding and removing a query costs one set operation per key.
 */

export class FieldIndex<Entry> {
  /** Number of queries indexed by this field, each counted once however many values it lists. */
  queryCount = 0;
  readonly buckets = new Map<string, Set<Entry>>();

  constructor(
    /** The field path, or two paths joined by "+". */
    readonly path: string,
    /** The property names of each field. */
    readonly fields: readonly (readonly string[])[],
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
   * Returns the keys of an event: each string value of the field, or each string element of a list,
   * in lower case, and for two fields every pair of them. The fields are read by plain property
   * access. The predicates read only own properties of plain objects, so the keys cover every value
   * they can see, and inherited values or values inside arrays only add candidates that their
   * predicates then reject. Never throws. A read that throws (a Proxy, a getter) ends the values of
   * that field, because a predicate reading the same property returns false at that point, and a
   * list element that matched before it is still among the keys.
   */
  keys(event: unknown): string[] {
    let keys: string[] = [];
    for (let position = 0; position < this.fields.length; position++) {
      const texts = lowerTexts(event, this.fields[position] as readonly string[]);
      if (texts.length === 0) return [];
      keys = position === 0 ? texts : keys.flatMap((key) => texts.map((text) => `${key}\u0000${text}`));
    }
    return keys;
  }
}

/** Reads the string value of a field, or its string elements, in lower case, up to a read that throws. */
function lowerTexts(event: unknown, segments: readonly string[]): string[] {
  const texts: string[] = [];
  try {
    let value = event;
    for (const segment of segments) {
      if (value === null || typeof value !== "object") return texts;
      value = (value as Record<string, unknown>)[segment];
    }
    if (typeof value === "string") {
      texts.push(value.toLowerCase());
    } else if (Array.isArray(value)) {
      for (let position = 0; position < value.length; position++) {
        const element: unknown = value[position];
        if (typeof element === "string") texts.push(element.toLowerCase());
      }
    }
  } catch {
    // The values read before the throw are kept; see keys().
  }
  return texts;
}
