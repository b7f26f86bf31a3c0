/**
 * Catalogues a local directory tree into `files` events, one NDJSON line per regular file, as an
 * endpoint connector would report them after a cataloguing pass.
 *
 * Usage: node examples/catalogue.mjs [ROOT] [--output FILE] [--connector-id ID]
 * ROOT defaults to the project's node_modules. Events go to stdout unless --output is given, and a
 * summary goes to stderr.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { lstat, readdir, stat } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** The tree catalogued when no root is given: this project's installed dependencies. */
export const defaultRoot = fileURLToPath(new URL("../node_modules", import.meta.url));

/** Files whose metadata is read concurrently within one directory. */
const statBatchSize = 32;

/** Unreadable entries kept as examples in the summary. The rest are only counted. */
const maxUnreadableSamples = 10;

/**
 * Media types by lower-case extension. A file whose extension is not here gets no mimeType, so
 * `mimeType IS NULL` finds the files the table does not recognise.
 */
export const mediaTypes = new Map([
  ["js", "text/javascript"],
  ["mjs", "text/javascript"],
  ["cjs", "text/javascript"],
  ["jsx", "text/javascript"],
  ["ts", "text/x-typescript"],
  ["mts", "text/x-typescript"],
  ["cts", "text/x-typescript"],
  ["tsx", "text/x-typescript"],
  ["json", "application/json"],
  ["map", "application/json"],
  ["md", "text/markdown"],
  ["markdown", "text/markdown"],
  ["txt", "text/plain"],
  ["html", "text/html"],
  ["htm", "text/html"],
  ["css", "text/css"],
  ["csv", "text/csv"],
  ["xml", "application/xml"],
  ["yml", "application/yaml"],
  ["yaml", "application/yaml"],
  ["c", "text/x-c"],
  ["h", "text/x-c"],
  ["cc", "text/x-c++"],
  ["cpp", "text/x-c++"],
  ["hh", "text/x-c++"],
  ["hpp", "text/x-c++"],
  ["py", "text/x-python"],
  ["sh", "application/x-sh"],
  ["png", "image/png"],
  ["jpg", "image/jpeg"],
  ["jpeg", "image/jpeg"],
  ["gif", "image/gif"],
  ["svg", "image/svg+xml"],
  ["pdf", "application/pdf"],
  ["wasm", "application/wasm"],
  ["zip", "application/zip"],
  ["gz", "application/gzip"],
  ["tgz", "application/gzip"],
]);

/** Returns the lower-case extension without the dot, or undefined for names such as `LICENSE` or `.npmrc`. */
export function extensionOf(name) {
  const extension = path.extname(name);
  if (extension.length <= 1) return undefined;
  return extension.slice(1).toLowerCase();
}

let userNames;

/** Reads /etc/passwd once into a map from uid to user name; empty where the file cannot be read. */
function loadUserNames() {
  if (userNames !== undefined) return userNames;
  userNames = new Map();
  let passwd;
  try {
    passwd = readFileSync("/etc/passwd", "utf8");
  } catch {
    return userNames;
  }
  for (const line of passwd.split("\n")) {
    const [name, , uid] = line.split(":");
    if (name === undefined || uid === undefined || !/^\d+$/.test(uid)) continue;
    const id = Number(uid);
    if (!userNames.has(id)) userNames.set(id, name);
  }
  return userNames;
}

/** Returns the user name of a uid, or the uid as a string when /etc/passwd has no entry for it. */
export function ownerOf(uid) {
  return loadUserNames().get(uid) ?? String(uid);
}

/** Returns the absolute path with `/` separators, whatever the platform separator is. */
function toSlashes(absolutePath) {
  return path.sep === "/" ? absolutePath : absolutePath.split(path.sep).join("/");
}

/** Builds the `files` event of one regular file from its path and `lstat` result. */
export function toFileEvent(absolutePath, stats, connectorId) {
  const eventPath = toSlashes(absolutePath);
  const name = path.basename(absolutePath);
  const extension = extensionOf(name);
  const event = {
    id: createHash("sha256").update(eventPath).digest("hex").slice(0, 32),
    flow: "CATALOGUING",
    dataSource: "ENDPOINT",
    connectorId,
    path: eventPath,
    name,
  };
  if (extension !== undefined) {
    event.extension = extension;
    const mimeType = mediaTypes.get(extension);
    if (mimeType !== undefined) event.mimeType = mimeType;
  }
  event.size = stats.size;
  // Node reports a birth time of 0 (the epoch) on file systems that do not record one.
  if (stats.birthtimeMs > 0) event.createdAt = stats.birthtime.toISOString();
  event.modifiedAt = stats.mtime.toISOString();
  event.accessedAt = stats.atime.toISOString();
  event.scannedAt = new Date().toISOString();
  event.owner = ownerOf(stats.uid);
  event.version = String(Math.trunc(stats.mtimeMs));
  return event;
}

/** Returns a summary with every count at zero, for `catalogueEvents` to fill in. */
export function emptySummary() {
  return {
    root: "",
    files: 0,
    bytes: 0,
    directories: 0,
    symbolicLinks: 0,
    otherEntries: 0,
    unreadable: 0,
    unreadableSamples: [],
  };
}

function recordUnreadable(summary, entryPath, error) {
  summary.unreadable += 1;
  if (summary.unreadableSamples.length < maxUnreadableSamples) {
    summary.unreadableSamples.push({ path: toSlashes(entryPath), code: error?.code ?? String(error) });
  }
}

/** Orders directory entries by the UTF-16 code units of their names, independent of the locale. */
function compareNames(a, b) {
  if (a.name < b.name) return -1;
  if (a.name > b.name) return 1;
  return 0;
}

async function lstatOrError(entryPath) {
  try {
    return { stats: await lstat(entryPath) };
  } catch (error) {
    return { error };
  }
}

/**
 * Walks the tree under `root` depth first, in name order within each directory, and yields the
 * `files` event of each regular file. Symbolic links are counted and never followed, so a link to
 * a directory cannot make the walk loop. A directory or entry below the root that cannot be read is
 * counted in `summary.unreadable` and skipped. Memory contains the entries of one directory and the
 * paths of the directories still to visit, never the whole list of files. The first `next()` rejects
 * with the `stat` error when the root itself is missing or unreadable.
 */
export async function* catalogueEvents(root, options = {}) {
  const summary = options.summary ?? emptySummary();
  const connectorId = options.connectorId ?? `endpoint-${hostname()}`;
  const absoluteRoot = path.resolve(root);
  summary.root = toSlashes(absoluteRoot);

  // The root itself is followed when it is a link, because the caller named it. A missing or
  // unreadable root raises the stat error.
  const rootStats = await stat(absoluteRoot);
  if (rootStats.isFile()) {
    summary.files += 1;
    summary.bytes += rootStats.size;
    yield toFileEvent(absoluteRoot, rootStats, connectorId);
    return;
  }
  if (!rootStats.isDirectory()) {
    summary.otherEntries += 1;
    return;
  }

  const pending = [absoluteRoot];
  while (pending.length > 0) {
    const directory = pending.pop();
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      recordUnreadable(summary, directory, error);
      continue;
    }
    summary.directories += 1;
    entries.sort(compareNames);

    const subdirectories = [];
    const files = [];
    for (const entry of entries) {
      const entryPath = path.join(directory, entry.name);
      if (entry.isSymbolicLink()) summary.symbolicLinks += 1;
      else if (entry.isDirectory()) subdirectories.push(entryPath);
      else if (entry.isFile()) files.push(entryPath);
      else summary.otherEntries += 1;
    }

    for (let start = 0; start < files.length; start += statBatchSize) {
      const batch = files.slice(start, start + statBatchSize);
      const results = await Promise.all(batch.map(lstatOrError));
      for (let index = 0; index < batch.length; index += 1) {
        const filePath = batch[index];
        const { stats, error } = results[index];
        if (error !== undefined) {
          recordUnreadable(summary, filePath, error);
          continue;
        }
        // The entry can change between readdir and lstat, so the type is checked again.
        if (!stats.isFile()) {
          if (stats.isSymbolicLink()) summary.symbolicLinks += 1;
          else if (stats.isDirectory()) subdirectories.push(filePath);
          else summary.otherEntries += 1;
          continue;
        }
        summary.files += 1;
        summary.bytes += stats.size;
        yield toFileEvent(filePath, stats, connectorId);
      }
    }

    // Reversed so that the stack pops the subdirectories in name order.
    for (let index = subdirectories.length - 1; index >= 0; index -= 1) pending.push(subdirectories[index]);
  }
}

/**
 * Writes the catalogue of `root` to a writable stream as NDJSON, waiting for the stream to drain
 * whenever its buffer is full. Does not end the stream. Resolves to the summary of the walk, and
 * rejects when the stream reports an error, for example EPIPE when a reader closes a pipe early.
 */
export async function writeCatalogue(root, output, options = {}) {
  const summary = emptySummary();
  let streamError;
  const onError = (error) => {
    streamError = error;
  };
  output.on("error", onError);
  try {
    for await (const event of catalogueEvents(root, { ...options, summary })) {
      if (streamError !== undefined) throw streamError;
      if (!output.write(`${JSON.stringify(event)}\n`)) await once(output, "drain");
    }
    if (streamError !== undefined) throw streamError;
  } finally {
    output.off("error", onError);
  }
  return summary;
}

/** Writes the catalogue of `root` to a new NDJSON file and resolves to the summary once the file is closed. */
export async function writeCatalogueFile(root, file, options = {}) {
  const output = createWriteStream(file);
  let summary;
  try {
    summary = await writeCatalogue(root, output, options);
  } finally {
    output.end();
  }
  await finished(output);
  return summary;
}

/** Renders a summary as one line for a terminal. */
export function describeSummary(summary) {
  const parts = [
    `catalogued ${summary.files} files (${summary.bytes} bytes) in ${summary.directories} directories under ${summary.root}`,
    `skipped ${summary.symbolicLinks} symbolic links and ${summary.otherEntries} other entries`,
    `${summary.unreadable} unreadable`,
  ];
  return parts.join("; ");
}

const usage = "Usage: node examples/catalogue.mjs [ROOT] [--output FILE] [--connector-id ID]";

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        "connector-id": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    process.stderr.write(`${error.message}\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  if (parsed.values.help) {
    process.stdout.write(`${usage}\nWrites one files event per regular file under ROOT (default: ${defaultRoot}) as NDJSON.\n`);
    return;
  }
  if (parsed.positionals.length > 1) {
    process.stderr.write(`Expected at most one ROOT, got ${parsed.positionals.length}.\n${usage}\n`);
    process.exitCode = 2;
    return;
  }

  const root = parsed.positionals[0] ?? defaultRoot;
  const options = {};
  if (parsed.values["connector-id"] !== undefined) options.connectorId = parsed.values["connector-id"];

  let summary;
  try {
    summary = parsed.values.output === undefined
      ? await writeCatalogue(root, process.stdout, options)
      : await writeCatalogueFile(root, parsed.values.output, options);
  } catch (error) {
    // A reader that stops early, such as `head`, closes the pipe, which ends the catalogue quietly.
    if (error?.code === "EPIPE") return;
    process.stderr.write(`Cataloguing ${root} failed: ${error?.message ?? error}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`${describeSummary(summary)}\n`);
  for (const sample of summary.unreadableSamples) {
    process.stderr.write(`  unreadable: ${sample.path} (${sample.code})\n`);
  }
}

const invokedPath = process.argv[1] === undefined ? undefined : path.resolve(process.argv[1]);
if (invokedPath === fileURLToPath(import.meta.url)) await main();
