/**
 * Where user code created something, as `file:line:column`: the first stack
 * frame outside Cairn's own packages. Capturing is cheap; the text is built
 * only when an error needs it.
 */
export class SourceLocation {
  readonly #holder: { stack?: string };
  #text: string | undefined;

  private constructor(holder: { stack?: string }) {
    this.#holder = holder;
  }

  /** Captures the caller's location; `skip` is the function to leave out of the trace. */
  static capture(skip: Function): SourceLocation {
    const holder: { stack?: string } = {};
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 12;
    Error.captureStackTrace(holder, skip);
    Error.stackTraceLimit = limit;
    return new SourceLocation(holder);
  }

  /** A location known by text, such as one recorded in state. */
  static of(text: string): SourceLocation {
    const location = new SourceLocation({});
    location.#text = text;
    return location;
  }

  toString(): string {
    this.#text ??= firstUserFrame(this.#holder.stack ?? "") ?? "(unknown location)";
    return this.#text;
  }
}

const INTERNAL = /[\\/](packages[\\/](core|local|aws|cli)[\\/](src|dist)|node_modules[\\/]@cairn)[\\/]|node:internal|^\s*at (async )?Promise/;

function firstUserFrame(stack: string): string | undefined {
  for (const line of stack.split("\n").slice(1)) {
    if (INTERNAL.test(line)) continue;
    const match = /\(?((?:file:\/\/)?[^\s()]+:\d+:\d+)\)?\s*$/.exec(line);
    if (match?.[1]) return match[1].replace(/^file:\/\//, "");
  }
  return undefined;
}
