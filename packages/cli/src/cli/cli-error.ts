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
  | "CLI_FILE_NOT_FOUND"
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

/**
 * The exit code of each CLI error code: 2 when the command line was wrong or
 * something it needs was not given, 130 for Ctrl-C, 1 otherwise. Every error
 * of the core exits with {@link EXIT.failed}. docs/cli.md lists the same.
 */
export const EXIT_OF_CODE: Readonly<Record<CliErrorCode, number>> = {
  CLI_USAGE: EXIT.usage,
  CLI_NO_PROJECT: EXIT.usage,
  CLI_PROJECT_INVALID: EXIT.failed,
  CLI_NO_STACK: EXIT.usage,
  CLI_STACK_NOT_FOUND: EXIT.usage,
  CLI_STACK_EXISTS: EXIT.usage,
  CLI_STACK_NOT_EMPTY: EXIT.failed,
  CLI_STACK_CONFIG_INVALID: EXIT.failed,
  CLI_CONFIG_NOT_FOUND: EXIT.failed,
  CLI_NEEDS_TTY: EXIT.usage,
  CLI_PASSPHRASE_MISSING: EXIT.usage,
  CLI_PROGRAM_BUILD: EXIT.failed,
  CLI_PROGRAM_NOT_FOUND: EXIT.usage,
  CLI_TEMPLATE_NOT_FOUND: EXIT.usage,
  CLI_DIR_NOT_EMPTY: EXIT.usage,
  CLI_INSTALL_FAILED: EXIT.failed,
  CLI_BACKEND_UNSUPPORTED: EXIT.failed,
  CLI_RESOURCE_NOT_FOUND: EXIT.failed,
  CLI_CANCELLED: EXIT.cancelled,
  CLI_FILE_NOT_FOUND: EXIT.usage,
  CLI_CHANGES_FOUND: EXIT.changes,
  CLI_DOCS_STALE: EXIT.failed,
};

/** What the CLI reports for a failure it detected itself. */
export interface CliErrorOptions {
  /** A next step for the user, printed under the message. @default none */
  readonly hint?: string;
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
    this.exitCode = EXIT_OF_CODE[code];
    this.file = options.file;
  }

  /** Whether a value is a CliError. */
  static isCliError(value: unknown): value is CliError {
    return value instanceof Error && value.name === "CliError" && typeof (value as { code?: unknown }).code === "string";
  }
}
