/** Walking the checked tree for the lint rules. */
import type { Condition } from "../../ast/nodes.js";
import type { BoundExpression } from "../bound.js";

/** Calls `visit` for every node of a checked tree, parents before children. */
export function visitBound(expression: BoundExpression, visit: (expression: BoundExpression) => void): void {
  visit(expression);
  switch (expression.kind) {
    case "and":
    case "or":
      for (const operand of expression.operands) visitBound(operand, visit);
      return;
    case "not":
      visitBound(expression.operand, visit);
      return;
    case "test":
      return;
  }
}

/** A checked condition: its resolved field, its test and the condition as parsed. */
export type TestExpression = Extract<BoundExpression, { kind: "test" }>;

/** Calls `visit` for every condition of a checked tree, in source order. */
export function visitTests(expression: BoundExpression, visit: (test: TestExpression) => void): void {
  visitBound(expression, (node) => {
    if (node.kind === "test") visit(node);
  });
}

/** Tells whether a condition is written with a negative operator: `!=`, `!~`, `NOT IN` or `IS NOT NULL`. */
export function hasNegativeOperator(condition: Condition): boolean {
  switch (condition.type) {
    case "Comparison":
      return condition.operator === "!=" || condition.operator === "!~";
    case "In":
    case "IsNull":
      return condition.negated;
    case "Between":
      return false;
  }
}
