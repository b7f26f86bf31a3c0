/**
 * The causes of missed targets, by target id, as found by the maintainers. The report prints the
 * cause beside each target that the run did not meet. Each text states what was measured or read
 * in the code, and marks a cause that is an estimate.
 */
export const causes = {
  "hand-written":
    "The regular-expression query: =~ runs on re2js, a JavaScript port of RE2 that matches in time linear in the input. V8's own RegExp backtracks, which is faster on simple patterns but can take exponential time on patterns such as (a+)+$, which a service that runs customer patterns on every event cannot allow.",
  peers:
    "In the cold runs every evaluation starts with cache misses on a 1 KB event (about 200 ns per event for every contender, hand-written included), which caps any ratio; the hot runs, with the events in cache, show the predicates' own cost. sift and mingo build closures per query that are fast on simple queries. The regular-expression query is slower than sift's native RegExp for the reason given on the first row.",
  compile:
    "Parsing dominates (measured on a 170-character query: about 15 µs lexing, 40 µs parsing, 20 µs checking and code generation, 9 µs new Function). Chevrotain's lexer cannot use its first-character optimisation because a bare word is defined by the characters it excludes, so it tries every token pattern at each position, and the recovering parser with embedded actions costs more per rule than a hand-written one. @marcbachmann/cel-js does only parsing at its compile step and type-checks on first evaluation; re2js compiles regular expressions slowly (q07).",
  "stream-most":
    "Not profiled in detail. Besides JSON.parse on every line, gql filter checks each line for valid UTF-8 and for being blank, runs the predicate, and copies every matching line to its output, which the baseline does not do.",
  matcher:
    "The matcher indexes each query by one required value, or by two together when that gives at most 64 keys. In this workload an event meets on average about 97 indexed queries whose values it has, plus the 194 queries (2%) that pin nothing and are tested on every event (counted with 10,000 queries and 500 events), so about 34 times fewer predicates run than in the plain loop, and each candidate costs more than a call in that loop. The unpinned queries alone cap the gain near 50 times; indexing them (for example by the suffix of a name ~ \"*.pdf\" pattern) is not built yet.",
  "stream-few":
    "With --fast, a line that lacks every value the query requires is not parsed; lines with a backslash or non-ASCII bytes are always parsed.",
};
