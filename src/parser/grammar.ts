/**
 * The GQL grammar as a Chevrotain parser with embedded actions that only build tree nodes. Precedence
 * comes from rule nesting: OR contains AND, AND contains NOT, NOT contains a primary. `NOT` prefixes are read
 * in a loop and only parentheses recurse, so the parser's stack depth follows the parenthesis depth,
 * which `parse` limits before parsing.
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";
import type {
  ComparisonOperator,
  Condition,
  Expression,
  FieldReference,
  InvalidExpression,
  Literal,
} from "../ast/nodes.js";
import type { Span } from "../diagnostics/diagnostic.js";
import * as t from "../lexer/tokens.js";

/** The error messages Chevrotain builds are JSON records that `parse` turns into diagnostics. */
export interface SyntaxErrorRecord {
  kind: "mismatch" | "redundant" | "noViableAlt" | "earlyExit";
  rule: string;
  expected?: string;
}

const errorMessageProvider = {
  buildMismatchTokenMessage: (options: { expected: TokenType; ruleName: string }): string =>
    JSON.stringify({ kind: "mismatch", rule: options.ruleName, expected: options.expected.name } satisfies SyntaxErrorRecord),
  buildNotAllInputParsedMessage: (options: { ruleName: string }): string =>
    JSON.stringify({ kind: "redundant", rule: options.ruleName } satisfies SyntaxErrorRecord),
  buildNoViableAltMessage: (options: { ruleName: string }): string =>
    JSON.stringify({ kind: "noViableAlt", rule: options.ruleName } satisfies SyntaxErrorRecord),
  buildEarlyExitMessage: (options: { ruleName: string }): string =>
    JSON.stringify({ kind: "earlyExit", rule: options.ruleName } satisfies SyntaxErrorRecord),
};

/** Hooks the grammar calls while building nodes: literal decoding and checks of the written form. */
export interface NodeBuilder {
  fieldReference(token: IToken): FieldReference;
  literal(token: IToken): Literal;
  missingOperator(previous: Expression, next: Expression): void;
  /** Nothing that can start a condition follows AND or OR. */
  missingOperand(operator: IToken, found: IToken): void;
  /** A value follows a field name with no operator between them; returns the placeholder for the condition. */
  missingComparisonOperator(field: IToken, value: Literal): InvalidExpression;
  /** No operator follows a field name; returns the placeholder that stands for the condition. */
  missingComparison(field: IToken, found: IToken): InvalidExpression;
  /** Nothing that can be a value follows a comparison operator. */
  missingValue(operator: IToken, found: IToken): void;
  emptyParentheses(open: IToken, close: IToken): void;
}

/** The comparison operator each operator token stands for. */
export const comparisonOperators: ReadonlyMap<TokenType, ComparisonOperator> = new Map<TokenType, ComparisonOperator>([
  [t.Equals, "="],
  [t.NotEquals, "!="],
  [t.Less, "<"],
  [t.LessOrEqual, "<="],
  [t.Greater, ">"],
  [t.GreaterOrEqual, ">="],
  [t.Contains, "~"],
  [t.NotContains, "!~"],
  [t.RegexMatch, "=~"],
]);

export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** Tells whether a token was read from the text, not invented by recovery or by parenthesis balancing. */
function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && !Number.isNaN(token.startOffset) && token.isInsertedInRecovery !== true && token.image.length > 0;
}

function invalid(start: number, end: number): InvalidExpression {
  return { type: "Invalid", span: { start, end } };
}

/** Joins operands with AND or OR, merging operands of the same kind that came from parentheses. */
function join(type: "And" | "Or", operands: Expression[]): Expression {
  if (operands.length === 1) return operands[0] as Expression;
  const merged: Expression[] = [];
  for (const operand of operands) {
    if (operand.type === type) merged.push(...operand.operands);
    else merged.push(operand);
  }
  const span = { start: (operands[0] as Expression).span.start, end: (operands[operands.length - 1] as Expression).span.end };
  return { type, operands: merged, span };
}

export class GqlParser extends EmbeddedActionsParser {
  builder!: NodeBuilder;

  constructor() {
    super(t.allTokens, { recoveryEnabled: true, maxLookahead: 2, errorMessageProvider });
    this.performSelfAnalysis();
  }

  // query := orExpression?
  query = this.RULE("query", (): Expression | null => {
    const body = this.OPTION(() => this.SUBRULE(this.orExpression));
    return body ?? null;
  });

  // orExpression := andExpression ( ( "OR" | "||" ) andExpression )*   (a missing operand is reported)
  orExpression = this.RULE(
    "orExpression",
    (): Expression => {
      const operands: Expression[] = [this.SUBRULE(this.andExpression)];
      this.MANY(() => {
        const operator = this.OR([{ ALT: () => this.CONSUME(t.Or) }, { ALT: () => this.CONSUME(t.OrSymbol) }]);
        const next = this.OPTION(() => this.SUBRULE2(this.andExpression));
        operands.push(this.ACTION(() => next ?? this.missingOperand(operator)));
      });
      return this.ACTION(() => join("Or", this.complete(operands)));
    },
    { recoveryValueFunc: () => this.recoveredExpression() },
  );

  // andExpression := notExpression ( ( "AND" | "&&" ) notExpression | notExpression )*
  // A missing operand after AND, and two conditions with no AND between them, are reported.
  andExpression = this.RULE(
    "andExpression",
    (): Expression => {
      const operands: Expression[] = [this.SUBRULE(this.notExpression)];
      this.MANY(() => {
        this.OR([
          {
            ALT: () => {
              const operator = this.OR2([{ ALT: () => this.CONSUME(t.And) }, { ALT: () => this.CONSUME(t.AndSymbol) }]);
              const next = this.OPTION(() => this.SUBRULE2(this.notExpression));
              operands.push(this.ACTION(() => next ?? this.missingOperand(operator)));
            },
          },
          {
            ALT: () => {
              const next = this.SUBRULE3(this.notExpression);
              this.ACTION(() => {
                const previous = operands[operands.length - 1];
                if (previous !== undefined && next !== undefined) this.builder.missingOperator(previous, next);
              });
              operands.push(next);
            },
          },
        ]);
      });
      return this.ACTION(() => join("And", this.complete(operands)));
    },
    { recoveryValueFunc: () => this.recoveredExpression() },
  );

  // notExpression := ( "NOT" | "!" )* primary
  notExpression = this.RULE(
    "notExpression",
    (): Expression => {
      const operators: IToken[] = [];
      this.MANY(() => {
        operators.push(this.OR([{ ALT: () => this.CONSUME(t.Not) }, { ALT: () => this.CONSUME(t.Bang) }]));
      });
      const primary = this.SUBRULE(this.primary);
      return this.ACTION(() => {
        let operand = primary ?? this.recoveredExpression();
        for (let i = operators.length - 1; i >= 0; i--) {
          const operator = operators[i] as IToken;
          const start = isRealToken(operator) ? operator.startOffset : operand.span.start;
          operand = { type: "Not", operand, span: { start, end: operand.span.end } };
        }
        return operand;
      });
    },
    { recoveryValueFunc: () => this.recoveredExpression() },
  );

  // primary := "(" orExpression ")" | condition
  primary = this.RULE(
    "primary",
    (): Expression =>
      this.OR([
        {
          ALT: () => {
            const open = this.CONSUME(t.LeftParen);
            const inner = this.OPTION(() => this.SUBRULE(this.orExpression));
            const close = this.CONSUME(t.RightParen);
            return this.ACTION(() => this.group(open, inner, close));
          },
        },
        { ALT: () => this.SUBRULE(this.condition) },
      ]),
    { recoveryValueFunc: () => this.recoveredExpression() },
  );

  // condition := field ( operator value | "NOT"? "IN" valueList | "BETWEEN" value "AND" value | "IS" "NOT"? "NULL" )
  condition = this.RULE(
    "condition",
    (): Condition | InvalidExpression => {
      const fieldToken = this.CONSUME(t.Word);
      return this.OR([
        {
          ALT: () => {
            const operator = this.SUBRULE(this.comparisonOperator);
            const value = this.OPTION3(() => this.SUBRULE(this.value));
            return this.ACTION(() => {
              const field = this.builder.fieldReference(fieldToken);
              const literal = value ?? this.reportMissingValue(operator);
              return {
                type: "Comparison",
                field,
                operator: comparisonOperators.get(operator.tokenType) ?? "=",
                operatorSpan: this.spanOf(operator, operator, field.span.end),
                value: literal,
                span: { start: field.span.start, end: literal.span.end },
              } satisfies Condition;
            });
          },
        },
        {
          ALT: () => {
            const negation = this.OPTION(() => this.CONSUME(t.Not));
            const inToken = this.CONSUME(t.In);
            const list = this.SUBRULE(this.valueList);
            return this.ACTION(() => {
              const field = this.builder.fieldReference(fieldToken);
              const values = list?.values ?? [];
              const end = list?.end ?? field.span.end;
              const operatorSpan = this.spanOf(negation ?? inToken, inToken, field.span.end);
              return { type: "In", field, negated: negation !== undefined, values, operatorSpan, span: { start: field.span.start, end } } satisfies Condition;
            });
          },
        },
        {
          ALT: () => {
            const between = this.CONSUME(t.Between);
            const low = this.SUBRULE2(this.value);
            const and = this.CONSUME2(t.And);
            const high = this.SUBRULE3(this.value);
            return this.ACTION(() => {
              const field = this.builder.fieldReference(fieldToken);
              const lowLiteral = low ?? this.missingLiteral(between);
              const highLiteral = high ?? this.missingLiteral(and);
              return {
                type: "Between",
                field,
                low: lowLiteral,
                high: highLiteral,
                operatorSpan: this.spanOf(between, between, field.span.end),
                span: { start: field.span.start, end: highLiteral.span.end },
              } satisfies Condition;
            });
          },
        },
        {
          ALT: () => {
            const is = this.CONSUME(t.Is);
            const negation = this.OPTION2(() => this.CONSUME2(t.Not));
            const nullToken = this.CONSUME(t.Null);
            return this.ACTION(() => {
              const field = this.builder.fieldReference(fieldToken);
              const end = isRealToken(nullToken) ? nullToken.startOffset + nullToken.image.length : field.span.end;
              const operatorSpan = this.spanOf(is, nullToken, field.span.end);
              return { type: "IsNull", field, negated: negation !== undefined, operatorSpan, span: { start: field.span.start, end } } satisfies Condition;
            });
          },
        },
        {
          // A value right after the field: the operator is missing. Reported with "=" as the fix.
          ALT: () => {
            const value = this.SUBRULE4(this.value);
            return this.ACTION(() => this.builder.missingComparisonOperator(fieldToken, value));
          },
        },
        {
          // No operator follows the field: reported, and parsing goes on after the field.
          ALT: () => this.ACTION(() => this.builder.missingComparison(fieldToken, this.LA(1))),
        },
      ]);
    },
    { recoveryValueFunc: () => this.recoveredExpression() },
  );

  comparisonOperator = this.RULE("comparisonOperator", (): IToken =>
    this.OR(t.comparisonTokens.map((tokenType) => ({ ALT: () => this.CONSUME(tokenType) }))),
  );

  // valueList := "(" value ( "," value )* ")"
  valueList = this.RULE("valueList", (): { values: Literal[]; end: number } => {
    this.CONSUME(t.LeftParen);
    const values: Literal[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: t.Comma,
      DEF: () => {
        const value = this.SUBRULE(this.value);
        this.ACTION(() => {
          if (value !== undefined) values.push(value);
        });
      },
    });
    const close = this.CONSUME(t.RightParen);
    return this.ACTION(() => {
      const last = values[values.length - 1];
      const end = isRealToken(close) ? close.startOffset + 1 : (last?.span.end ?? this.lastEnd());
      return { values, end };
    });
  });

  // value := word | string | relative time
  value = this.RULE("value", (): Literal => {
    const token = this.OR([
      { ALT: () => this.CONSUME(t.Word) },
      { ALT: () => this.CONSUME(t.DoubleQuotedString) },
      { ALT: () => this.CONSUME(t.SingleQuotedString) },
      { ALT: () => this.CONSUME(t.UnterminatedString) },
      { ALT: () => this.CONSUME(t.RelativeTime) },
    ]);
    return this.ACTION(() => this.builder.literal(token));
  });

  private group(open: IToken, inner: Expression | undefined, close: IToken): Expression {
    const start = open.startOffset;
    const end = isRealToken(close) ? close.startOffset + 1 : (inner?.span.end ?? start + 1);
    if (inner === undefined) {
      this.builder.emptyParentheses(open, close);
      return invalid(start, end);
    }
    return { ...inner, span: { start, end } };
  }

  /** The span from the first token to the end of the last; a token invented by recovery counts as empty at `fallback`. */
  private spanOf(first: IToken, last: IToken, fallback: number): Span {
    const start = isRealToken(first) ? first.startOffset : fallback;
    const end = isRealToken(last) ? last.startOffset + last.image.length : start;
    return { start, end: Math.max(start, end) };
  }

  private complete(operands: (Expression | undefined)[]): Expression[] {
    return operands.map((operand) => operand ?? this.recoveredExpression());
  }

  /** Reports a missing operand after AND or OR and returns a placeholder for it. */
  private missingOperand(operator: IToken): Expression {
    this.builder.missingOperand(operator, this.LA(1));
    return this.recoveredExpression();
  }

  /** Reports a missing value after an operator and returns an empty literal for it. */
  private reportMissingValue(operator: IToken): Literal {
    this.builder.missingValue(operator, this.LA(1));
    return this.missingLiteral(operator);
  }

  private missingLiteral(after: IToken): Literal {
    const end = isRealToken(after) ? after.startOffset + after.image.length : this.lastEnd();
    return { type: "Literal", form: "word", text: "", span: { start: end, end } };
  }

  private recoveredExpression(): InvalidExpression {
    const end = this.lastEnd();
    return invalid(end, end);
  }

  /** The end offset of the last real token consumed, for nodes that recovery had to invent. */
  private lastEnd(): number {
    for (let k = 0; k > -3; k--) {
      const token = this.LA(k);
      if (isRealToken(token) && token.tokenType !== t.WhiteSpace && token.image.length > 0) return token.startOffset + token.image.length;
    }
    return 0;
  }
}
