import { fullConfigKey } from "../../src/operations/config-admin.js";

describe("config keys", () => {
  it("put a bare key in the project's namespace and keep a package's", () => {
    expect(fullConfigKey("title", "quickstart")).toBe("quickstart:title");
    expect(fullConfigKey("aws:region", "quickstart")).toBe("aws:region");
  });

  it("refuse an empty namespace or name", () => {
    for (const key of ["", ":x", "x:"]) expect(() => fullConfigKey(key, "p")).toThrow(/A config key looks like/);
  });
});
