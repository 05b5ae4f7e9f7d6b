import { isSecretValue, reveal, SecretValue, UNKNOWN, type PropertyMap, type PropertyValue } from "../../src/output/values.js";
import { sealInputs, sealLike, sealOutputs } from "../../src/output/seal.js";
import { SecretMask } from "../../src/output/secret-mask.js";

const s = (value: PropertyValue): SecretValue => new SecretValue(value);

/** A value as shown: secrets as "[secret]", the rest as it is. */
function shown(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("sealLike puts a rebuilt value's secret marks back where they were", () => {
  test("on the same paths at any depth of objects and arrays, leaving the rest plain", () => {
    const original: PropertyValue = { env: { TOKEN: s("t0ken"), PATH: "/bin" }, list: ["a", [s("deep"), "b"]], n: 1 };
    const rebuilt = reveal<PropertyValue>(original);
    expect(shown(sealLike(rebuilt, original))).toEqual({ env: { TOKEN: "[secret]", PATH: "/bin" }, list: ["a", ["[secret]", "b"]], n: 1 });
    expect(reveal(sealLike(rebuilt, original))).toEqual(rebuilt);
  });

  test("a value whose shape changed around a secret becomes secret as a whole", () => {
    const original: PropertyValue = { env: { TOKEN: s("t0ken") } };
    expect(isSecretValue(sealLike("TOKEN=t0ken", original))).toBe(true);
    expect(isSecretValue(sealLike({ vars: ["t0ken"] }, original))).toBe(true);
    expect(isSecretValue(sealLike(["t0ken", "x"], [s("t0ken")]))).toBe(true);
    expect(shown(sealLike({ env: { TOKEN: "t0ken", EXTRA: "x" } }, original))).toEqual({ env: { TOKEN: "[secret]", EXTRA: "x" } });
  });

  test("a value with no secret, or already secret, is returned as it is", () => {
    const plain = { a: [1, { b: "c" }] };
    expect(sealLike(plain, plain)).toBe(plain);
    const sealed = s("x");
    expect(sealLike(sealed, { a: s("y") })).toBe(sealed);
    expect(isSecretValue(sealLike(UNKNOWN, s("y")))).toBe(true);
  });
});

describe("sealInputs: what check returns keeps the secrecy of what it was given", () => {
  test("a check that rebuilds every object loses no nested secret", () => {
    const raw: PropertyMap = { create: "true", environment: { TOKEN: s("t0ken") } };
    const checked = JSON.parse(JSON.stringify(reveal(raw))) as PropertyMap;
    expect(shown(sealInputs(checked, raw))).toEqual({ create: "true", environment: { TOKEN: "[secret]" } });
  });

  test("a property check adds is secret once any input holds a secret, unless the type says what it comes from", () => {
    const raw: PropertyMap = { key: "a.json", content: s("body") };
    const checked: PropertyMap = { key: "a.json", content: "body", contentType: "application/json", acl: "private" };
    expect(shown(sealInputs(checked, raw))).toEqual({ key: "a.json", content: "[secret]", contentType: "[secret]", acl: "[secret]" });
    const declared = sealInputs(checked, raw, { derivedFrom: { contentType: ["key", "contentType"], acl: [] } });
    expect(shown(declared)).toEqual({ key: "a.json", content: "[secret]", contentType: "application/json", acl: "private" });
  });

  test("inputs with no secret come back untouched", () => {
    const raw: PropertyMap = { a: 1 };
    const checked: PropertyMap = { a: 1, b: 2 };
    expect(sealInputs(checked, raw)).toBe(checked);
  });

  test("the mask learns the secrets it sees", () => {
    const mask = new SecretMask();
    sealInputs({ a: "plain" }, { a: s("learned-secret") }, { mask });
    expect(mask.text("x learned-secret y")).toBe("x [secret] y");
  });
});

describe("sealOutputs: every output derived from a secret is secret", () => {
  const inputs: PropertyMap = { name: "job", environment: { TOKEN: s("t0ken"), MODE: "fast" } };

  test("by default every output is secret once any input holds one", () => {
    const outputs = sealOutputs({ stdout: "hello", name: "job", environment: { TOKEN: "t0ken", MODE: "fast" } }, inputs);
    expect(shown(outputs)).toEqual({ stdout: "[secret]", name: "[secret]", environment: "[secret]" });
  });

  test("an output declared derived from other inputs is secret only when they hold a secret; [] is never secret", () => {
    const rules = { derivedFrom: { name: ["name"], stdout: ["environment"], version: [] } };
    const outputs = sealOutputs({ stdout: "hello", name: "job", version: "v1" }, inputs, rules);
    expect(shown(outputs)).toEqual({ stdout: "[secret]", name: "job", version: "v1" });
  });

  test("an output derived from its own input keeps that input's marks path by path", () => {
    const outputs = sealOutputs({ environment: { TOKEN: "t0ken", MODE: "fast" } }, inputs, { derivedFrom: { environment: ["environment"] } });
    expect(shown(outputs)).toEqual({ environment: { TOKEN: "[secret]", MODE: "fast" } });
  });

  test("declared secret outputs, and outputs secret before, stay secret with no secret input", () => {
    const prior: PropertyMap = { result: s("old"), nested: { key: s("k") } };
    const outputs = sealOutputs({ result: "new", nested: { key: "k2", id: "i" }, other: "o" }, { length: 8 }, { secret: ["result"] }, prior);
    expect(shown(outputs)).toEqual({ result: "[secret]", nested: { key: "[secret]", id: "i" }, other: "o" });
  });

  test("a secret in a write-only input leaves the other outputs readable, and one echoing it secret", () => {
    const rules = { writeOnly: ["password"] };
    const outputs = sealOutputs({ arn: "arn:x", password: "pw", endpoint: "db.example" }, { name: "db", password: s("pw") }, rules);
    expect(shown(outputs)).toEqual({ arn: "arn:x", password: "[secret]", endpoint: "db.example" });
    expect(shown(sealOutputs({ arn: "arn:x" }, { name: s("db"), password: s("pw") }, rules))).toEqual({ arn: "[secret]" });
  });

  test("an output named like a secret input keeps its marks, even if declared derived from nothing", () => {
    expect(shown(sealOutputs({ token: "t", id: "i" }, { token: s("t") }, { derivedFrom: { token: [], id: [] } }))).toEqual({ token: "[secret]", id: "i" });
  });

  test("outputs of a resource with no secret anywhere are returned as they are", () => {
    const outputs: PropertyMap = { a: "b" };
    expect(sealOutputs(outputs, { x: 1 })).toBe(outputs);
  });
});
