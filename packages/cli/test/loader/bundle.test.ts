import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleProgram } from "../../src/loader/bundle.js";
import { userFrame } from "../../src/loader/source-frame.js";

describe("bundling a program", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-bundle-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("keeps npm packages external, bundles local modules and inlines a source map", async () => {
    await writeFile(join(dir, "index.ts"), 'import { x } from "./lib.js";\nimport * as core from "@cairn/core";\nexport const y: number = x + Object.keys(core).length;\n');
    await writeFile(join(dir, "lib.ts"), "export const x = 1;\n");
    const out = await bundleProgram({ projectDir: dir, entry: join(dir, "index.ts"), outDir: join(dir, ".cairn", "build") });
    const text = await readFile(out, "utf8");
    expect(out).toBe(join(dir, ".cairn", "build", "index.mjs"));
    expect(text).toMatch(/from "@cairn\/core"/);
    expect(text).toContain("var x = 1");
    expect(text).toContain("sourceMappingURL=data:application/json;base64,");
  });

  it("bundles a linked package whose entry is TypeScript, and keeps compiled ones external", async () => {
    const linked = join(dir, "..", `${dir.split("/").pop()}-component`);
    await mkdir(linked, { recursive: true });
    try {
      await writeFile(join(linked, "package.json"), JSON.stringify({ name: "ts-component", main: "index.ts" }));
      await writeFile(join(linked, "index.ts"), 'import { ComponentResource } from "@cairn/core";\nexport const marker: string = "from-ts-source";\nexport { ComponentResource };\n');
      await mkdir(join(dir, "node_modules", "compiled"), { recursive: true });
      await writeFile(join(dir, "node_modules", "compiled", "package.json"), JSON.stringify({ name: "compiled", main: "index.js" }));
      await writeFile(join(dir, "node_modules", "compiled", "index.js"), 'export const other = "compiled-js";\n');
      await symlink(linked, join(dir, "node_modules", "ts-component"), "dir");
      await writeFile(join(dir, "index.ts"), 'import { marker } from "ts-component";\nimport { other } from "compiled";\nexport const both = marker + other;\n');
      const text = await readFile(await bundleProgram({ projectDir: dir, entry: join(dir, "index.ts"), outDir: join(dir, "out") }), "utf8");
      expect(text).toContain('"from-ts-source"');
      expect(text).toMatch(/from "@cairn\/core"/);
      expect(text).toMatch(/from "compiled"/);
      expect(text).not.toContain("compiled-js");
    } finally {
      await rm(linked, { recursive: true, force: true });
    }
  });

  it("writes beside the bundle a preload module that imports only the Cairn packages and Node modules the program imports", async () => {
    await mkdir(join(dir, "node_modules", "compiled"), { recursive: true });
    await writeFile(join(dir, "node_modules", "compiled", "package.json"), JSON.stringify({ name: "compiled", main: "index.js" }));
    await writeFile(join(dir, "node_modules", "compiled", "index.js"), "export const other = 1;\n");
    await writeFile(join(dir, "lib.ts"), "export const x = 1;\n");
    await writeFile(
      join(dir, "index.ts"),
      'import { writeFileSync } from "node:fs";\nimport { x } from "./lib.js";\nimport { other } from "compiled";\nimport { File } from "@cairn/local";\nimport * as core from "@cairn/core";\nwriteFileSync("ran", String(x + other));\nexport const n = Object.keys(core).length + String(File).length;\n',
    );
    const out = await bundleProgram({ projectDir: dir, entry: join(dir, "index.ts"), outDir: join(dir, ".cairn", "build") });
    const preload = await readFile(join(dir, ".cairn", "build", "index.preload.mjs"), "utf8");
    const imports = preload.split("\n").filter((line) => line.startsWith("import ")).sort();
    expect(imports).toEqual(['import "@cairn/core";', 'import "@cairn/local";', 'import "node:fs";']);
    expect(preload).not.toContain("ran");
    expect(out).toBe(join(dir, ".cairn", "build", "index.mjs"));
  });

  it("reports a syntax error with the file, line and column, and a caret", async () => {
    await writeFile(join(dir, "index.ts"), "const ok = 1;\nconst broken = ;\n");
    const failure = bundleProgram({ projectDir: dir, entry: join(dir, "index.ts"), outDir: join(dir, "out") });
    await expect(failure).rejects.toMatchObject({ code: "CLI_PROGRAM_BUILD", file: "index.ts:2:16" });
    await expect(failure).rejects.toThrow(/index\.ts:2:16: Unexpected ";"\n {4}const broken = ;\n {4} {15}\^/);
  });
});

describe("finding the user's line in a stack trace", () => {
  it("takes the first frame inside the project, skipping node_modules and bundles", () => {
    const error = new Error("boom");
    error.stack = [
      "Error: boom",
      "    at check (/p/node_modules/@cairn/core/dist/x.js:1:1)",
      "    at file:///p/.cairn/build/index.mjs:3:3",
      "    at Site.constructor (/p/site.ts:12:7)",
      "    at /p/index.ts:4:1",
    ].join("\n");
    expect(userFrame(error, "/p")).toBe("site.ts:12:7");
  });

  it("looks into the cause when the error itself has no such frame", () => {
    const cause = new Error("inner");
    cause.stack = "Error: inner\n    at file:///p/index.ts:9:5";
    const outer = new Error("outer", { cause });
    outer.stack = "Error: outer\n    at /elsewhere/x.js:1:1";
    expect(userFrame(outer, "/p")).toBe("index.ts:9:5");
  });
});
