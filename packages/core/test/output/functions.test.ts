import { all, concat, interpolate, isSecret, Output, output, secret, unsecret } from "@cairn/core";
import { UNKNOWN } from "@cairn/core/provider";
import type { EvaluationPhase } from "../../src/output/phase.js";
import { PROGRAM_PHASE } from "../../src/output/phase.js";

/** An output of resource `urn` that is unknown in preview and `value` in apply. */
function fromResource<T>(urn: string, value: T, isSecretValue = false): Output<T> {
  return new Output<T>(new Set([{ urn }]), async (phase) =>
    phase.kind === "apply" ? { known: true, value, secret: isSecretValue } : { known: false, secret: isSecretValue },
  );
}

const preview: EvaluationPhase = { kind: "preview", resourceOutputs: async () => UNKNOWN };
const apply: EvaluationPhase = { kind: "apply", resourceOutputs: async () => ({}) };
const urnsOf = (value: Output<unknown>): string[] => [...value.resources].map((r) => r.urn).sort();

describe("output()", () => {
  test("lifts plain values, promises and nested outputs into one known value", async () => {
    const lifted = output({ name: "a", size: Promise.resolve(3), tags: [output("x"), "y"], skipped: undefined });
    await expect(lifted.evaluate(PROGRAM_PHASE)).resolves.toEqual({
      known: true,
      value: { name: "a", size: 3, tags: ["x", "y"] },
      secret: false,
    });
  });

  test("collects the resources of outputs found anywhere inside its argument", () => {
    const lifted = output({ a: fromResource("urn:a", 1), deep: { list: [fromResource("urn:b", 2)] } });
    expect(urnsOf(lifted)).toEqual(["urn:a", "urn:b"]);
  });

  test("returns an Output unchanged", () => {
    const value = output(1);
    expect(output(value)).toBe(value);
  });
});

describe("secret()", () => {
  test("marks a value secret without changing it", async () => {
    await expect(secret("hunter2").evaluate(PROGRAM_PHASE)).resolves.toEqual({ known: true, value: "hunter2", secret: true });
    expect(await isSecret(secret("x"))).toBe(true);
    expect(await isSecret(output("x"))).toBe(false);
  });

  test("the secret flag survives apply, all, interpolate and concat", async () => {
    const password = secret("hunter2");
    expect(await isSecret(password.apply((p) => p.length))).toBe(true);
    expect(await isSecret(all([password, "user"]))).toBe(true);
    expect(await isSecret(all({ password, user: "u" }))).toBe(true);
    expect(await isSecret(interpolate`postgres://u:${password}@db`)).toBe(true);
    expect(await isSecret(concat("u:", password))).toBe(true);
    expect(await isSecret(password.apply((p) => p).apply((p) => `${p}!`))).toBe(true);
  });

  test("isSecret of an Output that comes from a resource is refused at once, naming the resource, instead of waiting forever", async () => {
    await expect(isSecret(fromResource("urn:db", "pw", true).apply((p) => p))).rejects.toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringContaining("urn:db") });
  });

  test("a secret that is unknown in preview is still secret", async () => {
    const hidden = secret(fromResource("urn:db", "pw"));
    await expect(hidden.evaluate(preview)).resolves.toEqual({ known: false, secret: true });
    await expect(hidden.evaluate(apply)).resolves.toEqual({ known: true, value: "pw", secret: true });
  });

  test("unsecret removes the flag and keeps the value", async () => {
    const plain = unsecret(secret("visible"));
    await expect(plain.evaluate(PROGRAM_PHASE)).resolves.toEqual({ known: true, value: "visible", secret: false });
  });
});

describe("all()", () => {
  test("combines an array or an object of inputs and keeps every dependency", async () => {
    const combined = all([fromResource("urn:a", "A"), Promise.resolve("B"), "C"]);
    expect(urnsOf(combined)).toEqual(["urn:a"]);
    await expect(combined.evaluate(apply)).resolves.toEqual({ known: true, value: ["A", "B", "C"], secret: false });
    const byKey = all({ vpc: fromResource("urn:vpc", "vpc-1"), subnet: fromResource("urn:subnet", "sn-1") });
    expect(urnsOf(byKey)).toEqual(["urn:subnet", "urn:vpc"]);
    await expect(byKey.evaluate(apply)).resolves.toMatchObject({ value: { vpc: "vpc-1", subnet: "sn-1" } });
  });

  test("is unknown while any member is unknown", async () => {
    const combined = all([output("known"), fromResource("urn:a", "later")]);
    await expect(combined.evaluate(preview)).resolves.toEqual({ known: false, secret: false });
  });
});

describe("interpolate", () => {
  test("builds a string from outputs, promises and plain values", async () => {
    const uri = interpolate`s3://${fromResource("urn:bucket", "models")}/${Promise.resolve("v")}${2}`;
    expect(urnsOf(uri)).toEqual(["urn:bucket"]);
    await expect(uri.evaluate(apply)).resolves.toEqual({ known: true, value: "s3://models/v2", secret: false });
    expect((await uri.evaluate(preview)).known).toBe(false);
  });

  test("concat joins inputs like interpolate without a template", async () => {
    await expect(concat("a", output("b"), 3).evaluate(PROGRAM_PHASE)).resolves.toMatchObject({ value: "ab3" });
  });
});
