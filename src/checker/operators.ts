/** The operators that apply to each field type. */
import type { Condition } from "../ast/nodes.js";
import type { FieldType } from "../datasets/types.js";

export type OperatorName = "=" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "!~" | "=~" | "IN" | "NOT IN" | "BETWEEN" | "IS NULL" | "IS NOT NULL";

const textOperators: OperatorName[] = ["=", "!=", "~", "!~", "=~", "IN", "NOT IN", "IS NULL", "IS NOT NULL"];
const orderedOperators: OperatorName[] = ["=", "!=", "<", "<=", ">", ">=", "BETWEEN", "IN", "NOT IN", "IS NULL", "IS NOT NULL"];

/** Returns the operators a field of this type accepts, in the order messages list them. */
export function allowedOperators(type: FieldType): OperatorName[] {
  switch (type.kind) {
    case "string":
    case "stringList":
      return textOperators;
    case "enum":
      return type.ordered ? [...textOperators.slice(0, 2), "<", "<=", ">", ">=", "BETWEEN", ...textOperators.slice(2)] : textOperators;
    case "number":
    case "size":
    case "timestamp":
      return orderedOperators;
    case "boolean":
      return ["=", "!=", "IN", "NOT IN", "IS NULL", "IS NOT NULL"];
  }
}

/** Returns the operator of a condition as messages name it. */
export function operatorName(condition: Condition): OperatorName {
  switch (condition.type) {
    case "Comparison":
      return condition.operator;
    case "In":
      return condition.negated ? "NOT IN" : "IN";
    case "Between":
      return "BETWEEN";
    case "IsNull":
      return condition.negated ? "IS NOT NULL" : "IS NULL";
  }
}
