import type { Hint } from "./hints.js";

/**
 * Stable error codes. A code never changes meaning once released; tools and
 * tests match on it instead of on message text.
 */
export type ErrorCode =
  | "INVALID_ARGUMENT"
  | "GRAPH_FROZEN"
  | "NO_PROGRAM_SCOPE"
  | "URN_DUPLICATE"
  | "PLAN_CYCLE"
  | "CHECK_FAILED"
  | "CONFIG_MISSING"
  | "CONFIG_INVALID"
  | "OUTPUT_TO_STRING"
  | "PROGRAM_ERROR"
  | "PROGRAM_STALLED"
  | "PROVIDER_NOT_FOUND"
  | "MOCK_MISSING"
  | "PROVIDER_ERROR"
  | "PROTECTED"
  | "PLAN_DRIFT"
  | "PLAN_INCONSISTENT"
  | "STATE_LOCKED"
  | "STATE_CORRUPT"
  | "STATE_NEWER_VERSION"
  | "STATE_LINEAGE_MISMATCH"
  | "STATE_BACKEND_ERROR"
  | "STACK_NOT_FOUND"
  | "STACK_EXISTS"
  | "RESOURCE_NOT_FOUND"
  | "SECRETS_UNAVAILABLE"
  | "SECRETS_KEY_SERVICE"
  | "SECRETS_BAD_PASSPHRASE"
  | "PENDING_OPERATIONS"
  | "CANCELLED"
  | "TIMEOUT"
  | "SKIPPED"
  | "RESOURCE_EXISTS"
  | "IMPORT_CONFLICT";

/** Where an error points: a resource, a file (with line), or both. */
export interface ErrorSubject {
  /** The URN of the resource the error concerns. */
  readonly urn?: string;
  /** A file, as `path` or `path:line:column`. */
  readonly file?: string;
  /** The underlying error. */
  readonly cause?: unknown;
  /** Each individual problem, when the error reports several (CHECK_FAILED). */
  readonly problems?: readonly Problem[];
  /** What the user can do, as data; each is worded in the message by `hintText`. */
  readonly hints?: readonly Hint[];
}

/** One of several problems an error reports, such as one invalid property. */
export interface Problem {
  readonly urn?: string;
  /** The property at fault, as a dotted path. */
  readonly property?: string;
  readonly message: string;
  /** What the user can do about this problem, as data, worded in `message`. @default none */
  readonly hints?: readonly Hint[];
}

/**
 * The one error class of Cairn. Every failure the core reports carries a
 * stable {@link ErrorCode}, and the URN or file it concerns when there is one.
 */
export class CairnError extends Error {
  readonly code: ErrorCode;
  readonly urn?: string;
  readonly file?: string;
  /** Each individual problem, when there are several. */
  readonly problems?: readonly Problem[];
  /** What the user can do, as data; the message words each in plain language. */
  readonly hints?: readonly Hint[];

  constructor(code: ErrorCode, message: string, subject: ErrorSubject = {}) {
    super(message, subject.cause === undefined ? undefined : { cause: subject.cause });
    this.name = "CairnError";
    this.code = code;
    if (subject.urn !== undefined) this.urn = subject.urn;
    if (subject.file !== undefined) this.file = subject.file;
    if (subject.problems !== undefined) this.problems = subject.problems;
    if (subject.hints !== undefined && subject.hints.length > 0) this.hints = subject.hints;
  }

  /** Brand check that works across duplicate copies of this package. */
  static isCairnError(value: unknown): value is CairnError {
    return value instanceof Error && typeof (value as { code?: unknown }).code === "string" && value.name === "CairnError";
  }
}

/** The stable code and hints of a thrown value, when it is a CairnError: what a step's failure records beside its message. */
export function codeAndHints(error: unknown): { readonly code?: ErrorCode; readonly hints?: readonly Hint[] } {
  if (!CairnError.isCairnError(error)) return {};
  return error.hints === undefined ? { code: error.code } : { code: error.code, hints: error.hints };
}

/** The message of any thrown value, without assuming it is an Error. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
