import { learnConfig, maskEvent, maskResult } from "../../src/automation/masking.js";
import { SecretMask } from "../../src/output/secret-mask.js";

describe("what an operation masks", () => {
  test("secret config values, and the strings inside one that holds JSON, but not plain ones", () => {
    const mask = new SecretMask();
    learnConfig(
      new Map([
        ["app:token", { value: "tok-123456", secret: true }],
        ["app:db", { value: '{"user":"admin","password":"pw-998877"}', secret: true }],
        ["app:region", { value: "us-west-2", secret: false }],
      ]),
      mask,
    );
    expect(mask.text("tok-123456 pw-998877 us-west-2")).toBe("[secret] [secret] us-west-2");
  });

  test("the texts of events and of a result's failures and diagnostics", () => {
    const mask = new SecretMask();
    mask.addText("hunter22");
    expect(maskEvent({ type: "step-progress", urn: "u", message: "login hunter22" }, mask)).toEqual({ type: "step-progress", urn: "u", message: "login [secret]" });
    expect(maskEvent({ type: "step-skipped", op: "create", urn: "u", because: "hunter22 failed" }, mask)).toMatchObject({ because: "[secret] failed" });
    const result = { status: "failed", failures: [{ urn: "u", op: "create", message: "bad hunter22" }], diagnostics: [{ severity: "warning", message: "saw hunter22" }] };
    expect(maskResult(result, mask)).toEqual({ status: "failed", failures: [{ urn: "u", op: "create", message: "bad [secret]" }], diagnostics: [{ severity: "warning", message: "saw [secret]" }] });
  });
});
