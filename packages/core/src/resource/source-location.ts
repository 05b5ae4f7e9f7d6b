import { findSourceMap } from "node:module";
import { fileURLToPath } from "node:url";

const INTERNAL = /[\\/](packages[\\/](core|local|aws|cli)[\\/](src|dist)|node_modules[\\/]@cairn)[\\/]|^node:/;
const FRAMES = 4;

interface Frame {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Picks the first frame outside Cairn's own packages, as raw positions. */
function firstUserFrame(_error: Error, callSites: NodeJS.CallSite[]): Frame | undefined {
  for (const site of callSites) {
    const file = site.getFileName() ?? site.getScriptNameOrSourceURL();
    if (!file || INTERNAL.test(file)) continue;
    return { file, line: site.getLineNumber() ?? 0, column: site.getColumnNumber() ?? 0 };
  }
  return undefined;
}

/**
 * Where user code created something, as `file:line:column`: the first stack
 * frame outside Cairn's own packages. Capturing keeps three numbers and a
 * path; the text, mapped through source maps to the user's TypeScript, is
 * built only when an error or the state needs it.
 */
export class SourceLocation {
  readonly #frame: Frame | string | undefined;
  #text: string | undefined;

  private constructor(frame: Frame | string | undefined) {
    this.#frame = frame;
  }

  /**
   * Captures the caller's location; frames up to and including `skip` are
   * left out. Only the first user frame is kept, as a path and two numbers:
   * the raw frames V8 would otherwise hold for each resource cost ten times
   * that. Mapping through source maps waits for the text to be asked for.
   */
  static capture(skip: Function): SourceLocation {
    const holder: { stack?: Frame | string } = {};
    const limit = Error.stackTraceLimit;
    const prepare = Error.prepareStackTrace;
    Error.stackTraceLimit = FRAMES;
    Error.prepareStackTrace = firstUserFrame;
    let frame: Frame | string | undefined;
    try {
      Error.captureStackTrace(holder, skip);
      frame = holder.stack;
    } finally {
      Error.prepareStackTrace = prepare;
      Error.stackTraceLimit = limit;
    }
    return new SourceLocation(frame);
  }

  toString(): string {
    this.#text ??= this.#format();
    return this.#text;
  }

  #format(): string {
    const frame = this.#frame;
    if (frame === undefined) return "(unknown location)";
    return typeof frame === "string" ? frame : format(frame);
  }
}

function format(frame: Frame): string {
  const mapped = mapThroughSourceMap(frame);
  const file = mapped.file.startsWith("file://") ? fileURLToPath(mapped.file) : mapped.file;
  return `${file}:${mapped.line}:${mapped.column}`;
}

function mapThroughSourceMap(frame: Frame): Frame {
  try {
    const map = findSourceMap(frame.file);
    const entry = map?.findEntry(frame.line - 1, frame.column - 1) as
      | { originalSource?: string; originalLine?: number; originalColumn?: number }
      | undefined;
    if (entry?.originalSource !== undefined && entry.originalLine !== undefined) {
      return { file: entry.originalSource, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
    }
  } catch {
    // No source map for this file: the raw position is still right for plain JavaScript.
  }
  return frame;
}
