/**
 * Baseline of the stream benchmark: reads an NDJSON file the way `gql filter` does (a read stream
 * with 1 MiB chunks, lines split at "\n", each line decoded as UTF-8) and only runs JSON.parse on
 * each line. Writes nothing to standard output; standard error gets "read N".
 *
 *   node bench/json-parse-baseline.mjs FILE
 */
import { createReadStream } from "node:fs";

const CHUNK_BYTES = 1024 * 1024;
const LINE_FEED = 0x0a;

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write("usage: node bench/json-parse-baseline.mjs FILE\n");
  process.exit(2);
}

let lines = 0;
let objects = 0;
let pending = [];

function parseLine(bytes) {
  if (bytes.length === 0) return;
  lines++;
  const value = JSON.parse(bytes.toString("utf8"));
  if (value !== null && typeof value === "object") objects++;
}

for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
  let start = 0;
  for (;;) {
    const end = chunk.indexOf(LINE_FEED, start);
    if (end === -1) {
      if (start < chunk.length) pending.push(chunk.subarray(start));
      break;
    }
    if (pending.length > 0) {
      pending.push(chunk.subarray(start, end));
      parseLine(Buffer.concat(pending));
      pending = [];
    } else {
      parseLine(chunk.subarray(start, end));
    }
    start = end + 1;
  }
}
if (pending.length > 0) parseLine(Buffer.concat(pending));

process.stderr.write(`read ${lines}, objects ${objects}\n`);
