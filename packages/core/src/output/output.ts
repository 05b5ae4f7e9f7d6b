import { inspect } from "node:util";
import { CairnError } from "../errors.js";
import { callInContext } from "../util/context-slot.js";
import { currentApplyScope } from "./apply-scope.js";
import { PROGRAM_PHASE, type EvaluationPhase, type Resolved } from "./phase.js";

const OUTPUT_BRAND = Symbol.for("cairn.Output");

/** A value, a promise of it, or an {@link Output} of it: what resource arguments accept. */
export type Input<T> = T | Promise<T> | Output<T>;

/** Deeply: every property may itself be an {@link Input}. */
export type Inputs<T> = { [K in keyof T]: Input<T[K]> };

/** Anything that can be a dependency of an output: a resource, seen only by its URN. */
export interface DependencySource {
  readonly urn: string;
}

type Evaluator<T> = (phase: EvaluationPhase) => Promise<Resolved<T>>;


/**
 * A value that may be known only after apply, together with the resources it
 * comes from and whether it is secret. Passing an Output as a resource input
 * records a dependency on those resources.
 *
 * @example
 * const url = bucket.bucket.apply((name) => `s3://${name}/models`);
 */
export class Output<T> {
  readonly [OUTPUT_BRAND] = true as const;
  /** @internal The resources this value comes from. */
  readonly resources: ReadonlySet<DependencySource>;
  readonly #evaluate: Evaluator<T>;
  #cachedPhase: EvaluationPhase | undefined;
  #cached: Promise<Resolved<T>> | undefined;

  /** @internal Use {@link output}, {@link all}, {@link secret} or a resource's fields instead. */
  constructor(resources: ReadonlySet<DependencySource>, evaluate: Evaluator<T>) {
    this.resources = resources;
    this.#evaluate = evaluate;
  }

  /** Whether a value is an Output (works across duplicate copies of this package). */
  static isOutput(value: unknown): value is Output<unknown> {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[OUTPUT_BRAND] === true;
  }

  /** @internal The value in a phase. Phase-independent values are computed once. */
  evaluate(phase: EvaluationPhase): Promise<Resolved<T>> {
    const effective = this.resources.size === 0 ? PROGRAM_PHASE : phase;
    if (this.#cachedPhase !== effective || this.#cached === undefined) {
      this.#cachedPhase = effective;
      this.#cached = this.#evaluate(effective);
    }
    return this.#cached;
  }

  /** @internal Whether this value was already computed in a phase (by an input or an output that used it). */
  evaluatedIn(phase: EvaluationPhase): boolean {
    return this.#cachedPhase === phase && this.#cached !== undefined;
  }

  /**
   * A new Output from this one's value. `fn` runs only when the value is known;
   * the result keeps this Output's dependencies and secrecy.
   */
  apply<U>(fn: (value: T) => Input<U>): Output<U> {
    const scope = currentApplyScope();
    const result = new Output<U>(this.resources, async (phase) => {
      const source = await this.evaluate(phase);
      if (!source.known) return { known: false, secret: source.secret };
      const mapped = await resolveInput(
        callInContext(scope, () => fn(source.value as T)),
        phase,
      );
      return { known: mapped.known, value: mapped.value as U, secret: source.secret || mapped.secret };
    });
    if (this.resources.size === 0) {
      // A value known before deployment is computed while the program runs, so
      // resources created inside `fn` are registered before the graph freezes.
      scope?.track(result.evaluate(PROGRAM_PHASE));
    } else {
      // One known only after deployment runs once it is, even if nothing uses the result.
      scope?.rememberApply({
        evaluate: (phase) => result.evaluate(phase),
        evaluatedIn: (phase) => result.evaluatedIn(phase),
        probe: (phase) => probeApply(this, result, phase),
      });
    }
    return result;
  }

  /** Using an Output as a string is a mistake: it fails loudly instead of writing "[object Object]". */
  toString(): string {
    throw new CairnError(
      "OUTPUT_TO_STRING",
      "An Output was used as a string. Its value may be known only after apply; use interpolate`...${value}...` or value.apply((v) => ...) instead.",
    );
  }

  /** Serialising an Output is a mistake for the same reason as {@link Output.toString}. */
  toJSON(): never {
    throw new CairnError(
      "OUTPUT_TO_STRING",
      "An Output was passed to JSON.stringify. Use value.apply((v) => JSON.stringify(v)) instead.",
    );
  }

  [inspect.custom](): string {
    return "Output<…>";
  }
}

/**
 * Runs an apply's callback as `up` will when its input is already known in
 * the phase; a callback never sees anything but a real value, so one whose
 * input is unknown is left alone. Whatever it throws is left to `up`; only
 * the resources it tries to create matter here, and the scope records those.
 */
async function probeApply(source: Output<unknown>, result: Output<unknown>, phase: EvaluationPhase): Promise<void> {
  try {
    if ((await source.evaluate(phase)).known) await result.evaluate(phase);
  } catch {
    // The same failure, if it is one, is reported by the operation that needs the value.
  }
}

/** Resolves one input to a phase value, lifting Outputs and promises found directly or nested. */
export async function resolveInput(input: unknown, phase: EvaluationPhase): Promise<Resolved<unknown>> {
  if (Output.isOutput(input)) {
    const resolved = await input.evaluate(phase);
    if (!resolved.known) return resolved;
    const inner = await resolveInput(resolved.value, phase);
    return { known: inner.known, value: inner.value, secret: resolved.secret || inner.secret };
  }
  if (input instanceof Promise) return resolveInput(await input, phase);
  if (Array.isArray(input)) {
    const items = await Promise.all(input.map((item) => resolveInput(item, phase)));
    return combine(items, (values) => values);
  }
  if (isPlainObject(input)) {
    const keys = Object.keys(input).filter((key) => input[key] !== undefined);
    const items = await Promise.all(keys.map((key) => resolveInput(input[key], phase)));
    return combine(items, (values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])));
  }
  return { known: true, value: input, secret: false };
}

function combine(items: Resolved<unknown>[], build: (values: unknown[]) => unknown): Resolved<unknown> {
  let known = true;
  let secret = false;
  for (const item of items) {
    known &&= item.known;
    secret ||= item.secret;
  }
  return known ? { known, value: build(items.map((item) => item.value)), secret } : { known, secret };
}

/** @internal */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Calls `visit` for each resource that an Output anywhere inside a value comes from. */
export function visitDependencies(input: unknown, visit: (source: DependencySource) => void): void {
  if (input === null || typeof input !== "object") return;
  if (Output.isOutput(input)) {
    for (const resource of input.resources) visit(resource);
  } else if (Array.isArray(input)) {
    for (const item of input) visitDependencies(item, visit);
  } else if (isPlainObject(input)) {
    for (const key in input) visitDependencies(input[key], visit);
  }
}
