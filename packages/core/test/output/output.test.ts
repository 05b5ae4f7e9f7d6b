import { inspect } from "node:util";
import { CairnError, Output, output, secret } from "@cairn/core";
import { isUnknown, UNKNOWN, type PropertyMap } from "@cairn/core/provider";
import type { EvaluationPhase } from "../../src/output/phase.js";
import { PROGRAM_PHASE } from "../../src/output/phase.js";

/** An output that comes from a resource, valued by whatever phase evaluates it. */
function resourceOutput<T>(urn: string, key: string): Output<T> {
  return new Output<T>(new Set([{ urn }]), async (phase) => {
    const outputs = await phase.resourceOutputs(urn);
    if (isUnknown(outputs)) return { known: false, secret: false };
    return { known: true, value: outputs[key] as T, secret: false };
  });
}

/** A phase where the given resources have these outputs and every other is unknown. */
function phaseWith(kind: "preview" | "apply", values: Record<string, PropertyMap>): EvaluationPhase {
  return { kind, resourceOutputs: async (urn) => values[urn] ?? UNKNOWN };
}

function expectToStringError(fn: () => unknown): CairnError {
  try {
    fn();
  } catch (error) {
    expect(CairnError.isCairnError(error)).toBe(true);
    expect((error as CairnError).code).toBe("OUTPUT_TO_STRING");
    return error as CairnError;
  }
  throw new Error("expected OUTPUT_TO_STRING");
}

describe("Output", () => {
  test("an Output used in a template literal throws OUTPUT_TO_STRING instead of writing [object Object]", () => {
    const name = output("bucket");
    const error = expectToStringError(() => `s3://${name}/models`);
    expect(error.message).toContain("interpolate");
    expectToStringError(() => String(name));
    expectToStringError(() => "prefix-" + (name as unknown as string));
  });

  test("JSON.stringify of an Output, alone or nested, throws OUTPUT_TO_STRING", () => {
    const value = output(42);
    expectToStringError(() => JSON.stringify(value));
    const error = expectToStringError(() => JSON.stringify({ policy: { size: value } }));
    expect(error.message).toContain("apply");
  });

  test("inspecting an Output shows a placeholder rather than a value", () => {
    expect(inspect({ a: output("x") })).toContain("Output<…>");
  });

  test("isOutput recognises Outputs and nothing else", () => {
    expect(Output.isOutput(output(1))).toBe(true);
    expect(Output.isOutput({ value: 1 })).toBe(false);
    expect(Output.isOutput(null)).toBe(false);
    expect(Output.isOutput(Promise.resolve(1))).toBe(false);
  });

  test("apply maps a known value and keeps the source's resources", async () => {
    const id = resourceOutput<string>("urn:a", "id");
    const arn = id.apply((value) => `arn:${value}`);
    expect([...arn.resources].map((r) => r.urn)).toEqual(["urn:a"]);
    await expect(arn.evaluate(phaseWith("apply", { "urn:a": { id: "i-1" } }))).resolves.toEqual({ known: true, value: "arn:i-1", secret: false });
  });

  test("apply does not call its function while the value is unknown, and the result stays unknown", async () => {
    const fn = jest.fn((value: string) => value.toUpperCase());
    const mapped = resourceOutput<string>("urn:a", "id").apply(fn);
    const resolved = await mapped.evaluate(phaseWith("preview", {}));
    expect(resolved.known).toBe(false);
    expect(fn).not.toHaveBeenCalled();
  });

  test("apply may return an Output or a promise; the result is flattened", async () => {
    const inner = output(Promise.resolve(3));
    const nested = output(2).apply((two) => inner.apply((three) => two * three));
    await expect(nested.evaluate(PROGRAM_PHASE)).resolves.toEqual({ known: true, value: 6, secret: false });
    const viaPromise = output(2).apply(async (two) => two + 1);
    await expect(viaPromise.evaluate(PROGRAM_PHASE)).resolves.toMatchObject({ value: 3 });
  });

  test("apply returning a secret makes the result secret", async () => {
    const mapped = output("user").apply((user) => secret(`${user}:hunter2`));
    await expect(mapped.evaluate(PROGRAM_PHASE)).resolves.toEqual({ known: true, value: "user:hunter2", secret: true });
  });

  test("a resource-dependent value is computed per phase: unknown in preview, real in apply", async () => {
    const arn = resourceOutput<string>("urn:a", "id").apply((id) => `arn:${id}`);
    expect((await arn.evaluate(phaseWith("preview", {}))).known).toBe(false);
    expect((await arn.evaluate(phaseWith("apply", { "urn:a": { id: "i-9" } }))).value).toBe("arn:i-9");
  });

  test("a value that needs no resource is computed once, whatever the phase", async () => {
    const fn = jest.fn((n: number) => n + 1);
    const mapped = output(1).apply(fn);
    await mapped.evaluate(phaseWith("preview", {}));
    await mapped.evaluate(phaseWith("apply", {}));
    await mapped.evaluate(PROGRAM_PHASE);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test("an error thrown inside apply rejects the evaluation with that error", async () => {
    const mapped = output(1).apply(() => {
      throw new Error("boom in apply");
    });
    await expect(mapped.evaluate(PROGRAM_PHASE)).rejects.toThrow("boom in apply");
  });
});
