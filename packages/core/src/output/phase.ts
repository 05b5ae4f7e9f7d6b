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
