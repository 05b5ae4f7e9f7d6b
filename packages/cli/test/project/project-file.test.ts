import { parseProjectFile } from "../../src/project/project-file.js";

describe("the project file", () => {
  it("defaults the runtime to nodejs and main to index.ts", () => {
    expect(parseProjectFile({ name: "site" }, "cairn.yaml")).toEqual({ name: "site", runtime: "nodejs", main: "index.ts" });
  });

  it("keeps a description and a backend", () => {
    const project = parseProjectFile({ name: "p", description: "d", backend: "s3://bucket/prefix", main: "src/main.ts" }, "cairn.yaml");
    expect(project).toEqual({ name: "p", description: "d", backend: "s3://bucket/prefix", main: "src/main.ts", runtime: "nodejs" });
  });

  it.each([
    [null, /expected a mapping/],
    [{}, /"name" must be/],
    [{ name: "has space" }, /"name" must be/],
    [{ name: "p", runtime: "python" }, /"runtime" must be nodejs/],
    [{ name: "p", backend: "ftp://x" }, /"backend" must start with file:\/\/ or s3:\/\//],
    [{ name: "p", colour: "red" }, /unknown key "colour"/],
  ])("refuses %j naming the file and the fault", (raw, message) => {
    expect(() => parseProjectFile(raw, "/p/cairn.yaml")).toThrow(message);
    expect(() => parseProjectFile(raw, "/p/cairn.yaml")).toThrow(/^\/p\/cairn\.yaml: /);
  });
});
