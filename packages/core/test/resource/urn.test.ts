import { makeUrn, nameOfUrn, tryParseUrn } from "@cairn/core/automation";
import { packageOfType } from "../../src/resource/urn.js";

describe("URNs", () => {
  test("a URN is made from stack, project, the parent type chain and the name, and parses back", () => {
    const urn = makeUrn("dev", "ml", "ml:index/Registry$aws:s3/Bucket", "models");
    expect(urn).toBe("urn:cairn:dev::ml::ml:index/Registry$aws:s3/Bucket::models");
    expect(tryParseUrn(urn)).toEqual({ stack: "dev", project: "ml", typeChain: "ml:index/Registry$aws:s3/Bucket", type: "aws:s3/Bucket", name: "models" });
  });

  test("a name containing the separator survives the round trip", () => {
    expect(nameOfUrn(makeUrn("dev", "p", "t:m/T", "a::b"))).toBe("a::b");
  });

  test("text that is not a URN is not parsed, and its name is the text itself", () => {
    expect(tryParseUrn("arn:aws:s3:::bucket")).toBeUndefined();
    expect(tryParseUrn("urn:cairn:too::short")).toBeUndefined();
    expect(nameOfUrn("plain")).toBe("plain");
  });

  test("the package of a type token is its first segment", () => {
    expect(packageOfType("aws:s3/Bucket")).toBe("aws");
    expect(packageOfType("local")).toBe("local");
  });
});
