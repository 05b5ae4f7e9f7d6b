import { CairnError, hintText, type Hint } from "@cairn/core";
import { AwsCallError, awsMessage, rootAwsError } from "../errors.js";
import type { ResourceHandler } from "./handler.js";

/**
 * Turns any failure of a provider operation into a CairnError that names the
 * resource, the operation, the AWS API, the input property at fault when the
 * cloud's message points at one, and the cloud's own message. The original
 * error stays as `cause`, so `classifyError` still sees the AWS code.
 */
export function toProviderError(error: unknown, label: string, operation: string, urn: string, handler?: ResourceHandler): CairnError {
  if (CairnError.isCairnError(error)) return error;
  const root = rootAwsError(error) ?? error;
  const setup = setupProblem(root);
  if (setup !== undefined) {
    return new CairnError("PROVIDER_ERROR", `${label}: cannot ${operation}: ${setup.text}`, { urn, cause: error, ...(setup.hints === undefined ? {} : { hints: setup.hints }) });
  }
  const api = error instanceof AwsCallError ? ` (${error.api})` : "";
  const message = awsMessage(error);
  const property = propertyIn(message, handler);
  const at = property === undefined ? "" : ` [property "${property}"]`;
  const tries = error instanceof AwsCallError && error.attempts > 1 ? ` (tried ${error.attempts} times)` : "";
  return new CairnError("PROVIDER_ERROR", `${label}: ${operation} failed${api}${at}: ${message}${tries}`, { urn, cause: error });
}

const PROFILE_KEY: Hint = { kind: "config-key", key: "aws:profile", example: "<name>" };
const REGION_KEY: Hint = { kind: "config-key", key: "aws:region", example: "us-west-2" };

/** A missing credential, region or unreachable endpoint, explained with what sets it. */
function setupProblem(error: unknown): { readonly text: string; readonly hints?: readonly Hint[] } | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (error.name === "CredentialsProviderError" || /Could not load credentials/i.test(error.message)) {
    const text =
      "no AWS credentials were found (tried environment variables, the shared config and credentials files, SSO, " +
      `container and instance metadata). Set AWS_PROFILE or ${hintText(PROFILE_KEY)}, run \`aws sso login\` ` +
      "or `aws configure`, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. " +
      `(${error.message})`;
    return { text, hints: [PROFILE_KEY] };
  }
  if (/Region is missing/i.test(error.message)) {
    return { text: `no AWS region is configured. Set one with ${hintText(REGION_KEY)}, AWS_REGION, or a profile's region.`, hints: [REGION_KEY] };
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND") {
    return { text: `the AWS endpoint could not be reached (${error.message}). Check aws:endpoint, AWS_ENDPOINT_URL and your network.` };
  }
  return undefined;
}

/** The input property an AWS message names, by the handler's parameter hints. */
function propertyIn(message: string, handler: ResourceHandler | undefined): string | undefined {
  const hints = handler?.parameterHints;
  if (hints === undefined) return undefined;
  const lower = message.toLowerCase();
  let best: { property: string; length: number } | undefined;
  for (const [word, property] of Object.entries(hints)) {
    // The longest matching word wins: "iamInstanceProfile.name" over "name".
    if (lower.includes(word.toLowerCase()) && (best === undefined || word.length > best.length)) best = { property, length: word.length };
  }
  return best?.property;
}
