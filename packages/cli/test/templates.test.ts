import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const repo = join(__dirname, "..", "..", "..");
const template = join(repo, "packages", "cli", "templates", "quickstart");
const example = join(repo, "examples", "quickstart");

describe("the quickstart template", () => {
  it("has the same program as examples/quickstart", async () => {
    const programs = (await readdir(template)).filter((file) => file.endsWith(".ts"));
    expect(programs.sort()).toEqual(["index.ts", "static-site.ts"]);
    for (const file of programs) {
      expect(await readFile(join(example, file), "utf8")).toBe(await readFile(join(template, file), "utf8"));
    }
  });

  it("names its Cairn dependencies so init can link or version them", async () => {
    const manifest = JSON.parse(await readFile(join(template, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).toEqual(["@cairn/core", "@cairn/local"]);
  });
});
