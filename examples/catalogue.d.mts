/** Types of examples/catalogue.mjs, for the TypeScript tests that import it. */
import type { Writable } from "node:stream";
import type { Stats } from "node:fs";

/** A `files` event as the catalogue writes it. */
export interface CatalogueEvent {
  id: string;
  flow: "CATALOGUING";
  dataSource: "ENDPOINT";
  connectorId: string;
  path: string;
  name: string;
  /** Absent for names without an extension. */
  extension?: string;
  /** Absent when the extension is not in `mediaTypes`. */
  mimeType?: string;
  size: number;
  /** Absent when the file system records no birth time. */
  createdAt?: string;
  modifiedAt: string;
  accessedAt: string;
  scannedAt: string;
  owner: string;
  version: string;
}

/** Counts of one catalogue walk. */
export interface CatalogueSummary {
  /** Absolute root with `/` separators. */
  root: string;
  files: number;
  bytes: number;
  directories: number;
  symbolicLinks: number;
  otherEntries: number;
  unreadable: number;
  /** The first few unreadable entries with their error codes. */
  unreadableSamples: { path: string; code: string }[];
}

export interface CatalogueOptions {
  /** Default: `endpoint-` followed by the host name. */
  connectorId?: string;
}

export const defaultRoot: string;
export const mediaTypes: ReadonlyMap<string, string>;
export function extensionOf(name: string): string | undefined;
export function ownerOf(uid: number): string;
export function toFileEvent(absolutePath: string, stats: Stats, connectorId: string): CatalogueEvent;
export function emptySummary(): CatalogueSummary;
export function catalogueEvents(
  root: string,
  options?: CatalogueOptions & { summary?: CatalogueSummary },
): AsyncGenerator<CatalogueEvent, void, undefined>;
export function writeCatalogue(root: string, output: Writable, options?: CatalogueOptions): Promise<CatalogueSummary>;
export function writeCatalogueFile(root: string, file: string, options?: CatalogueOptions): Promise<CatalogueSummary>;
export function describeSummary(summary: CatalogueSummary): string;
