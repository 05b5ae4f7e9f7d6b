import { SecretValue, UNKNOWN } from "@cairn/core/automation";
import { formatValue, plainValue } from "../../src/display/format-value.js";

describe("formatting values", () => {
  it("quotes strings and shows structures compactly with sorted keys", () => {
    expect(formatValue({ b: [1, "two"], a: null, "x-y": true })).toBe('{ a: null, b: [1, "two"], "x-y": true }');
  });

  it("hides secrets unless asked and names unknowns", () => {
    expect(formatValue(new SecretValue("pw"))).toBe("[secret]");
    expect(formatValue(new SecretValue("pw"), { showSecrets: true })).toBe('"pw"');
    expect(formatValue(new SecretValue({ "@secret": "v1:…" }), { showSecrets: true })).toBe("[secret]");
    expect(formatValue(UNKNOWN)).toBe("(known after apply)");
  });

  it("cuts long text", () => {
    expect(formatValue("x".repeat(500), { maxLength: 10 })).toBe('"xxxxxxxx…');
  });

  it("makes values plain for JSON", () => {
    expect(plainValue({ z: UNKNOWN, a: new SecretValue("pw") })).toEqual({ a: "[secret]", z: "(known after apply)" });
    expect(Object.keys(plainValue({ z: 1, a: 2 }) as object)).toEqual(["a", "z"]);
  });
});
