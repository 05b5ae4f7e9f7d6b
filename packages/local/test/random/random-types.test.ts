import { LocalProvider, RANDOM_ID_TOKEN, RANDOM_PASSWORD_TOKEN } from "@cairn/local";
import { callContext } from "../call-context.js";

const provider = new LocalProvider({ projectDir: "/" });

describe("RandomId", () => {
  it("generates byteLength bytes with the prefix, in hex and base64url", async () => {
    const inputs = provider.check(RANDOM_ID_TOKEN, { byteLength: 4, prefix: "p-" }).inputs;
    const { id, outputs } = await provider.create(inputs, "t", callContext(RANDOM_ID_TOKEN));
    expect(outputs.hex).toMatch(/^p-[0-9a-f]{8}$/);
    expect(outputs.base64url).toMatch(/^p-[A-Za-z0-9_-]{6}$/);
    expect(id).toBe(outputs.hex);
  });

  it("any change of an input replaces it", () => {
    const olds = { byteLength: 8, prefix: "", keepers: { a: "1" } };
    expect(provider.diff(RANDOM_ID_TOKEN, "x", olds, { ...olds, keepers: { a: "2" } })).toEqual({ changes: ["keepers"], replaces: ["keepers"] });
  });

  it("refuses a byteLength out of range", () => {
    expect(provider.check(RANDOM_ID_TOKEN, { byteLength: 0 }).failures).toEqual([{ property: "byteLength", reason: "expected a whole number from 1 to 1024, got number 0." }]);
  });
});

describe("RandomPassword", () => {
  it("declares its result secret", () => {
    expect(provider.schema(RANDOM_PASSWORD_TOKEN).secretOutputs).toEqual(["result"]);
  });

  it("has the length asked for and a character of every enabled class", async () => {
    for (let i = 0; i < 20; i++) {
      const inputs = provider.check(RANDOM_PASSWORD_TOKEN, { length: 8 }).inputs;
      const { outputs } = await provider.create(inputs, "t", callContext(RANDOM_PASSWORD_TOKEN));
      const result = String(outputs.result);
      expect(result).toHaveLength(8);
      for (const pattern of [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(result).toMatch(pattern);
    }
  });

  it("draws only from the classes left enabled", async () => {
    const inputs = provider.check(RANDOM_PASSWORD_TOKEN, { length: 32, special: false, upper: false }).inputs;
    const { outputs } = await provider.create(inputs, "t", callContext(RANDOM_PASSWORD_TOKEN));
    expect(outputs.result).toMatch(/^[a-z0-9]{32}$/);
  });

  it("refuses a password with every class disabled", () => {
    const failures = provider.check(RANDOM_PASSWORD_TOKEN, { upper: false, lower: false, numeric: false, special: false }).failures;
    expect(failures?.[0]?.reason).toMatch(/every character class is disabled/);
  });
});
