import { CairnError } from "../errors.js";
import { PROGRAM_PHASE } from "./phase.js";
import { Output, visitDependencies, resolveInput, type DependencySource, type Input } from "./output.js";

type Unwrapped<T> = T extends Output<infer U> ? U : T extends Promise<infer U> ? U : T;

const NO_RESOURCES: ReadonlySet<DependencySource> = new Set();

function dependenciesOf(value: unknown): ReadonlySet<DependencySource> {
  const found = new Set<DependencySource>();
  visitDependencies(value, (source) => found.add(source));
  return found.size === 0 ? NO_RESOURCES : found;
}

/**
 * Lifts any input — a value, a promise, an Output, or arrays and objects of
 * them — into one Output of the plain value.
 *
 * @example
 * const tags = output({ team: cfg.require("team"), bucket: bucket.bucket });
 */
export function output<T>(value: Input<T>): Output<Unwrapped<T>> {
  if (Output.isOutput(value)) return value as Output<Unwrapped<T>>;
  return new Output(dependenciesOf(value), (phase) => resolveInput(value, phase)) as Output<Unwrapped<T>>;
}

/** An Output whose value is secret: shown as `[secret]`, encrypted in state. */
export function secret<T>(value: Input<T>): Output<Unwrapped<T>> {
  const inner = output(value);
  return new Output(inner.resources, async (phase) => ({ ...(await inner.evaluate(phase)), secret: true })) as Output<
    Unwrapped<T>
  >;
}

/** An Output with the secret flag removed. Use only for values that are safe to show. */
export function unsecret<T>(value: Output<T>): Output<T> {
  return new Output(value.resources, async (phase) => ({ ...(await value.evaluate(phase)), secret: false }));
}

/**
 * Whether an Output is secret, judged from values that need no resource
 * (config, `secret()`, stack references). An Output that comes from a
 * resource is refused at once: its value, and so its secrecy, is there only
 * once the operation runs, and the program would wait for it forever.
 */
export async function isSecret(value: Output<unknown>): Promise<boolean> {
  if (value.resources.size > 0) {
    const from = [...value.resources].map((source) => source.urn).join(", ");
    throw new CairnError("INVALID_ARGUMENT", `isSecret() judges only values that need no resource, and this Output comes from ${from}. Read it inside apply(), where the value is known.`);
  }
  return (await value.evaluate(PROGRAM_PHASE)).secret;
}

/**
 * Combines inputs into one Output of an array or object of their values; it is
 * known when all are, and secret when any is.
 *
 * @example
 * all([vpc.id, subnet.id]).apply(([vpcId, subnetId]) => `${vpcId}/${subnetId}`);
 */
export function all<T extends readonly unknown[]>(values: readonly [...T]): Output<{ [K in keyof T]: Unwrapped<T[K]> }>;
export function all<T extends Record<string, unknown>>(values: T): Output<{ [K in keyof T]: Unwrapped<T[K]> }>;
export function all(values: unknown): Output<unknown> {
  return output(values);
}

/**
 * A template literal whose placeholders may be Outputs.
 *
 * @example
 * const uri = interpolate`s3://${bucket.bucket}/models/${name}`;
 */
export function interpolate(strings: TemplateStringsArray, ...values: unknown[]): Output<string> {
  return output(values).apply((resolved) => {
    let text = strings[0] ?? "";
    for (let i = 0; i < resolved.length; i++) text += String(resolved[i]) + (strings[i + 1] ?? "");
    return text;
  });
}

/** Joins inputs into one string Output, like `interpolate` without a template. */
export function concat(...values: Input<unknown>[]): Output<string> {
  return output(values).apply((resolved) => resolved.map(String).join(""));
}
