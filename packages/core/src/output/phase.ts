import type { PropertyMap, Unknown } from "./values.js";

/**
 * The values resource outputs have in one phase of an operation. A program's
 * outputs are evaluated once while planning (where a changing resource's
 * outputs are unknown) and again while applying (where they are real).
 */
export interface EvaluationPhase {
  /** What this phase is for. */
  readonly kind: "program" | "preview" | "apply";
  /** The outputs of the resource with this URN once settled in this phase, or UNKNOWN for all of them. */
  resourceOutputs(urn: string): Promise<PropertyMap | Unknown>;
}

/** The value of an output in one phase. */
export interface Resolved<T> {
  /** False while the value is known only after apply. */
  readonly known: boolean;
  /** The value, when known. */
  readonly value?: T;
  /** Whether the value is secret. */
  readonly secret: boolean;
}

/** The phase of values that need no resource: constants, config, data sources. */
export const PROGRAM_PHASE: EvaluationPhase = Object.freeze({
  kind: "program" as const,
  resourceOutputs(): Promise<PropertyMap> {
    return new Promise<PropertyMap>(() => {
      // A resource's outputs never settle while the program runs; nothing awaits this.
    });
  },
});

/**
 * An apply() on a value known only after deployment, kept by the program's
 * scope: `up` runs it once the value is known, and preview probes it for
 * resources it would create too late.
 */
export interface DeferredApply {
  /** The apply's value in a phase (runs the callback when its input is known). */
  evaluate(phase: EvaluationPhase): Promise<unknown>;
  /** Whether the value was already computed in a phase. */
  evaluatedIn(phase: EvaluationPhase): boolean;
  /**
   * Runs the callback as `up` would when the phase knows the input's value.
   * Never rejects; a resource created inside is recorded by the scope as a
   * late registration.
   */
  probe(phase: EvaluationPhase): Promise<void>;
}
