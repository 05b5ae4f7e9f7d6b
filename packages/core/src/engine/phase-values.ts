import type { EvaluationPhase } from "../output/phase.js";
import type { PropertyMap, Unknown } from "../output/values.js";

interface Deferred {
  readonly promise: Promise<PropertyMap | Unknown>;
  resolve(value: PropertyMap | Unknown): void;
  reject(error: unknown): void;
}

function defer(): Deferred {
  let resolve!: (value: PropertyMap | Unknown) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<PropertyMap | Unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A failed resource's outputs may have no reader; that must not count as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** The outputs of every resource in one phase, settled by the engine as it goes. */
export class PhaseValues implements EvaluationPhase {
  readonly kind: "preview" | "apply";
  readonly #values = new Map<string, Deferred>();

  constructor(kind: "preview" | "apply") {
    this.kind = kind;
  }

  resourceOutputs(urn: string): Promise<PropertyMap | Unknown> {
    return this.#deferred(urn).promise;
  }

  /** Sets a resource's outputs in this phase. */
  settle(urn: string, outputs: PropertyMap | Unknown): void {
    this.#deferred(urn).resolve(outputs);
  }

  /** Marks a resource's outputs as unavailable in this phase (its step failed or was skipped). */
  fail(urn: string, error: unknown): void {
    this.#deferred(urn).reject(error);
  }

  #deferred(urn: string): Deferred {
    let deferred = this.#values.get(urn);
    if (deferred === undefined) {
      deferred = defer();
      this.#values.set(urn, deferred);
    }
    return deferred;
  }
}
