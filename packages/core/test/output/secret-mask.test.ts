import { CairnError } from "../../src/errors.js";
import { SecretMask } from "../../src/output/secret-mask.js";
import { SecretValue } from "../../src/output/values.js";

const SECRET = "s3cr3t-Value\"9";

describe("a secret mask", () => {
  test("replaces a secret and its base64, base64url, hex and JSON-escaped forms", () => {
    const mask = new SecretMask();
    mask.addValue({ deep: [1, { key: new SecretValue({ inner: [SECRET] }) }] });
    const bytes = Buffer.from(SECRET);
    const text = [SECRET, bytes.toString("base64"), bytes.toString("base64url"), bytes.toString("hex"), bytes.toString("hex").toUpperCase(), JSON.stringify(SECRET)].join(" | ");
    const masked = mask.text(text);
    expect(masked).not.toContain("s3cr3t");
    expect(masked).not.toContain(bytes.toString("hex"));
    expect(masked).not.toContain(bytes.toString("base64").replace(/=+$/, ""));
    expect(masked.split("[secret]").length - 1).toBeGreaterThanOrEqual(6);
  });

  test("learns nothing from plain values, and leaves texts alone until it knows a secret", () => {
    const mask = new SecretMask();
    mask.addValue({ plain: "visible-value", list: ["x"] });
    expect(mask.size).toBe(0);
    expect(mask.text("visible-value")).toBe("visible-value");
  });

  test("ignores texts too short to mask without hiding ordinary words", () => {
    const mask = new SecretMask();
    mask.addText("ab");
    expect(mask.size).toBe(0);
  });

  test("masks a multi-line secret printed one line at a time", () => {
    const mask = new SecretMask();
    mask.addText("-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0\n-----END KEY-----");
    expect(mask.text("line: MIIEvQIBADANBgkqhkiG9w0")).toBe("line: [secret]");
  });

  test("masks an error's message, stack, problems and causes in place", () => {
    const mask = new SecretMask();
    mask.addText(SECRET);
    const cause = new Error(`inner ${SECRET}`);
    const error = new CairnError("CHECK_FAILED", `outer ${SECRET}`, { cause, problems: [{ message: `got ${SECRET}` }] });
    expect(mask.error(error)).toBe(error);
    expect(error.message).toBe("outer [secret]");
    expect(error.stack).not.toContain(SECRET);
    expect(error.problems?.[0]?.message).toBe("got [secret]");
    expect(cause.message).toBe("inner [secret]");
  });

  test("a sealed envelope (no key open) teaches nothing", () => {
    const mask = new SecretMask();
    mask.addValue(new SecretValue({ "@secret": "v1:abc:def:ghi" } as never));
    expect(mask.size).toBe(0);
  });
});
