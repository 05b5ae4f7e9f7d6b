import {
  canonicalJson,
  containsSecret,
  containsUnknown,
  isSecretValue,
  isUnknown,
  makeSecret,
  reveal,
  SecretValue,
  UNKNOWN,
  type PropertyMap,
} from "@cairn/core/provider";

describe("property values", () => {
  test("an unknown value serialises as (known after apply) and a secret as [secret]", () => {
    expect(canonicalJson({ id: UNKNOWN, password: new SecretValue("hunter2") })).toBe('{"id":"(known after apply)","password":"[secret]"}');
    expect(String(new SecretValue("hunter2"))).toBe("[secret]");
  });

  test("containsUnknown and containsSecret look through arrays, objects and secrets", () => {
    expect(containsUnknown({ a: [1, { b: UNKNOWN }] })).toBe(true);
    expect(containsUnknown(new SecretValue(UNKNOWN))).toBe(true);
    expect(containsUnknown({ a: [1, { b: 2 }] })).toBe(false);
    expect(containsSecret({ a: [1, { b: new SecretValue("x") }] })).toBe(true);
    expect(containsSecret({ a: [1, { b: "x" }] })).toBe(false);
  });

  test("reveal strips secret markers at any depth and leaves other values equal", () => {
    const plain = { a: 1, nested: { list: ["x"] } };
    expect(reveal(plain)).toEqual(plain);
    expect(reveal({ a: new SecretValue("s"), deep: [{ b: new SecretValue(new SecretValue(2)) }] })).toEqual({ a: "s", deep: [{ b: 2 }] });
  });

  test("makeSecret does not wrap a secret twice", () => {
    const once = makeSecret("x");
    expect(makeSecret(once)).toBe(once);
    expect(isSecretValue(once)).toBe(true);
    expect(isUnknown(UNKNOWN)).toBe(true);
    expect(isUnknown("(known after apply)")).toBe(false);
  });
});
