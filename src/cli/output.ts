/**
 * Standard output and standard error with backpressure, and the colour decision. A reader that
 * closes the pipe early (`gql filter ... | head -1`) makes writes fail with EPIPE; that is recorded
 * here instead of crashing the process, so that a command can stop quietly.
 */
import type { ParsedArguments } from "./args.js";

export class OutputStream {
  private failure: NodeJS.ErrnoException | undefined;

  constructor(private readonly stream: NodeJS.WriteStream) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      this.failure ??= error;
    });
  }

  /** Whether the stream is a terminal. */
  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  /** The first write error, or `undefined` while writes succeed. */
  get error(): NodeJS.ErrnoException | undefined {
    return this.failure;
  }

  /** Whether the reading end of the pipe was closed, so further output has no reader. */
  get closedByReader(): boolean {
    return this.failure?.code === "EPIPE";
  }

  /**
   * Writes data and waits for the stream to drain when its buffer is full, so that output cannot pile
   * up in memory. After a write error this does nothing; check `error`.
   */
  async write(data: string | Uint8Array): Promise<void> {
    if (this.failure !== undefined || this.stream.destroyed) return;
    if (this.stream.write(data)) return;
    await new Promise<void>((resolve) => {
      const finish = (): void => {
        this.stream.off("drain", finish);
        this.stream.off("error", finish);
        this.stream.off("close", finish);
        resolve();
      };
      this.stream.on("drain", finish);
      this.stream.on("error", finish);
      this.stream.on("close", finish);
    });
  }

  /** Writes text followed by a line break. */
  async writeLine(text: string): Promise<void> {
    await this.write(`${text}\n`);
  }
}

/**
 * Decides whether to colour output for `stream`. When `--color` or `--no-color` is given, the last
 * one decides. Otherwise colour is on for a terminal, unless the NO_COLOR environment variable is
 * set to a non-empty value.
 */
export function shouldColor(args: ParsedArguments, stream: OutputStream, environment: NodeJS.ProcessEnv): boolean {
  const explicit = args.flag("color");
  if (explicit !== undefined) return explicit;
  const noColor = environment["NO_COLOR"];
  if (noColor !== undefined && noColor !== "") return false;
  return stream.isTTY;
}
