/**
 * The contenders of the throughput and compile benchmarks: the hand-written baseline, dspm-gql in
 * its two modes, and the peer libraries. Each contender turns a query of queries.mjs into a
 * predicate `(event) => boolean`, or reports that it cannot express the query.
 */
import { Environment } from "@marcbachmann/cel-js";
import { celEnv, parse as parseBufCel, plan as planBufCel } from "@bufbuild/cel";
import { strings as bufCelStrings } from "@bufbuild/cel/ext";
import { compileExpression as compileFiltrex, useDotAccessOperatorAndOptionalChaining } from "filtrex";
import jexlModule from "jexl";
import jsonLogic from "json-logic-js";
import { parse as parseLiqe, test as testLiqe } from "liqe";
import { Query as MingoQuery } from "mingo";
import sift from "sift";
import { compile, datasets } from "../dist/index.js";
import { BENCH_NOW } from "./events.mjs";
import { lower } from "./queries.mjs";

/** The clock of every predicate that needs the current time. */
export const benchClock = () => BENCH_NOW;

const filtrexOptions = { extraFunctions: { lower }, customProp: useDotAccessOperatorAndOptionalChaining };

// Environments are built once, as the libraries recommend; building them is not part of a compile.
const marcCelEnvironment = new Environment().registerVariable("e", "map");
const bufCelEnvironment = celEnv({ funcs: bufCelStrings });
const jexl = new jexlModule.Jexl();
jexl.addTransform("lower", lower);
jsonLogic.add_operation("lower", lower);

/**
 * Creates a contender. `build(query)` returns `{ predicate }` or `{ unable: reason }`. `compile(query)`
 * returns `{ step }`, a function that runs only the library's own compile or parse step for the
 * latency benchmark, or `{ unable: reason }`, or `{ none: true }` for contenders without a step.
 */
function contender(id, label, kind, build, compileStep) {
  return { id, label, kind, build, compile: compileStep };
}

function peerExpression(query, key) {
  const expression = query.peers[key];
  if (expression === undefined) return { unable: "no expression was written for it" };
  if (expression !== null && typeof expression === "object" && "unable" in expression) return { unable: expression.unable };
  return { expression };
}

/** Wraps a peer: missing expressions become `unable`, and the predicate is built from the expression. */
function peer(id, label, key, makePredicate, compileStep) {
  return contender(
    id,
    label,
    "peer",
    (query) => {
      const found = peerExpression(query, key);
      return found.unable !== undefined ? found : { predicate: makePredicate(found.expression) };
    },
    (query) => {
      const found = peerExpression(query, key);
      if (found.unable !== undefined) return found;
      if (compileStep === undefined) return { none: true };
      return { step: () => compileStep(found.expression) };
    },
  );
}

function compileOurs(query, mode) {
  return compile(query.gql, { dataset: datasets[query.dataset], now: benchClock, mode });
}

export const contenders = [
  contender("hand", "hand-written", "hand", (query) => ({ predicate: query.hand(benchClock) }), () => ({ none: true })),
  contender(
    "ours",
    "dspm-gql",
    "ours",
    (query) => ({ predicate: compileOurs(query, "generated") }),
    (query) => ({ step: () => compileOurs(query, "generated") }),
  ),
  contender(
    "ours-closure",
    "dspm-gql closure",
    "ours",
    (query) => ({ predicate: compileOurs(query, "closure") }),
    (query) => ({ step: () => compileOurs(query, "closure") }),
  ),
  peer(
    "filtrex",
    "filtrex 3.1.0",
    "filtrex",
    (expression) => {
      const filter = compileFiltrex(expression, filtrexOptions);
      // filtrex returns errors (a missing list, a wrong type) instead of throwing them.
      return (event) => filter(event) === true;
    },
    (expression) => compileFiltrex(expression, filtrexOptions),
  ),
  peer(
    "liqe",
    "liqe 3.8.7",
    "liqe",
    (expression) => {
      const ast = parseLiqe(expression);
      return (event) => testLiqe(ast, event);
    },
    (expression) => parseLiqe(expression),
  ),
  peer(
    "cel-marc",
    "@marcbachmann/cel-js 8.0.0",
    "cel",
    (expression) => {
      const evaluate = marcCelEnvironment.parse(expression);
      return (event) => {
        // An evaluation error (for instance a field read on a missing object) is thrown.
        try {
          return evaluate({ e: event }) === true;
        } catch {
          return false;
        }
      };
    },
    (expression) => marcCelEnvironment.parse(expression),
  ),
  peer(
    "cel-buf",
    "@bufbuild/cel 0.6.1",
    "cel",
    (expression) => {
      const evaluate = planBufCel(bufCelEnvironment, parseBufCel(expression));
      // An evaluation error is returned as a CelError value, which is not `true`.
      return (event) => evaluate({ e: event }) === true;
    },
    (expression) => planBufCel(bufCelEnvironment, parseBufCel(expression)),
  ),
  peer(
    "sift",
    "sift 17.1.4",
    "mongo",
    (query) => {
      const test = sift(query);
      return (event) => test(event);
    },
    (query) => sift(query),
  ),
  peer(
    "mingo",
    "mingo 7.2.7",
    "mongo",
    (query) => {
      const compiled = new MingoQuery(query);
      return (event) => compiled.test(event);
    },
    (query) => new MingoQuery(query),
  ),
  peer(
    "jexl",
    "jexl 2.3.0",
    "jexl",
    (expression) => {
      const compiled = jexl.compile(expression);
      return (event) => compiled.evalSync(event) === true;
    },
    (expression) => jexl.compile(expression),
  ),
  // json-logic interprets the rule object on every call and has no compile step.
  peer("jsonlogic", "json-logic-js 2.0.5", "jsonLogic", (rule) => (event) => jsonLogic.apply(rule, event) === true, undefined),
];

