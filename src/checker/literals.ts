/** Reading literals as the type of the field they are compared with. */
import type { Literal } from "../ast/nodes.js";
import { codes } from "../diagnostics/codes.js";
import { error, type Problem } from "../diagnostics/problem.js";
import { listWords, quote } from "../diagnostics/quote.js";
import { closestMatch } from "../diagnostics/suggest.js";
import type { ResolvedField } from "../datasets/dataset.js";
import type { FieldType } from "../datasets/types.js";
import { parseNumber, parseSize } from "../values/numbers.js";
import { parseTimestampLiteral, type TimestampLiteral } from "../values/time.js";

/** A type as a noun phrase for messages: "a size in bytes", "an ordered enum". */
export function typePhrase(type: FieldType): string {
  switch (type.kind) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "size":
      return "a size in bytes";
    case "boolean":
      return "a boolean";
    case "timestamp":
      return "a timestamp";
    case "enum":
      return type.ordered ? "an ordered enum" : "an enum";
    case "stringList":
      return "a list of strings";
  }
}

/** A literal that recovery invented for a missing value; it was reported already. */
export function isMissing(literal: Literal): boolean {
  return literal.span.start === literal.span.end && literal.text === "";
}

/** Collects problems for one field and reads its literals. Each reader returns `undefined` after reporting. */
export class LiteralReader {
  constructor(
    private readonly field: ResolvedField,
    private readonly problems: Problem[],
  ) {}

  private fail(code: string, literal: Literal, reason: string): undefined {
    this.problems.push(error(code, `${this.field.path} is ${typePhrase(this.field.type)}. ${quote(literal.text)} ${reason}`, literal.span));
    return undefined;
  }

  number(literal: Literal): number | undefined {
    const read = this.field.type.kind === "size" ? parseSize(literal.text) : parseNumber(literal.text);
    if (read.ok) return read.value;
    if (read.unsafe === true) return this.fail(codes.unsafeNumber, literal, read.message);
    return this.fail(this.field.type.kind === "size" ? codes.invalidSize : codes.invalidNumber, literal, read.message);
  }

  boolean(literal: Literal): boolean | undefined {
    const lower = literal.text.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    return this.fail(codes.invalidBoolean, literal, "is not a boolean; write true or false.");
  }

  timestamp(literal: Literal): TimestampLiteral | undefined {
    const read = parseTimestampLiteral(literal.text);
    if (read.ok) return read.value;
    return this.fail(literal.form === "relative" ? codes.invalidRelativeTime : codes.invalidTimestamp, literal, read.message);
  }

  /** Returns the index of the label in declared order, matched ignoring case. */
  label(literal: Literal): number | undefined {
    if (this.field.type.kind !== "enum") return undefined;
    const labels = this.field.type.labels;
    const lower = literal.text.toLowerCase();
    const index = labels.findIndex((label) => label.toLowerCase() === lower);
    if (index !== -1) return index;
    const closest = closestMatch(literal.text, labels);
    const suggestion = closest === undefined ? "" : ` Did you mean ${closest}?`;
    this.problems.push(
      error(
        codes.unknownEnumLabel,
        `${quote(literal.text)} is not a label of ${this.field.path}; the labels are ${listWords(labels, "and")}.${suggestion}`,
        literal.span,
        closest === undefined ? undefined : [{ message: `Replace with ${closest}.`, span: literal.span, replacement: closest }],
      ),
    );
    return undefined;
  }
}
