import { CairnError } from "@cairn/core";
import type { ErrorClass } from "@cairn/core/provider";

const THROTTLE_NAMES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottled",
  "RequestThrottledException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "SlowDown",
  "BandwidthLimitExceeded",
  "ProvisionedThroughputExceededException",
  "EC2ThrottledException",
  "PriorRequestNotComplete",
]);

const TRANSIENT_NAMES = new Set([
  "InternalError",
  "InternalFailure",
  "InternalServerError",
  "ServiceFailure",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "Unavailable",
  "RequestTimeout",
  "RequestTimeoutException",
  "TimeoutError",
  "ConcurrentModification",
  "OperationAborted",
  "IDPCommunicationError",
]);

const NETWORK_CODES = new Set(["ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ECONNABORTED", "UND_ERR_SOCKET"]);

/**
 * A failed AWS call, naming the API. Handlers throw it (through `call`); the
 * provider turns it into a CairnError naming the resource.
 */
export class AwsCallError extends Error {
  /** The API that failed, such as `RunInstances`. */
  readonly api: string;
  /** How many times the call was tried. */
  readonly attempts: number;

  constructor(api: string, cause: unknown, attempts = 1) {
    super(`${api}: ${awsMessage(cause)}`, { cause });
    this.name = "AwsCallError";
    this.api = api;
    this.attempts = attempts;
  }
}

/** The AWS error object inside a value, following `cause` links. */
export function rootAwsError(error: unknown): (Error & { $metadata?: { httpStatusCode?: number }; Code?: string }) | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (!(current instanceof AwsCallError) && !CairnError.isCairnError(current)) return current;
    current = current.cause;
  }
  return undefined;
}

/** The AWS error code (`NoSuchBucket`, `InvalidVpcID.NotFound`) of an error, if it has one. */
export function awsErrorName(error: unknown): string | undefined {
  const root = rootAwsError(error);
  if (root === undefined) return undefined;
  return typeof root.Code === "string" && root.Code.length > 0 ? root.Code : root.name;
}

/** The HTTP status of a failed AWS call, if it got one. */
export function httpStatusOf(error: unknown): number | undefined {
  return rootAwsError(error)?.$metadata?.httpStatusCode;
}

/** The cloud's message of an error, prefixed with its code when that adds something. */
export function awsMessage(error: unknown): string {
  const root = rootAwsError(error) ?? (error instanceof Error ? error : undefined);
  if (root === undefined) return String(error);
  const name = awsErrorName(root) ?? root.name;
  const status = httpStatusOf(root);
  if (root.name === "SyntaxError" && status !== undefined) {
    // The service answered with something that is not its protocol (an HTML error page from a proxy or an emulator).
    return `HTTP ${status} with a body that is not an AWS response (${root.message.split("\n")[0]})`;
  }
  const message = root.message && root.message !== name && root.message !== "UnknownError" ? root.message : describeStatus(root);
  return name && name !== "Error" && !message.startsWith(name) ? `${name}: ${message}` : message;
}

function describeStatus(error: Error & { $metadata?: { httpStatusCode?: number } }): string {
  const status = error.$metadata?.httpStatusCode;
  return status === undefined ? "no message from AWS" : `HTTP ${status} with no message from AWS`;
}

/** Whether an error has one of the given AWS codes, or (when `status` is given) that HTTP status. */
export function hasAwsCode(error: unknown, codes: readonly string[], status?: number): boolean {
  const name = awsErrorName(error);
  if (name !== undefined && codes.includes(name)) return true;
  return status !== undefined && httpStatusOf(error) === status;
}

/**
 * How the engine should treat an error: `throttle` for rate limiting,
 * `retry` for 5xx, timeouts and dropped connections, `fatal` for the rest
 * (validation, permissions, not found, missing credentials).
 */
export function classifyAwsError(error: unknown): ErrorClass {
  if (CairnError.isCairnError(error) && (error.code === "CANCELLED" || error.code === "TIMEOUT")) return "fatal";
  const root = rootAwsError(error);
  if (root === undefined) return "fatal";
  const name = awsErrorName(root) ?? "";
  if (THROTTLE_NAMES.has(name) || httpStatusOf(root) === 429) return "throttle";
  if (TRANSIENT_NAMES.has(name)) return "retry";
  const status = httpStatusOf(root);
  if (status !== undefined && status >= 500) return "retry";
  const code = (root as { code?: unknown }).code;
  if (typeof code === "string" && NETWORK_CODES.has(code)) return "retry";
  return "fatal";
}

/** Whether an error is worth retrying at once (throttling or transient). */
export function isRetryable(error: unknown): boolean {
  return classifyAwsError(error) !== "fatal";
}
