import type { Condition, Expression, Literal } from "../../ast/nodes.js";
import { codes } from "../../diagnostics/codes.js";
import type { Span } from "../../diagnostics/diagnostic.js";
import { quote } from "../../diagnostics/quote.js";
import type { Dataset } from "../../datasets/dataset.js";
import type { FieldType } from "../../datasets/types.js";
import { parseNumber, parseSize } from "../../values/numbers.js";
import { parseTimestampLiteral } from "../../values/time.js";
import { writtenText } from "./query-text.js";
import type { LintContext, LintRule } from "./rule.js";

/**
 * `repeated-condition` (GQL602): the same operand twice in one AND or OR, which changes nothing.
 * Operands count as the same when they differ only in spelling. That covers the case of field names,
 * keywords and enum labels, and the case of strings where the comparison ignores it. It also covers
 * number and size notation (`10MB` and `10000000`), the order of `IN` values and of operands inside
 * a group, and `!=` written as `NOT ... =`. The suggestion removes the repeat with its `AND` or `OR`.
 */
export const repeatedConditionRule: LintRule = {
  name: "repeated-condition",
  code: codes.repeatedCondition,
  run(context) {
    const body = context.ast.body;
    if (body === null) return;
    const keys = new Map<Expression, string>();
    visitGroups(body, (group) => {
      const firstByKey = new Map<string, number>();
      group.operands.forEach((operand, index) => {
        const key = expressionKey(operand, context.dataset, keys);
        const first = firstByKey.get(key);
        if (first === undefined) firstByKey.set(key, index);
        else reportRepeat(context, group, index, group.operands[first] as Expression);
      });
    });
  },
};

type Group = Extract<Expression, { type: "And" | "Or" }>;

function visitGroups(expression: Expression, visit: (group: Group) => void): void {
  if (expression.type === "And" || expression.type === "Or") {
    visit(expression);
    for (const operand of expression.operands) visitGroups(operand, visit);
  } else if (expression.type === "Not") {
    visitGroups(expression.operand, visit);
  }
}

/** Marks a key as negated; negating twice gives the key back. */
function negateKey(key: string): string {
  return key.startsWith("!") ? key.slice(1) : `!${key}`;
}

/** Computes a text that is equal for two expressions that differ only in spelling; `keys` caches it per node. */
function expressionKey(expression: Expression, dataset: Dataset, keys: Map<Expression, string>): string {
  const cached = keys.get(expression);
  if (cached !== undefined) return cached;
  let key: string;
  switch (expression.type) {
    case "And":
    case "Or":
      key = JSON.stringify([expression.type, ...expression.operands.map((operand) => expressionKey(operand, dataset, keys)).sort()]);
      break;
    case "Not":
      key = negateKey(expressionKey(expression.operand, dataset, keys));
      break;
    case "Invalid":
      key = JSON.stringify(["Invalid", expression.span.start]);
      break;
    default:
      key = conditionKey(expression, dataset);
  }
  keys.set(expression, key);
  return key;
}

function conditionKey(condition: Condition, dataset: Dataset): string {
  const field = dataset.field(condition.field.name);
  const path = field?.path ?? condition.field.name;
  const type = field?.type;
  switch (condition.type) {
    case "IsNull": {
      const key = JSON.stringify([path, "IS NULL"]);
      return condition.negated ? negateKey(key) : key;
    }
    case "In": {
      const key = JSON.stringify([path, "IN", ...sortedUnique(condition.values.map((value) => valueKey(value, type, "IN")))]);
      return condition.negated ? negateKey(key) : key;
    }
    case "Between":
      return JSON.stringify([path, "BETWEEN", valueKey(condition.low, type, "BETWEEN"), valueKey(condition.high, type, "BETWEEN")]);
    case "Comparison": {
      const operator = condition.operator;
      if (operator === "=" || operator === "!=") {
        const key = JSON.stringify([path, "IN", valueKey(condition.value, type, "IN")]);
        return operator === "!=" ? negateKey(key) : key;
      }
      if (operator === "!~") return negateKey(JSON.stringify([path, "~", valueKey(condition.value, type, "~")]));
      return JSON.stringify([path, operator, valueKey(condition.value, type, operator)]);
    }
  }
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** Normalizes a literal to the value its comparison uses; `operator` is the positive form of the operator. */
function valueKey(literal: Literal, type: FieldType | undefined, operator: string): string {
  const text = literal.text;
  if (operator === "=~") return text;
  if (operator === "~") return text.toLowerCase();
  switch (type?.kind) {
    case "number": {
      const read = parseNumber(text);
      return read.ok ? String(read.value) : text;
    }
    case "size": {
      const read = parseSize(text);
      return read.ok ? String(read.value) : text;
    }
    case "timestamp": {
      const read = parseTimestampLiteral(text);
      if (!read.ok) return text;
      const value = read.value;
      if (value.kind === "relative") return `relative:${value.offsetMs}`;
      // With `=` and `IN` a date means the whole day; with ordering and BETWEEN, its first instant.
      return operator === "IN" && value.kind === "day" ? `day:${value.epochMs}` : `instant:${value.epochMs}`;
    }
    default:
      // Strings, lists, enum labels and booleans compare ignoring case.
      return text.toLowerCase();
  }
}

function reportRepeat(context: LintContext, group: Group, index: number, first: Expression): void {
  const repeat = group.operands[index] as Expression;
  const joiner = group.type === "And" ? "AND" : "OR";
  const repeatText = writtenText(context, repeat);
  const firstText = writtenText(context, first);
  const sameness =
    repeatText === firstText
      ? `${quote(repeatText)} appears twice in the same ${joiner}`
      : `${quote(repeatText)} means the same as the earlier ${quote(firstText)} in the same ${joiner}`;
  const removal = removalSpan(context.source, group, index);
  context.report(
    repeat.span,
    `${sameness}, so it changes nothing. Remove the repeat.`,
    removal === undefined ? undefined : [{ message: `Remove the repeated ${quote(repeatText)}.`, span: removal, replacement: "" }],
  );
}

const joinerBefore = /^[\s)]*?(\s*(?:AND|OR|&&|\|\|)\s*)$/i;
const joinerAfter = /^(\s*(?:AND|OR|&&|\|\|)\s*)[\s(]*$/i;

/**
 * Finds the text to delete for removing an operand: the operand with the `AND` or `OR` before it,
 * or with the one after it when the operand opens a group. Returns `undefined` when the source does
 * not contain the operands.
 */
function removalSpan(source: string, group: Group, index: number): Span | undefined {
  const operand = group.operands[index] as Expression;
  const previous = group.operands[index - 1] as Expression;
  if (group.span.end > source.length) return undefined;
  const before = joinerBefore.exec(source.slice(previous.span.end, operand.span.start));
  if (before !== null) return { start: operand.span.start - (before[1] as string).length, end: operand.span.end };
  const next = group.operands[index + 1];
  if (next === undefined) return undefined;
  const after = joinerAfter.exec(source.slice(operand.span.end, next.span.start));
  if (after !== null) return { start: operand.span.start, end: operand.span.end + (after[1] as string).length };
  return undefined;
}
