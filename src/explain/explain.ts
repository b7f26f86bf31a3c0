/**
 * Explains how a query decided one event: the query tree with each node's result, the value each
 * condition saw, and the condition that decided the overall result.
 */
import type { Span } from "../diagnostics/diagnostic.js";
import type { BoundExpression } from "../checker/bound.js";
import { analyze, type CheckOptions } from "../checker/check.js";
import { invalidQuery } from "../compiler/compile.js";
import { requireQueryText } from "../errors.js";
import { readClock, readPath } from "../compiler/runtime.js";
import type { ResolvedField } from "../datasets/dataset.js";
import { evaluate } from "../evaluator/evaluate.js";
import { describeValue } from "./describe.js";

export interface ExplainOptions extends CheckOptions {
  /** Returns the current time in epoch milliseconds for relative times; default `Date.now`. */
  now?: () => number;
}

export interface ExplainNode {
  kind: "and" | "or" | "not" | "condition";
  /** The node's text as written in the query. */
  text: string;
  span: Span;
  result: boolean;
  children: ExplainNode[];
  /** For a condition: the field in the schema's spelling and what the event contains there. */
  field?: string;
  value?: string;
}

export interface Explanation {
  result: boolean;
  root: ExplainNode;
  /** The conditions that decided the result: the first false one under a false AND, and so on. */
  deciding: ExplainNode[];
  /** One sentence per deciding condition, such as "`size > 10MB` was false: size is 2,048 bytes." */
  reasons: string[];
}

/**
 * Evaluates a query for one event and explains the result. Throws `GqlError` for an invalid query,
 * like `compile`. Never throws for any event.
 */
export function explain(source: string, options: ExplainOptions, event: unknown): Explanation {
  requireQueryText(source, "explain");
  const analysis = analyze(source, { ...options, lints: false });
  if (!analysis.ok || analysis.bound === undefined) throw invalidQuery(analysis);
  const nowMs = readClock(options.now ?? Date.now);
  const root = explainNode(analysis.bound, source, event, nowMs);
  const deciding = decidingConditions(root);
  return {
    result: root.result,
    root,
    deciding,
    reasons: deciding.map((node) => `\`${node.text}\` was ${node.result}: ${node.value ?? "no value was read"}.`),
  };
}

function safeEvaluate(expression: BoundExpression, event: unknown, nowMs: number): boolean {
  try {
    return evaluate(expression, event, nowMs);
  } catch {
    return false;
  }
}

function safeRead(event: unknown, field: ResolvedField): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: readPath(event, field.segments) };
  } catch {
    return { ok: false };
  }
}

/** Describes a value without throwing, whatever getters, Proxies or odd Dates it holds. */
function safeDescribe(field: ResolvedField, value: unknown): string {
  try {
    return describeValue(field, value);
  } catch {
    return `${field.path} could not be described (reading the value threw an error)`;
  }
}

/** A condition with a negative operator is bound as `not` around the positive test; both are one node here. */
function conditionOf(expression: BoundExpression): Extract<BoundExpression, { kind: "test" }> | undefined {
  if (expression.kind === "test") return expression;
  if (expression.kind === "not" && expression.operand.kind === "test" && expression.operand.node === expression.node) return expression.operand;
  return undefined;
}

function explainNode(expression: BoundExpression, source: string, event: unknown, nowMs: number): ExplainNode {
  const span = expression.node.span;
  const text = source.slice(span.start, span.end);
  const result = safeEvaluate(expression, event, nowMs);
  const condition = conditionOf(expression);
  if (condition !== undefined) {
    const read = safeRead(event, condition.field);
    const value = read.ok ? safeDescribe(condition.field, read.value) : `${condition.field.path} could not be read (the event threw an error)`;
    return { kind: "condition", text, span, result, children: [], field: condition.field.path, value };
  }
  const children =
    expression.kind === "not"
      ? [explainNode(expression.operand, source, event, nowMs)]
      : expression.kind === "test"
        ? []
        : expression.operands.map((operand) => explainNode(operand, source, event, nowMs));
  return { kind: expression.kind === "test" ? "condition" : expression.kind, text, span, result, children };
}

/** Walks down to the conditions that settled the result. */
export function decidingConditions(node: ExplainNode): ExplainNode[] {
  switch (node.kind) {
    case "condition":
      return [node];
    case "not":
      return decidingConditions(node.children[0] as ExplainNode);
    case "and":
    case "or": {
      const shortCircuit = node.kind === "and" ? false : true;
      const settling = node.children.find((child) => child.result === shortCircuit);
      if (settling !== undefined) return decidingConditions(settling);
      return node.children.flatMap(decidingConditions);
    }
  }
}

/** Renders an explanation as an indented tree with the result of each node and the value each condition saw. */
export function formatExplanation(explanation: Explanation): string {
  const lines: string[] = [];
  const visit = (node: ExplainNode, depth: number): void => {
    const indent = "  ".repeat(depth);
    const label = node.kind === "condition" ? node.text : node.kind.toUpperCase();
    const detail = node.kind === "condition" && node.value !== undefined ? `  (${node.value})` : "";
    lines.push(`${indent}${node.result ? "true " : "false"}  ${label}${detail}`);
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(explanation.root, 0);
  return lines.join("\n");
}
