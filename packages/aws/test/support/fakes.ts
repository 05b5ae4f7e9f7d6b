import type { CallContext, CallLimits } from "@cairn/core/provider";
import type { AwsSettings } from "../../src/config/settings.js";
import { AwsProvider, type AwsProviderOptions } from "../../src/provider/aws-provider.js";
import type { Clock } from "../../src/runtime/clock.js";

/** A clock whose sleeps take no real time; each one yields to other work first. */
export class FakeClock implements Clock {
  current = 1_700_000_000_000;
  readonly sleeps: number[] = [];

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    this.current += ms;
    return new Promise((resolve, reject) =>
      setImmediate(() => (signal?.aborted ? reject(new Error("aborted")) : resolve())),
    );
  }
}

/** A call context that records progress messages and the limits each call went through. */
export interface TestCallContext extends CallContext {
  readonly progressMessages: string[];
  readonly limited: string[];
  readonly controller: AbortController;
}

/** A call context for one resource. */
export function callContext(type: string, name: string, options: { timeoutMs?: number } = {}): TestCallContext {
  const progressMessages: string[] = [];
  const limited: string[] = [];
  const controller = new AbortController();
  return {
    urn: `urn:cairn:test::proj::${type}::${name}`,
    type,
    name,
    signal: controller.signal,
    timeoutMs: options.timeoutMs ?? 20 * 60_000,
    progress: (message) => progressMessages.push(message),
    markSecret: () => undefined,
    limit: <T>(limits: CallLimits, call: () => Promise<T>) => {
      limited.push(limits.key);
      return call();
    },
    progressMessages,
    limited,
    controller,
  };
}

/** Provider settings for tests: a fixed region, no endpoint overrides. */
export function testSettings(overrides: Partial<AwsSettings> = {}): AwsSettings {
  return { region: "us-west-2", endpoints: {}, defaultTags: {}, projectDir: process.cwd(), accessKey: "testing", secretKey: "testing", ...overrides };
}

/** A provider with a fake clock and fixed jitter. */
export function testProvider(overrides: Partial<AwsSettings> = {}, options: AwsProviderOptions = {}): { provider: AwsProvider; clock: FakeClock } {
  const clock = new FakeClock();
  const provider = new AwsProvider(testSettings(overrides), { clock, random: () => 0.5, env: {}, ...options });
  return { provider, clock };
}

/** Checks inputs the way the engine does before create, failing the test on check failures. */
export async function checked(provider: AwsProvider, type: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await provider.check(type, inputs as never);
  if (result.failures && result.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(result.failures)}`);
  return result.inputs as Record<string, unknown>;
}

/** An AWS-style service error. */
export function awsError(name: string, message = name, status = 400): Error {
  const error = new Error(message) as Error & { $metadata: { httpStatusCode: number }; $fault: string };
  error.name = name;
  error.$metadata = { httpStatusCode: status };
  error.$fault = status >= 500 ? "server" : "client";
  return error;
}

/** The names of the commands a mocked client received, in order. */
export function commandNames(mock: { calls(): { args: unknown[] }[] }): string[] {
  return mock.calls().map((c) => (c.args[0] as object).constructor.name.replace(/Command$/, ""));
}
