import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, type Run, type TempProject } from "./harness.js";

const CONFIG_SECRET = "cfg-canary-7Hq2vN4x";

async function filesUnder(dir: string, skip: (path: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (skip(path)) continue;
    if ((await stat(path)).isDirectory()) out.push(...(await filesUnder(path, skip)));
    else out.push(path);
  }
  return out;
}

// The canary: a secret config value and a RandomPassword go through every command that
// prints, logs or writes; neither plaintext may appear in any of those bytes.
describe("secrets, end to end", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject();
  });
  afterAll(() => project?.remove());

  it("appear in nothing printed, logged or written: preview, up, outputs, state show, export, a saved plan, a --verbose log", async () => {
    const index = join(project.dir, "index.ts");
    await writeFile(index, `${await readFile(index, "utf8")}\nexport const apiKey = config.requireSecret("apiKey");\nexport const keyLength = config.requireSecret("apiKey").apply((k) => k.length);\n`);
    const runs: Run[] = [];
    const run = async (args: string[]): Promise<Run> => {
      const result = await project.run(args);
      expect({ args, code: result.code, stderr: result.code === 0 ? "" : result.stderr }).toEqual({ args, code: 0, stderr: "" });
      runs.push(result);
      return result;
    };
    const log = join(project.dir, "verbose.log");
    await run(["config", "set", "apiKey", CONFIG_SECRET, "--secret"]);
    await run(["preview", "--verbose", "--log-file", log]);
    await run(["preview", "--save-plan", "plan.json"]);
    await run(["up", "--yes", "--plan", "plan.json", "--verbose", "--log-file", log]);
    await run(["preview", "--json"]);
    await run(["stack", "output"]);
    await run(["stack", "output", "--json"]);
    await run(["stack", "output", "apiKey"]);
    await run(["state", "show", "admin-password"]);
    await run(["state", "show", "admin-password", "--json"]);
    await run(["state", "list", "--json"]);
    await run(["stack", "export"]);
    await run(["stack", "export", "--file", "export.json"]);
    await run(["config", "ls"]);
    await run(["config", "ls", "--json"]);

    const password = (await project.run(["stack", "output", "adminPassword", "--show-secrets"])).stdout.trim();
    expect(password).toHaveLength(20);
    expect((await project.run(["stack", "output", "apiKey", "--show-secrets"])).stdout.trim()).toBe(CONFIG_SECRET);

    // The program's own outputs (out/: the site and its .credentials file) hold the password by design.
    const written = await filesUnder(project.dir, (path) => path.endsWith("node_modules") || path === join(project.dir, "out"));
    expect(written.some((file) => file.endsWith("plan.json"))).toBe(true);
    expect(written.some((file) => file.endsWith("verbose.log"))).toBe(true);
    const bytes = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...(await Promise.all(written.map((file) => readFile(file, "utf8"))))].join("\n");
    expect(bytes).toContain("[secret]");
    expect(bytes).not.toContain(password);
    expect(bytes).not.toContain(CONFIG_SECRET);
  });
  it("a failed command quotes its secret command line as [secret], however long it is", async () => {
    const canary = "cmd-canary-Zp4wQ9r2";
    const index = join(project.dir, "index.ts");
    // Only the whole command line is secret: the mask knows its exact text, not the canary alone. One long line.
    const filler = "x".repeat(120);
    await writeFile(
      index,
      `${await readFile(index, "utf8")}\nimport { secret as secretOf } from "@cairn/core";\n` +
        `new Command("leaky", { create: interpolate\`echo \${secretOf("${canary}")} ${filler} > /dev/null; exit 3\` });\n`,
    );
    const log = join(project.dir, "failed.log");
    const text = await project.run(["up", "--yes", "--log-file", log]);
    const json = await project.run(["up", "--yes", "--json"]);
    expect(text.code).toBe(1);
    expect(json.code).toBe(1);
    expect(text.stdout + text.stderr).toContain("Command exited with code 3: [secret]");
    for (const out of [text.stdout, text.stderr, json.stdout, json.stderr, await readFile(log, "utf8")]) expect(out).not.toContain(canary);
  });
});
