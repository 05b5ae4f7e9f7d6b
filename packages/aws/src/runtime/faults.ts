import { appendFileSync } from "node:fs";
import { CairnError } from "@cairn/core";
import type { AwsService } from "../config/settings.js";

/** The environment variable that switches fault injection on. */
export const FAULTS_ENV = "CAIRN_AWS_FAULTS";

/** Which faults to inject into AWS calls, and how often. */
export interface FaultSpec {
  /** The share of calls answered with the service's throttling error, 0 to 1. @default 0 */
  readonly throttle: number;
  /** The share of calls answered with a 5xx error, 0 to 1. @default 0 */
  readonly serverError: number;
  /** A seed, for the same faults on every run. @default random */
  readonly seed?: number;
  /** A file to which one JSON line per call is appended: the API and the fault injected, if any. @default none */
  readonly log?: string;
}

/**
 * Parses `CAIRN_AWS_FAULTS`, such as `throttle=0.2,5xx=0.05,seed=7`. Unset or
 * empty means no faults; anything else that does not parse is an error
 * naming the variable.
 */
export function parseFaultSpec(text: string | undefined): FaultSpec | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const spec: { throttle: number; serverError: number; seed?: number; log?: string } = { throttle: 0, serverError: 0 };
  for (const part of text.split(",")) {
    const [key, value = ""] = part.split("=", 2).map((s) => s.trim()) as [string, string?];
    if (key === "log" && value !== "") spec.log = value;
    else if (key === "seed" && /^\d+$/.test(value)) spec.seed = Number(value);
    else if ((key === "throttle" || key === "5xx") && isShare(value)) spec[key === "5xx" ? "serverError" : "throttle"] = Number(value);
    else {
      throw new CairnError(
        "CONFIG_INVALID",
        `${FAULTS_ENV}="${text}" does not parse at "${part}": expected comma-separated throttle=<0..1>, 5xx=<0..1>, seed=<integer> or log=<file>, such as throttle=0.2,5xx=0.05.`,
      );
    }
  }
  if (spec.throttle + spec.serverError > 1) throw new CairnError("CONFIG_INVALID", `${FAULTS_ENV}="${text}": throttle and 5xx add up to more than 1.`);
  return spec;
}

function isShare(value: string): boolean {
  return /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value);
}

interface FaultAnswers {
  readonly throttle: readonly [string, number];
  readonly serverError: readonly [string, number];
}

/** What most AWS JSON services answer: the answer of a service not listed below. */
const USUAL_ANSWERS: FaultAnswers = { throttle: ["ThrottlingException", 400], serverError: ["InternalFailure", 500] };

/** The error each service answers throttled calls with, and its 5xx error, where they differ from the usual. */
const ANSWERS: Readonly<Partial<Record<AwsService, FaultAnswers>>> = {
  ec2: { throttle: ["RequestLimitExceeded", 503], serverError: ["InternalError", 500] },
  s3: { throttle: ["SlowDown", 503], serverError: ["InternalError", 500] },
  iam: { throttle: ["Throttling", 400], serverError: ["ServiceFailure", 500] },
  cloudcontrol: { throttle: ["ThrottlingException", 400], serverError: ["ServiceInternalErrorException", 500] },
};

type Next = (args: unknown) => Promise<unknown>;
type Middleware = (next: Next, context: { readonly commandName?: string }) => Next;

/** A client's middleware stack, as much of it as fault injection needs. */
export interface MiddlewareStackLike {
  add(middleware: Middleware, options: { readonly step: "finalizeRequest"; readonly priority: "low"; readonly name: string }): void;
}

/**
 * Adds fault injection to one SDK client: before a request goes out, a share
 * of calls is answered with the service's own throttling or 5xx error, as
 * AWS answers at its front door, so the request never reaches the service.
 * It sits after the SDK's retry step, so every attempt draws anew.
 */
export function injectFaults(stack: MiddlewareStackLike, service: AwsService, spec: FaultSpec): void {
  const random = seeded(spec.seed);
  const answers = ANSWERS[service] ?? USUAL_ANSWERS;
  const middleware: Middleware = (next, context) => async (args) => {
    const draw = random();
    const fault = draw < spec.throttle ? "throttle" : draw < spec.throttle + spec.serverError ? "serverError" : undefined;
    const api = (context.commandName ?? "unknown").replace(/Command$/, "");
    if (spec.log !== undefined) appendFileSync(spec.log, `${JSON.stringify({ service, api, fault: fault ?? null })}\n`);
    if (fault === undefined) return next(args);
    const [name, status] = answers[fault];
    throw injectedError(name, status, `${fault === "throttle" ? "Rate exceeded" : "An internal error occurred"} (injected by ${FAULTS_ENV})`);
  };
  stack.add(middleware, { step: "finalizeRequest", priority: "low", name: "cairnFaultInjection" });
}

function injectedError(name: string, status: number, message: string): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status, attempts: 1, totalRetryDelay: 0 },
    ...(name === "RequestLimitExceeded" || name === "SlowDown" || name.startsWith("Throttling") ? { $retryable: { throttling: true } } : {}),
  });
}

/** A small seeded generator (mulberry32), or Math.random without a seed. */
function seeded(seed: number | undefined): () => number {
  if (seed === undefined) return Math.random;
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
