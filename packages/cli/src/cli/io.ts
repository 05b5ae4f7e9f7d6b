/** A stream the CLI writes to. */
export interface OutputStream {
  write(text: string): unknown;
  /** Set on a terminal. */
  readonly isTTY?: boolean;
  /** The terminal's width, on a terminal. */
  readonly columns?: number;
}

/** A stream the CLI reads answers from. */
export interface InputStream extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/**
 * Where the CLI reads and writes, and what kind of terminal it has. Built
 * once from the process in `main`; tests build their own.
 */
export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: InputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A person is at a terminal: stdin and stdout are TTYs and CI is not set. */
  readonly interactive: boolean;
  /** Live, redrawn display: stdout is a TTY and CI is not set. */
  readonly live: boolean;
  /** Colours: a TTY, NO_COLOR unset (or FORCE_COLOR set). */
  readonly color: boolean;
  /** The terminal width, or 100 when unknown. */
  readonly columns: number;
}

/** Describes the running process's terminal. */
export function processIO(): CliIO {
  const env = process.env;
  const ci = isSet(env.CI) && env.CI !== "false";
  const stdoutTTY = process.stdout.isTTY === true;
  const color = isSet(env.FORCE_COLOR) ? env.FORCE_COLOR !== "0" : !isSet(env.NO_COLOR) && stdoutTTY && env.TERM !== "dumb";
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env,
    interactive: !ci && process.stdin.isTTY === true && stdoutTTY,
    live: !ci && stdoutTTY && env.TERM !== "dumb",
    color,
    columns: process.stdout.columns ?? 100,
  };
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== "";
}
