/**
 * Stable codes of errors the CLI itself raises. Errors from the core keep
 * their own codes (`STATE_LOCKED`, `CONFIG_MISSING`, …).
 */
export type CliErrorCode =
  | "CLI_USAGE"
  | "CLI_NO_PROJECT"
  | "CLI_PROJECT_INVALID"
  | "CLI_NO_STACK"
  | "CLI_STACK_NOT_FOUND"
  | "CLI_STACK_EXISTS"
  | "CLI_STACK_NOT_EMPTY"
  | "CLI_STACK_CONFIG_INVALID"
  | "CLI_CONFIG_NOT_FOUND"
  | "CLI_NEEDS_TTY"
  | "CLI_PASSPHRASE_MISSING"
  | "CLI_PROGRAM_BUILD"
  | "CLI_PROGRAM_NOT_FOUND"
  | "CLI_TEMPLATE_NOT_FOUND"
  | "CLI_DIR_NOT_EMPTY"
  | "CLI_INSTALL_FAILED"
  | "CLI_BACKEND_UNSUPPORTED"
  | "CLI_RESOURCE_NOT_FOUND"
  | "CLI_CANCELLED"
  | "CLI_CHANGES_FOUND"
  | "CLI_DOCS_STALE";

/** Process exit codes of `cairn`. */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** The operation failed: an error, a failed step, a refused state. */
  failed: 1,
  /** The command line was wrong, or a confirmation was needed where none could be asked. */
  usage: 2,
  /** The user answered no to a confirmation. */
  declined: 3,
  /** Changes or drift were found where none were expected (`--expect-no-changes`, `--detailed-exitcode`, `refresh --preview-only`). */
  changes: 4,
  /** Stopped by Ctrl-C. */
  cancelled: 130,
} as const;

/** What the CLI reports for a failure it detected itself. */
export interface CliErrorOptions {
  /** A next step for the user, printed under the message. @default none */
  readonly hint?: string;
  /** The process exit code. @default {@link EXIT.failed} */
  readonly exitCode?: number;
  /** A file or `file:line:column` the error concerns. @default none */
  readonly file?: string;
  readonly cause?: unknown;
}

/** An error of the command line itself, with a stable code and an exit code. */
export class CliError extends Error {
  readonly code: CliErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: number;
  readonly file: string | undefined;

  constructor(code: CliErrorCode, message: string, options: CliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CliError";
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.failed;
    this.file = options.file;
  }

  /** Whether a value is a CliError. */
  static isCliError(value: unknown): value is CliError {
    return value instanceof Error && value.name === "CliError" && typeof (value as { code?: unknown }).code === "string";
  }
}
