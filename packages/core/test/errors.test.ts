import { CairnError } from "@cairn/core";
import { messageOf } from "../src/errors.js";

describe("CairnError", () => {
  test("carries a stable code, the URN or file it concerns, and its cause", () => {
    const cause = new Error("socket hang up");
    const error = new CairnError("PROVIDER_ERROR", "create of web failed", { urn: "urn:cairn:dev::p::t::web", file: "index.ts:3:1", cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "CairnError", code: "PROVIDER_ERROR", urn: "urn:cairn:dev::p::t::web", file: "index.ts:3:1" });
    expect(error.cause).toBe(cause);
    expect(new CairnError("TIMEOUT", "x").urn).toBeUndefined();
  });

  test("is recognised by its brand, also when it comes from another copy of the package", () => {
    const foreign = Object.assign(new Error("from another copy"), { name: "CairnError", code: "STATE_LOCKED" });
    expect(CairnError.isCairnError(foreign)).toBe(true);
    expect(CairnError.isCairnError(new Error("plain"))).toBe(false);
    expect(CairnError.isCairnError({ name: "CairnError", code: "X" })).toBe(false);
  });

  test("messageOf gives the message of anything thrown", () => {
    expect(messageOf(new TypeError("bad"))).toBe("bad");
    expect(messageOf("a string")).toBe("a string");
    expect(messageOf(42)).toBe("42");
  });
});
