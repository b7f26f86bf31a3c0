import { createTokenInstance, EOF, type IRecognitionException, type IToken } from "chevrotain";
import type { Expression, FieldReference, InvalidExpression, Literal, Query } from "../ast/nodes.js";
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { error, limitProblems, toDiagnostics, type Problem } from "../diagnostics/problem.js";
import { quote } from "../diagnostics/quote.js";
import { isFieldPath } from "../datasets/dataset.js";
import { tokenize } from "../lexer/lexer.js";
import * as t from "../lexer/tokens.js";
import { requireQueryText } from "../errors.js";
import { resolveLimits, type Limits } from "../limits.js";
import { decodeStringBody } from "../values/strings.js";
import { GqlParser, tokenSpan, type NodeBuilder, type SyntaxErrorRecord } from "./grammar.js";

export interface ParseOptions {
  limits?: Partial<Limits>;
}

export interface ParseResult {
  /** The tree; its body is `null` when the text has no condition or is over a limit. */
  ast: Query;
  /** Syntax and limit diagnostics, ordered by position. */
  diagnostics: Diagnostic[];
}

const parser = new GqlParser();

/**
 * Parses GQL text into a tree. Never throws for any string: every problem becomes a diagnostic,
 * and the parser recovers to report as many syntax errors as it can in one pass.
 */
export function parse(source: string, options: ParseOptions = {}): ParseResult {
  requireQueryText(source, "parse");
  const { ast, problems } = parseToProblems(source, options);
  const text = source;
  return { ast, diagnostics: toDiagnostics(text, limitProblems(problems, resolveLimits(options.limits).maxDiagnostics)) };
}

/** Parses and keeps the diagnostics as offsets, for the checker to add its own before converting. */
export function parseToProblems(source: string, options: ParseOptions = {}): { ast: Query; problems: Problem[] } {
  const text = typeof source === "string" ? source : String(source);
  const limits = resolveLimits(options.limits);
  const empty: Query = { type: "Query", body: null, span: { start: 0, end: text.length } };

  if (text.length > limits.maxLength) {
    const message = `The query is ${text.length} characters long, over the limit of ${limits.maxLength} (limits.maxLength); shorten it or raise the limit.`;
    return { ast: empty, problems: [error(codes.queryTooLong, message, { start: limits.maxLength, end: text.length })] };
  }

  const { tokens } = tokenize(text);
  const tooDeep = findTooDeepParenthesis(tokens, limits.maxDepth);
  if (tooDeep !== undefined) return { ast: empty, problems: [nestingProblem(tooDeep, limits.maxDepth)] };

  const problems: Problem[] = [];
  parser.builder = createBuilder(text, tokens, problems);
  parser.input = separateListValues(dropRepeatedLogicalOperators(balanceParentheses(tokens, text, problems), problems), problems);
  const body = parser.query() ?? null;
  for (const exception of parser.errors) problems.push(syntaxProblem(exception, text, tokens));
  parser.input = [];
  dropCascades(problems, tokens);

  if (body === null && problems.length === 0) {
    problems.push(
      error(codes.emptyQuery, "The query is empty; write a condition such as flow = CLASSIFICATION.", { start: 0, end: text.length }),
    );
  }
  const ast: Query = { type: "Query", body, span: { start: 0, end: text.length } };
  if (body !== null) {
    const deepNode = findTooDeepNode(body, limits.maxDepth);
    if (deepNode !== undefined) return { ast: empty, problems: [nestingProblem(deepNode.span, limits.maxDepth)] };
  }
  return { ast, problems: dedupe(problems) };
}

export function nestingProblem(span: { start: number; end: number }, maxDepth: number): Problem {
  return error(
    codes.nestingTooDeep,
    `The query is nested more than ${maxDepth} ${maxDepth === 1 ? "level" : "levels"} deep (limits.maxDepth); remove redundant parentheses and NOT pairs, or split the query.`,
    span,
  );
}

/**
 * Reports each ")" without a "(" and each "(" that is never closed, then returns the tokens without
 * the stray ")" and with an empty ")" at the end for each open "(". The parser then gets balanced
 * groups, so it can go on to report the other errors and the checker can check every condition.
 */
function balanceParentheses(tokens: IToken[], source: string, problems: Problem[]): IToken[] {
  const open: IToken[] = [];
  const balanced: IToken[] = [];
  for (const token of tokens) {
    if (token.tokenType === t.LeftParen) {
      open.push(token);
    } else if (token.tokenType === t.RightParen) {
      if (open.pop() === undefined) {
        const span = tokenSpan(token);
        problems.push(
          error(codes.unmatchedCloseParen, 'This ")" has no "(" to close; remove it or add the "(" where the group starts.', span, [
            { message: 'Remove the ")".', span, replacement: "" },
          ]),
        );
        continue;
      }
    }
    balanced.push(token);
  }
  const end = tokens.length > 0 ? tokenSpan(tokens[tokens.length - 1] as IToken).end : source.length;
  for (const token of open.reverse()) {
    problems.push(
      error(codes.missingCloseParen, 'This "(" is never closed; add ")" where the group ends.', tokenSpan(token), [
        { message: 'Insert ")" at the end.', span: { start: end, end }, replacement: ")" },
      ]),
    );
    balanced.push(createTokenInstance(t.RightParen, "", end, end, Number.NaN, Number.NaN, Number.NaN, Number.NaN));
  }
  return balanced;
}

const logicalOperators = new Set([t.And, t.AndSymbol, t.Or, t.OrSymbol]);

/**
 * Reports an AND or OR that directly follows another one (`a = 1 OR AND b = 2`) and drops it, so the
 * parser reads the rest of the query instead of stopping there.
 */
function dropRepeatedLogicalOperators(tokens: IToken[], problems: Problem[]): IToken[] {
  const kept: IToken[] = [];
  for (const token of tokens) {
    const previous = kept[kept.length - 1];
    if (previous !== undefined && logicalOperators.has(token.tokenType) && logicalOperators.has(previous.tokenType)) {
      problems.push(error(codes.missingCondition, `Expected a condition after ${describeToken(previous)}, found ${describeToken(token)}.`, tokenSpan(token)));
      continue;
    }
    kept.push(token);
  }
  return kept;
}

/**
 * Reports two values with no comma between them in an IN list (`IN (a b)`) and gives the parser an
 * empty comma there, so it reads the rest of the query instead of stopping there.
 */
function separateListValues(tokens: IToken[], problems: Problem[]): IToken[] {
  const separated: IToken[] = [];
  let inList = false;
  for (const token of tokens) {
    const previous = separated[separated.length - 1];
    if (token.tokenType === t.LeftParen) inList = previous?.tokenType === t.In;
    else if (token.tokenType === t.RightParen) inList = false;
    else if (inList && previous !== undefined && valueTokens.has(token.tokenType) && valueTokens.has(previous.tokenType)) {
      const insertAt = tokenSpan(previous).end;
      problems.push(
        error(codes.unexpectedToken, `Expected "," between the values of the list after ${describeToken(previous)}, found ${describeToken(token)}.`, tokenSpan(token), [
          { message: 'Insert ",".', span: { start: insertAt, end: insertAt }, replacement: "," },
        ]),
      );
      separated.push(createTokenInstance(t.Comma, "", insertAt, insertAt, Number.NaN, Number.NaN, Number.NaN, Number.NaN));
    }
    separated.push(token);
  }
  return separated;
}

/** Finds the first "(" that opens a level beyond the limit, before the recursive parser reaches it. */
function findTooDeepParenthesis(tokens: IToken[], maxDepth: number): { start: number; end: number } | undefined {
  let depth = 0;
  for (const token of tokens) {
    if (token.tokenType === t.LeftParen) {
      depth++;
      if (depth > maxDepth) return tokenSpan(token);
    } else if (token.tokenType === t.RightParen && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** Walks the tree without recursion and returns the first node deeper than the limit. */
export function findTooDeepNode(root: Expression, maxDepth: number): Expression | undefined {
  const stack: [Expression, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Expression, number];
    if (depth > maxDepth) return node;
    if (node.type === "And" || node.type === "Or") for (const operand of node.operands) stack.push([operand, depth + 1]);
    else if (node.type === "Not") stack.push([node.operand, depth + 1]);
  }
  return undefined;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.code}:${problem.span.start}:${problem.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function operatorProblem(field: IToken, found: IToken): Problem {
  return error(
    codes.unexpectedToken,
    `Expected an operator after ${describeToken(field)}, found ${describeToken(found)}. The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL.`,
    foundSpan(found, field),
  );
}

function createBuilder(source: string, tokens: IToken[], problems: Problem[]): NodeBuilder {
  return {
    fieldReference(token: IToken): FieldReference {
      const span = tokenSpan(token);
      if (!isFieldPath(token.image)) {
        problems.push(
          error(
            codes.invalidFieldName,
            `${quote(token.image)} is not a field name; a field name is letters, digits and _ joined by dots (example: file.path), and comes before the operator.`,
            span,
          ),
        );
      }
      return { type: "Field", name: token.image, span };
    },

    literal(token: IToken): Literal {
      const span = tokenSpan(token);
      switch (token.tokenType) {
        case t.RelativeTime:
          return { type: "Literal", form: "relative", text: token.image.replace(/\s+/g, "").toLowerCase(), span };
        case t.DoubleQuotedString:
        case t.SingleQuotedString:
          return { type: "Literal", form: "string", text: decodeLiteral(token.image.slice(1, -1), span.start + 1, problems), span };
        case t.UnterminatedString: {
          const quoteCharacter = token.image[0] as string;
          const body = token.image.slice(1);
          // An odd number of trailing backslashes ends in an escape with nothing to escape: it is dropped
          // from the value, and the fix closes the string after an escaped backslash.
          const danglingEscape = (body.match(/\\+$/)?.[0].length ?? 0) % 2 === 1;
          const closing = danglingEscape ? `\\${quoteCharacter}` : quoteCharacter;
          problems.push(
            error(
              codes.unterminatedString,
              `The string ${quote(body, 30)} has no closing quote (${quoteCharacter}); add one where the string ends.`,
              span,
              [{ message: `Insert ${closing} at the end.`, span: { start: span.end, end: span.end }, replacement: closing }],
            ),
          );
          return { type: "Literal", form: "string", text: decodeLiteral(danglingEscape ? body.slice(0, -1) : body, span.start + 1, problems), span };
        }
        default:
          return { type: "Literal", form: "word", text: token.image, span };
      }
    },

    missingOperator(previous: Expression, next: Expression): void {
      if (previous.type === "Invalid" || next.type === "Invalid") return;
      const gap = { start: previous.span.end, end: next.span.start };
      problems.push(
        error(
          codes.missingOperator,
          `Two conditions follow each other with nothing between them: ${quote(source.slice(previous.span.start, previous.span.end), 40)} and ${quote(source.slice(next.span.start, next.span.end), 40)}. Join them with AND or OR.`,
          { start: next.span.start, end: next.span.end },
          [
            { message: "Insert AND between them.", span: { start: gap.start, end: gap.start }, replacement: " AND" },
            { message: "Insert OR between them.", span: { start: gap.start, end: gap.start }, replacement: " OR" },
          ],
        ),
      );
    },

    missingComparisonOperator(field: IToken, value: Literal): InvalidExpression {
      const fieldSpan = tokenSpan(field);
      const written = source.slice(value.span.start, value.span.end);
      problems.push(
        error(
          codes.unexpectedToken,
          `Expected an operator between ${describeToken(field)} and ${quote(written, 40)}. The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL.`,
          value.span,
          [{ message: "Insert = between them.", span: { start: fieldSpan.end, end: fieldSpan.end }, replacement: " =" }],
        ),
      );
      return { type: "Invalid", span: { start: fieldSpan.start, end: value.span.end } };
    },

    missingComparison(field: IToken, found: IToken): InvalidExpression {
      const span = tokenSpan(field);
      problems.push(splitSize(tokens, field, source) ?? operatorProblem(field, found));
      return { type: "Invalid", span };
    },

    missingOperand(operator: IToken, found: IToken): void {
      problems.push(error(codes.missingCondition, `Expected a condition after ${describeToken(operator)}, found ${describeToken(found)}.`, foundSpan(found, operator)));
    },

    missingValue(operator: IToken, found: IToken): void {
      if (found.tokenType === t.Null) {
        problems.push(
          error(codes.nullAsValue, 'NULL is not a value to compare with; write IS NULL or IS NOT NULL, or quote "null" to mean that text.', foundSpan(found, operator)),
        );
        return;
      }
      const hint = keywordTokens.has(found.tokenType) ? ` To use ${quote(found.image)} as a value, quote it.` : "";
      problems.push(error(codes.missingValue, `Expected a value after ${describeToken(operator)}, found ${describeToken(found)}.${hint}`, foundSpan(found, operator)));
    },

    emptyParentheses(open: IToken, close: IToken): void {
      const end = Number.isNaN(close.startOffset) ? open.startOffset + 1 : close.startOffset + 1;
      problems.push(
        error(codes.emptyParentheses, "The parentheses are empty; put a condition inside them or remove them.", {
          start: open.startOffset,
          end,
        }),
      );
    },
  };
}

/** Returns the span of the token found where something was missing, or at the end of the text the empty span after `after`. */
function foundSpan(found: IToken, after: IToken): { start: number; end: number } {
  if (found.tokenType === EOF || Number.isNaN(found.startOffset) || found.image.length === 0) {
    const end = after.startOffset + after.image.length;
    return { start: end, end };
  }
  return tokenSpan(found);
}

function decodeLiteral(body: string, bodyOffset: number, problems: Problem[]): string {
  const decoded = decodeStringBody(body);
  if (decoded.ok) return decoded.value;
  problems.push(error(codes.invalidEscape, decoded.message, { start: bodyOffset + decoded.start, end: bodyOffset + decoded.end }));
  return body;
}

const valueTokens = new Set([t.Word, t.DoubleQuotedString, t.SingleQuotedString, t.UnterminatedString, t.RelativeTime]);
const keywordTokens = new Set([t.And, t.Or, t.Not, t.In, t.Between, t.Is, t.Null]);

/** Describes a token for "found ..." in messages. */
function describeToken(token: IToken): string {
  if (token.tokenType === EOF || token.image.length === 0) return "the end of the query";
  if (keywordTokens.has(token.tokenType)) return `the keyword ${token.image.toUpperCase()}`;
  return quote(token.image, 40);
}

function readRecord(exception: IRecognitionException): SyntaxErrorRecord {
  try {
    return JSON.parse(exception.message) as SyntaxErrorRecord;
  } catch {
    return { kind: "mismatch", rule: "" };
  }
}

/** Turns one Chevrotain recognition error into a diagnostic that names what was expected where. */
function syntaxProblem(exception: IRecognitionException, source: string, tokens: IToken[]): Problem {
  const record = readRecord(exception);
  const token = exception.token;
  const atEnd = token.tokenType === EOF || Number.isNaN(token.startOffset) || token.image.length === 0;
  const previous = previousToken(tokens, atEnd ? source.length : token.startOffset);
  const span = atEnd ? endSpan(source, previous) : tokenSpan(token);
  const found = describeToken(token);
  const after = previous ? ` after ${describeToken(previous)}` : "";

  // Parentheses are balanced before parsing, so a ")" or "(" the parser did not expect is left over
  // from recovering from an earlier error, and is reported as an unexpected token that can cascade.
  if (record.kind === "redundant") {
    if (token.tokenType === t.RightParen) return error(codes.unexpectedToken, `Unexpected ")"${after}.`, span);
    if (previous === undefined) return error(codes.missingCondition, `Expected a condition, found ${found}.`, span);
    return error(codes.unexpectedToken, `Expected AND, OR or the end of the query${after}, found ${found}.`, span);
  }

  if (record.kind === "mismatch" && record.expected === t.RightParen.name && record.rule === "valueList" && valueTokens.has(token.tokenType)) {
    const insertAt = previous === undefined ? span.start : tokenSpan(previous).end;
    return error(codes.unexpectedToken, `Expected "," between the values of the list${after}, found ${found}.`, span, [
      { message: 'Insert ",".', span: { start: insertAt, end: insertAt }, replacement: "," },
    ]);
  }
  if (record.kind === "mismatch" && record.expected === t.RightParen.name) {
    return error(codes.unexpectedToken, `Expected ")" to close the group${after}, found ${found}.`, span, [
      { message: 'Insert ")".', span: { start: span.start, end: span.start }, replacement: ")" },
    ]);
  }
  if (record.kind === "mismatch" && record.expected === t.Null.name) {
    return error(codes.unexpectedToken, `Expected NULL${after}, found ${found}; write IS NULL or IS NOT NULL.`, span);
  }
  if (record.kind === "mismatch" && record.expected === t.And.name) {
    return error(codes.unexpectedToken, `Expected AND between the bounds of BETWEEN, found ${found}; write field BETWEEN low AND high.`, span);
  }
  if (record.kind === "mismatch" && record.expected === t.In.name) {
    return error(codes.unexpectedToken, `Expected IN${after}, found ${found}; write NOT IN (value, ...).`, span);
  }
  if (record.kind === "mismatch" && record.expected === t.LeftParen.name) {
    return error(codes.unexpectedToken, `Expected "(" to open the list of values${after}, found ${found}; write IN (value, ...).`, span);
  }
  if (record.rule === "value" || record.rule === "valueList") {
    if (token.tokenType === t.Null) {
      return error(codes.nullAsValue, `NULL is not a value to compare with; write IS NULL or IS NOT NULL, or quote "null" to mean that text.`, span);
    }
    const hint = keywordTokens.has(token.tokenType) ? ` To use ${quote(token.image)} as a value, quote it.` : "";
    return error(codes.missingValue, `Expected a value${after}, found ${found}.${hint}`, span);
  }
  if (record.rule === "condition" || record.rule === "comparisonOperator") {
    const split = splitSize(tokens, previous, source);
    if (split !== undefined) return split;
    return error(
      codes.unexpectedToken,
      `Expected an operator${after}, found ${found}. The operators are =, !=, <, <=, >, >=, ~, !~, =~, IN, NOT IN, BETWEEN and IS NULL.`,
      span,
    );
  }
  if (record.rule === "primary" || record.rule === "notExpression") {
    return error(codes.missingCondition, `Expected a condition${after}, found ${found}.`, span);
  }
  return error(codes.unexpectedToken, `Unexpected ${found}${after}.`, span);
}

const SIZE_UNIT = /^(?:b|kb|mb|gb|tb|kib|mib|gib|tib)$/i;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Recognises a size written with a space, `10 MB`, which reads as a value and then a new condition. */
function splitSize(tokens: IToken[], unit: IToken | undefined, source: string): Problem | undefined {
  if (unit === undefined || !SIZE_UNIT.test(unit.image)) return undefined;
  const index = tokens.indexOf(unit);
  const amount = tokens[index - 1];
  if (amount === undefined || !NUMBER.test(amount.image)) return undefined;
  const span = { start: amount.startOffset, end: tokenSpan(unit).end };
  const written = source.slice(span.start, span.end);
  const joined = `${amount.image}${unit.image}`;
  return error(codes.missingOperator, `${quote(written)} reads as a number and then a new condition; write a size without a space: ${joined}.`, span, [
    { message: `Replace with ${joined}.`, span, replacement: joined },
  ]);
}

/** Syntax errors that recovery can cause one after another; the others stand on their own. */
const cascadingCodes: ReadonlySet<string> = new Set([
  codes.unexpectedToken,
  codes.missingOperator,
  codes.missingValue,
  codes.nullAsValue,
  codes.missingCondition,
]);

/**
 * Removes syntax errors that start on the token of an earlier one, or on the token right after it:
 * they are usually consequences of the earlier error, not mistakes of their own.
 */
function dropCascades(problems: Problem[], tokens: IToken[]): void {
  const ordered = problems.map((problem, index) => ({ problem, index })).sort((a, b) => a.problem.span.start - b.problem.span.start || a.index - b.index);
  const windows: [number, number][] = [];
  const dropped = new Set<Problem>();
  for (const { problem } of ordered) {
    if (!cascadingCodes.has(problem.code)) continue;
    const start = problem.span.start;
    if (windows.some(([from, to]) => start >= from && start <= to)) {
      dropped.add(problem);
      continue;
    }
    windows.push([start, nextTokenEnd(tokens, start)]);
  }
  if (dropped.size > 0) problems.splice(0, problems.length, ...problems.filter((problem) => !dropped.has(problem)));
}

/** Returns the end offset of the token after the one starting at `offset`, or of that token when it is the last. */
function nextTokenEnd(tokens: IToken[], offset: number): number {
  const index = tokens.findIndex((token) => token.startOffset >= offset);
  const next = index === -1 ? undefined : (tokens[index + 1] ?? tokens[index]);
  return next === undefined ? offset : tokenSpan(next).end;
}

function previousToken(tokens: IToken[], offset: number): IToken | undefined {
  let found: IToken | undefined;
  for (const token of tokens) {
    if (token.startOffset >= offset) break;
    found = token;
  }
  return found;
}

/** Returns an empty span just after the last token, for errors found at the end of the text. */
function endSpan(source: string, previous: IToken | undefined): { start: number; end: number } {
  const end = previous ? previous.startOffset + previous.image.length : source.length;
  return { start: end, end };
}
