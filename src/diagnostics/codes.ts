/**
 * Every diagnostic code, by family. A code never changes meaning once published; grammar/DIAGNOSTICS.md
 * lists each one with an example.
 */
export const codes = {
  // Syntax: the text is not a well-formed query.
  unexpectedToken: "GQL100",
  unterminatedString: "GQL101",
  invalidEscape: "GQL102",
  missingOperator: "GQL103",
  missingCloseParen: "GQL104",
  unmatchedCloseParen: "GQL105",
  emptyParentheses: "GQL106",
  missingValue: "GQL107",
  emptyQuery: "GQL108",
  invalidFieldName: "GQL109",
  nullAsValue: "GQL110",
  missingCondition: "GQL111",

  // Names: the field is not in the dataset.
  unknownField: "GQL200",
  reservedFieldName: "GQL201",

  // Types: the operator or label does not fit the field.
  operatorNotAllowed: "GQL300",
  unknownEnumLabel: "GQL301",

  // Values: a literal cannot be read as the field's type.
  invalidNumber: "GQL400",
  unsafeNumber: "GQL401",
  invalidSize: "GQL402",
  invalidTimestamp: "GQL403",
  invalidBoolean: "GQL404",
  invalidRegex: "GQL405",
  invalidRelativeTime: "GQL406",

  // Limits: the query is larger than the configured limits.
  queryTooLong: "GQL500",
  nestingTooDeep: "GQL501",
  tooManyDiagnostics: "GQL502",

  // Lints: warnings about queries that check but are probably not what was meant.
  contradiction: "GQL600",
  constantCondition: "GQL601",
  repeatedCondition: "GQL602",
  futureTimeForPastField: "GQL603",
  wholeTextWildcard: "GQL604",
  regexCouldBeWildcard: "GQL605",

  // API: errors of the calling program rather than of the query text.
  invalidDataset: "GQL900",
  unknownDataset: "GQL901",
  invalidOption: "GQL902",
} as const;

export type DiagnosticCode = (typeof codes)[keyof typeof codes];
