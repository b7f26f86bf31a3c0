/**
 * Binding: resolves every field of a parsed query against a dataset, checks that each operator fits
 * the field's type, and reads each literal into the constant that evaluation compares with. Reports
 * every problem it finds rather than stopping at the first.
 */
import { RE2JS } from "re2js";
import type { BetweenCondition, Comparison, Condition, Expression, FieldReference, InCondition, Literal } from "../ast/nodes.js";
import { codes } from "../diagnostics/codes.js";
import { error, type Problem } from "../diagnostics/problem.js";
import { listWords, quote } from "../diagnostics/quote.js";
import { closestMatch } from "../diagnostics/suggest.js";
import { isFieldPath, reservedSegments, type Dataset, type ResolvedField } from "../datasets/dataset.js";
import { createTextMatcher } from "../compiler/wildcard.js";
import type { TimestampLiteral } from "../values/time.js";
import type { BoundExpression, OrderOperator, Test, TimePoint, TimeValue } from "./bound.js";
import { isMissing, LiteralReader, typePhrase } from "./literals.js";
import { allowedOperators, operatorName } from "./operators.js";

/** Binds a parsed expression; `undefined` when any part of it has an error. */
export function bind(expression: Expression, dataset: Dataset, problems: Problem[]): BoundExpression | undefined {
  const before = problems.length;
  const bound = bindExpression(expression, dataset, problems);
  return problems.length === before ? bound : undefined;
}

function bindExpression(expression: Expression, dataset: Dataset, problems: Problem[]): BoundExpression | undefined {
  switch (expression.type) {
    case "And":
    case "Or": {
      const operands = expression.operands.map((operand) => bindExpression(operand, dataset, problems));
      if (operands.some((operand) => operand === undefined)) return undefined;
      return { kind: expression.type === "And" ? "and" : "or", operands: operands as BoundExpression[], node: expression };
    }
    case "Not": {
      const operand = bindExpression(expression.operand, dataset, problems);
      return operand === undefined ? undefined : { kind: "not", operand, node: expression };
    }
    case "Invalid":
      return undefined;
    default:
      return bindCondition(expression, dataset, problems);
  }
}

function resolveField(reference: FieldReference, dataset: Dataset, problems: Problem[]): ResolvedField | undefined {
  if (!isFieldPath(reference.name)) return undefined;
  const reserved = reference.name.split(".").find((segment) => reservedSegments.has(segment.toLowerCase()));
  if (reserved !== undefined) {
    problems.push(
      error(codes.reservedFieldName, `${quote(reference.name)} is not a valid field name because ${quote(reserved)} is reserved.`, reference.span),
    );
    return undefined;
  }
  const field = dataset.field(reference.name);
  if (field) return field;
  const closest = closestMatch(
    reference.name,
    dataset.fields.map((candidate) => candidate.path),
  );
  const suggestion = closest === undefined ? ` Run gql fields --dataset ${dataset.name} to list the fields.` : ` Did you mean ${closest}?`;
  problems.push(
    error(
      codes.unknownField,
      `The dataset ${dataset.name} has no field ${quote(reference.name)}.${suggestion}`,
      reference.span,
      closest === undefined ? undefined : [{ message: `Replace with ${closest}.`, span: reference.span, replacement: closest }],
    ),
  );
  return undefined;
}

function bindCondition(condition: Condition, dataset: Dataset, problems: Problem[]): BoundExpression | undefined {
  const field = resolveField(condition.field, dataset, problems);
  if (field === undefined) return undefined;
  const operator = operatorName(condition);
  const allowed = allowedOperators(field.type);
  if (!allowed.includes(operator)) {
    problems.push(
      error(
        codes.operatorNotAllowed,
        `The operator ${operator} does not apply to ${field.path}, which is ${typePhrase(field.type)}; use ${listWords(allowed)}.`,
        condition.operatorSpan,
      ),
    );
    return undefined;
  }
  const reader = new LiteralReader(field, problems);
  const before = problems.length;
  const test = buildTest(condition, field, reader, problems);
  if (test === undefined || problems.length !== before) return undefined;
  const positive: BoundExpression = { kind: "test", field, test, node: condition };
  const negated =
    (condition.type === "Comparison" && (condition.operator === "!=" || condition.operator === "!~")) ||
    ((condition.type === "In" || condition.type === "IsNull") && condition.negated);
  return negated ? { kind: "not", operand: positive, node: condition } : positive;
}

function buildTest(condition: Condition, field: ResolvedField, reader: LiteralReader, problems: Problem[]): Test | undefined {
  if (condition.type === "IsNull") return { op: "isNull" };
  const literals = literalsOf(condition);
  if (literals.some(isMissing)) return undefined;

  if (condition.type === "Comparison" && (condition.operator === "~" || condition.operator === "!~")) {
    return { op: "textMatch", matcher: createTextMatcher(condition.value.text) };
  }
  if (condition.type === "Comparison" && condition.operator === "=~") return regexTest(condition.value, problems);

  switch (field.type.kind) {
    case "string":
    case "stringList":
      return { op: "textIn", values: literals.map((literal) => literal.text.toLowerCase()) };
    case "boolean": {
      const values = literals.map((literal) => reader.boolean(literal));
      return values.includes(undefined) ? undefined : { op: "booleanIn", values: values as boolean[] };
    }
    case "number":
    case "size":
      return numberTest(condition, literals.map((literal) => reader.number(literal)));
    case "timestamp":
      return timeTest(condition, literals.map((literal) => reader.timestamp(literal)));
    case "enum":
      return enumTest(condition, field, literals.map((literal) => reader.label(literal)));
  }
}

function literalsOf(condition: Comparison | InCondition | BetweenCondition): Literal[] {
  if (condition.type === "Comparison") return [condition.value];
  if (condition.type === "In") return condition.values;
  return [condition.low, condition.high];
}

function regexTest(literal: Literal, problems: Problem[]): Test | undefined {
  try {
    return { op: "regex", pattern: literal.text, regex: RE2JS.compile(literal.text) };
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : String(caught);
    problems.push(
      error(
        codes.invalidRegex,
        `${quote(literal.text)} is not a valid regular expression: ${reason}. Patterns use RE2 syntax; quote the pattern and escape special characters with a backslash.`,
        literal.span,
      ),
    );
    return undefined;
  }
}

function orderOperator(condition: Comparison): OrderOperator | undefined {
  const operator = condition.operator;
  return operator === "<" || operator === "<=" || operator === ">" || operator === ">=" ? operator : undefined;
}

function numberTest(condition: Comparison | InCondition | BetweenCondition, values: (number | undefined)[]): Test | undefined {
  if (values.includes(undefined)) return undefined;
  const numbers = values as number[];
  if (condition.type === "Between") return { op: "numberBetween", low: numbers[0] as number, high: numbers[1] as number };
  const order = condition.type === "Comparison" ? orderOperator(condition) : undefined;
  if (order !== undefined) return { op: "numberOrder", operator: order, value: numbers[0] as number };
  return { op: "numberIn", values: numbers };
}

/** A timestamp bound for ordering: a date-only literal means 00:00:00.000Z of that day. */
function timePoint(literal: TimestampLiteral): TimePoint {
  return literal.kind === "relative" ? literal : { kind: "instant", epochMs: literal.epochMs };
}

function timeTest(condition: Comparison | InCondition | BetweenCondition, values: (TimestampLiteral | undefined)[]): Test | undefined {
  if (values.includes(undefined)) return undefined;
  const times = values as TimestampLiteral[];
  if (condition.type === "Between") return { op: "timeBetween", low: timePoint(times[0] as TimestampLiteral), high: timePoint(times[1] as TimestampLiteral) };
  const order = condition.type === "Comparison" ? orderOperator(condition) : undefined;
  if (order !== undefined) return { op: "timeOrder", operator: order, value: timePoint(times[0] as TimestampLiteral) };
  return { op: "timeIn", values: times as TimeValue[] };
}

function enumTest(condition: Comparison | InCondition | BetweenCondition, field: ResolvedField, indexes: (number | undefined)[]): Test | undefined {
  if (field.type.kind !== "enum" || indexes.includes(undefined)) return undefined;
  const labels = field.type.labels;
  const ranks = new Map(labels.map((label, index) => [label.toLowerCase(), index]));
  const positions = indexes as number[];
  if (condition.type === "Between") return { op: "rankBetween", low: positions[0] as number, high: positions[1] as number, ranks };
  const order = condition.type === "Comparison" ? orderOperator(condition) : undefined;
  if (order !== undefined) return { op: "rankOrder", operator: order, rank: positions[0] as number, ranks };
  return { op: "textIn", values: positions.map((index) => (labels[index] as string).toLowerCase()) };
}
