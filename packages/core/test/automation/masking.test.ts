import { learnConfig, maskEvent, maskResult } from "../../src/automation/masking.js";
import { SecretMask } from "../../src/output/secret-mask.js";
import { CairnError } from "../../src/errors.js";

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

  test("the hints of a failed step and of an error, as their messages", () => {
    const mask = new SecretMask();
    mask.addText("hunter22");
    const hint = { kind: "import-resource" as const, type: "aws:s3/Bucket", id: "hunter22" };
    expect(maskEvent({ type: "step-failed", op: "create", urn: "u", message: "taken: hunter22", hints: [hint] }, mask)).toEqual({
      type: "step-failed",
      op: "create",
      urn: "u",
      message: "taken: [secret]",
      hints: [{ kind: "import-resource", type: "aws:s3/Bucket", id: "[secret]" }],
    });
    const result = { failures: [{ urn: "u", op: "create", message: "taken: hunter22", hints: [hint] }] };
    expect(maskResult(result, mask).failures[0]!.hints).toEqual([{ kind: "import-resource", type: "aws:s3/Bucket", id: "[secret]" }]);
    const error = mask.error(new CairnError("PROVIDER_ERROR", "taken: hunter22", { hints: [hint] }));
    expect(error.hints).toEqual([{ kind: "import-resource", type: "aws:s3/Bucket", id: "[secret]" }]);
  });
});
