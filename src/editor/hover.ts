/**
 * Hover for GQL: what the token under the cursor means. Fields show their type and description,
 * operators their meaning for the field's type, values how they read (bytes, the UTC instant, the
 * rank of a label), and keywords their meaning. It reads broken queries too.
 */
import type { IToken } from "chevrotain";
import type { OperatorName } from "../checker/operators.js";
import type { Dataset } from "../datasets/dataset.js";
import { isFieldPath } from "../datasets/dataset.js";
import { SourceMap, type Range, type Span } from "../diagnostics/diagnostic.js";
import { closestMatch } from "../diagnostics/suggest.js";
import * as t from "../lexer/tokens.js";
import { readCursor, spanOf, tokenEnd, type EditorOptions } from "./cursor.js";
import { fieldDocumentation, keywordMeanings, markdownCode, operatorMeaning, typeDetail, type KeywordName } from "./meanings.js";
import { literalOf, readTokenRoles, type ConditionTokens, type TokenRoles } from "./roles.js";
import { describeValue } from "./values.js";

export interface HoverResult {
  /** The text the hover is about: a field name, a whole operator such as `IS NOT NULL`, a value. */
  range: Range;
  /** Markdown. */
  contents: string;
}

export type HoverOptions = EditorOptions;

/**
 * Describes the token at `offset` (UTF-16 code units, clamped into the text): the token that
 * contains the character after the offset, or else, when that one has no description, the token
 * that ends at the offset. Returns `undefined` for white space, parentheses, commas and values of
 * unknown fields. Does not throw for any text and offset (a fast-check property in
 * test/editor.test.ts checks this). Throws `GqlError` only for an unknown or missing dataset.
 */
export function hover(source: string, offset: number, options: HoverOptions): HoverResult | undefined {
  const cursor = readCursor(source, offset, options);
  const roles = readTokenRoles(cursor.tokens);
  for (const token of tokensAtOffset(cursor.tokens, cursor.offset)) {
    const found = describeToken(token, roles, cursor.dataset);
    if (found !== undefined) return { range: new SourceMap(cursor.source).range(found.span), contents: found.contents };
  }
  return undefined;
}

/** Finds the token that contains the character after the offset, then the one that ends at the offset. */
function tokensAtOffset(tokens: readonly IToken[], offset: number): IToken[] {
  let containing: IToken | undefined;
  let endingHere: IToken | undefined;
  for (const token of tokens) {
    if (token.startOffset > offset) break;
    if (offset < tokenEnd(token)) containing = token;
    else if (offset === tokenEnd(token)) endingHere = token;
  }
  return [containing, endingHere].filter((token): token is IToken => token !== undefined);
}

interface Description {
  span: Span;
  contents: string;
}

function describeToken(token: IToken, roles: TokenRoles, dataset: Dataset): Description | undefined {
  for (const condition of roles.conditions) {
    const found = describeInCondition(token, condition, dataset);
    if (found !== undefined) return found;
  }
  const logical = roles.logical.find((entry) => entry.token === token);
  if (logical !== undefined) return { span: spanOf(token), contents: keywordMeanings[logical.name] };
  const keyword = keywordName(token);
  if (keyword !== undefined) return { span: spanOf(token), contents: keywordMeanings[keyword] };
  return undefined;
}

function keywordName(token: IToken): KeywordName | undefined {
  switch (token.tokenType) {
    case t.And:
    case t.AndSymbol:
      return "AND";
    case t.Or:
    case t.OrSymbol:
      return "OR";
    case t.Not:
    case t.Bang:
      return "NOT";
    case t.In:
      return "IN";
    case t.Between:
      return "BETWEEN";
    case t.Is:
      return "IS";
    case t.Null:
      return "NULL";
    default:
      return undefined;
  }
}

/** The keyword whose meaning a hover on a keyword operator adds. */
const operatorKeywords: Partial<Record<OperatorName, KeywordName>> = {
  IN: "IN",
  "NOT IN": "IN",
  BETWEEN: "BETWEEN",
  "IS NULL": "IS",
  "IS NOT NULL": "IS",
};

function describeInCondition(token: IToken, condition: ConditionTokens, dataset: Dataset): Description | undefined {
  const fieldToken = condition.field;
  const field = fieldToken === undefined ? undefined : dataset.field(fieldToken.image);

  if (token === fieldToken) return { span: spanOf(token), contents: describeField(token.image, dataset) };

  if (condition.operatorTokens.includes(token) && condition.operator !== undefined) {
    const first = condition.operatorTokens[0] as IToken;
    const last = condition.operatorTokens[condition.operatorTokens.length - 1] as IToken;
    const subject = field === undefined ? "" : ` on ${markdownCode(field.path)} (${typeDetail(field.type)})`;
    const meaning = operatorMeaning(condition.operator, field?.type);
    const lines = [`${markdownCode(condition.operator)}${subject}: ${meaning.endsWith(".") ? meaning : `${meaning}.`}`];
    const keyword = operatorKeywords[condition.operator];
    if (keyword !== undefined) lines.push(keywordMeanings[keyword]);
    return { span: { start: first.startOffset, end: tokenEnd(last) }, contents: lines.join("\n\n") };
  }

  if (token === condition.betweenAnd) {
    return { span: spanOf(token), contents: `This AND separates the bounds of BETWEEN. ${keywordMeanings.BETWEEN}` };
  }

  if (condition.values.includes(token)) {
    if (field === undefined) return undefined;
    const contents = describeValue(field, literalOf(token), condition.operator ?? "=");
    return contents === undefined ? undefined : { span: spanOf(token), contents };
  }
  return undefined;
}

function describeField(name: string, dataset: Dataset): string {
  const field = dataset.field(name);
  if (field !== undefined) return fieldDocumentation(field);
  if (!isFieldPath(name)) {
    return `${markdownCode(name)} is not a field name: a field name is letters, digits and _ joined by dots, such as file.path.`;
  }
  const closest = closestMatch(
    name,
    dataset.fields.map((candidate) => candidate.path),
  );
  const suggestion = closest === undefined ? "" : ` Did you mean ${markdownCode(closest)}?`;
  return `Unknown field ${markdownCode(name)}: the dataset ${dataset.name} has no such field.${suggestion}`;
}
