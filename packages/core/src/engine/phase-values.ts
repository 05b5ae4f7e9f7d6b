import type { EvaluationPhase } from "../output/phase.js";
import type { PropertyMap, PropertyValue, Unknown } from "../output/values.js";

type Settled = { readonly ok: true; readonly value: PropertyMap | Unknown } | { readonly ok: false; readonly error: unknown };

interface Waiter {
  readonly promise: Promise<PropertyMap | Unknown>;
  resolve(value: PropertyMap | Unknown): void;
  reject(error: unknown): void;
}

/**
 * The outputs of every resource in one phase, settled by the engine as it
 * goes. A promise is made only for a resource someone asks about before it
 * is settled; most are never waited for, and cost one map entry.
 */
export class PhaseValues implements EvaluationPhase {
  readonly kind: "preview" | "apply";
  readonly #settled = new Map<string, Settled>();
  readonly #waiting = new Map<string, Waiter>();

  constructor(kind: "preview" | "apply") {
    this.kind = kind;
  }

  resourceOutputs(urn: string): Promise<PropertyMap | Unknown> {
    const settled = this.#settled.get(urn);
    if (settled !== undefined) return settled.ok ? Promise.resolve(settled.value) : Promise.reject(settled.error);
    let waiter = this.#waiting.get(urn);
    if (waiter === undefined) {
      let resolve!: (value: PropertyMap | Unknown) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<PropertyMap | Unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      waiter = { promise, resolve, reject };
      this.#waiting.set(urn, waiter);
    }
    return waiter.promise;
  }

  /** Sets a resource's outputs in this phase. */
  settle(urn: string, outputs: PropertyMap | Unknown): void {
    if (this.#settled.has(urn)) return;
    this.#settled.set(urn, { ok: true, value: outputs });
    const waiter = this.#waiting.get(urn);
    if (waiter !== undefined) {
      this.#waiting.delete(urn);
      waiter.resolve(outputs);
    }
  }

  /** Marks a resource's outputs as unavailable in this phase (its step failed or was skipped). */
  fail(urn: string, error: unknown): void {
    if (this.#settled.has(urn)) return;
    this.#settled.set(urn, { ok: false, error });
    const waiter = this.#waiting.get(urn);
    if (waiter !== undefined) {
      this.#waiting.delete(urn);
      waiter.reject(error);
    }
  }
}

/**
 * A resource's outputs with its id, as a phase records them. Built key by
 * key: V8 gives each object spread into a literal (`{ ...outputs, id }`) a
 * hidden class of its own, and a phase keeps one of these per resource for
 * the whole operation.
 */
export function withId(outputs: PropertyMap, id: string): PropertyMap {
  const out: Record<string, PropertyValue> = {};
  for (const key in outputs) out[key] = outputs[key]!;
  out.id = id;
  return out;
}
