import { inspect } from "node:util";

/**
 * An event that a table row builds when its test runs, with a label for the test title. Proxies
 * and objects with prototypes cannot be printed faithfully, and some must not be built early.
 */
export class DescribedEvent {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}
}

export function described(label: string, make: () => unknown): DescribedEvent {
  return new DescribedEvent(label, make);
}

/** Returns the event of a row, building it when it is described. */
export function eventOf(value: unknown): unknown {
  return value instanceof DescribedEvent ? value.make() : value;
}

/** Prints an event on one line for a test title. */
export function showEvent(value: unknown): string {
  if (value instanceof DescribedEvent) return value.label;
  return inspect(value, { breakLength: Number.POSITIVE_INFINITY, depth: 6, compact: true });
}

/** Builds a Proxy whose every trap throws, like an event object that fails on any access. */
export function throwingProxy(): object {
  const fail = (): never => {
    throw new Error("Proxy trap called");
  };
  return new Proxy(
    {},
    { get: fail, has: fail, getOwnPropertyDescriptor: fail, ownKeys: fail, getPrototypeOf: fail, defineProperty: fail },
  );
}
