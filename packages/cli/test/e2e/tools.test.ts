import { execFile, spawnSync } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, PASSPHRASE, REPO, cairn, makeProject, type Run, type TempProject } from "./harness.js";

/** Runs `cairn` with text on its stdin, as a script piping into it would. */
function cairnWithInput(cwd: string, args: readonly string[], input: string): Promise<Run> {
  const env = { ...process.env, CI: "true", NO_COLOR: "1", CAIRN_PASSPHRASE: PASSPHRASE, CAIRN_STACK: "" };
  return new Promise((resolvePromise) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolvePromise({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

describe("console, docs, about, history, completion and the automation exit codes", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await makeProject("quickstart", "tools");
    await project.run(["config", "set", "title", "Tools"]);
    await project.run(["config", "set", "token", "tok-123-secret", "--secret"]);
    const up = await project.run(["up", "--yes"]);
    if (up.code !== 0) throw new Error(up.stderr);
  });
  afterAll(() => project?.remove());

  it("console evaluates piped expressions on outputs, resources and config, secrets masked", async () => {
    const run = await cairnWithInput(project.dir, ["console"], 'outputs.siteDir.startsWith("out/site-")\noutputs.adminPassword\nresources["site-index"].type\nconfig.title\nconfig.token\n');
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter(Boolean)).toEqual(["true", "'[secret]'", "'local:fs/File'", "'Tools'", "'[secret]'"]);
    expect(run.stdout).not.toContain("tok-123-secret");
  });

  it("console --show-secrets shows them; an expression that throws makes the exit code 1", async () => {
    const shown = await cairnWithInput(project.dir, ["console", "--show-secrets"], "config.token\noutputs.adminPassword.length\n");
    expect(shown.stdout.split("\n").filter(Boolean)).toEqual(["'tok-123-secret'", "20"]);
    const failed = await cairnWithInput(project.dir, ["console"], "nothing.here\n1 + 1\n");
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("ReferenceError: nothing is not defined");
    expect(failed.stdout).toContain("2");
  });

  it("docs writes the component table into the README, and --check fails once the source changes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cairn-docs-"));
    try {
      await cp(join(REPO, "examples", "quickstart", "static-site.ts"), join(dir, "static-site.ts"));
      await writeFile(join(dir, "README.md"), "# My site component\n");
      const stale = await cairn(dir, ["docs", "--check"]);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain("(CLI_DOCS_STALE)");
      const wrote = await cairn(dir, ["docs"]);
      expect(wrote.stdout).toContain("Wrote 1 component(s) into README.md: StaticSite.");
      const readme = await readFile(join(dir, "README.md"), "utf8");
      expect(readme.startsWith("# My site component\n")).toBe(true);
      expect(readme).toContain("| `title` | `Input<string>` | yes |  | The page's title and heading. |");
      expect((await cairn(dir, ["docs", "--check"])).code).toBe(0);
      const source = await readFile(join(dir, "static-site.ts"), "utf8");
      await writeFile(join(dir, "static-site.ts"), source.replace("  readonly title: Input<string>;", "  readonly title: Input<string>;\n  /** The language. @default \"en\" */\n  readonly lang?: Input<string>;"));
      expect((await cairn(dir, ["docs", "--check"])).code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the README of examples/quickstart is up to date with its component", async () => {
    const run = await cairn(REPO, ["docs", "--check", "examples/quickstart"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("about names the versions, the project, the backend and the stack, in a project or not", async () => {
    const run = await project.run(["about"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^cairn\s+0\.1\.0/m);
    expect(run.stdout).toMatch(/^@cairn\/core\s+\d/m);
    expect(run.stdout).toMatch(/^stack\s+dev$/m);
    const json = JSON.parse((await project.run(["about", "--json"])).stdout) as { node: string; project: { name: string } };
    expect(json.node).toBe(process.version);
    expect(json.project.name).toBe("tools");
    const outside = await cairn(tmpdir(), ["about"]);
    expect(outside.code).toBe(0);
    expect(outside.stdout).toContain("(not in a project)");
  });

  it("stack history lists the kept states with the operation, who ran it, and what each changed", async () => {
    const run = await project.run(["stack", "history", "--json"]);
    expect(run.code).toBe(0);
    const entries = JSON.parse(run.stdout) as { serial: number; added: number; source: string; resources: number; operation?: string; by?: string }[];
    expect(entries[0]!.source).toBe("current");
    const first = entries.find((entry) => entry.serial === 1)!;
    expect(first.added).toBe(first.resources);
    expect(first.operation).toBe("up");
    expect(first.by).toMatch(/^.+@.+$/);
    expect((await project.run(["stack", "history"])).stdout).toMatch(/^\s+1\s+\S+\s+up\s+\S+@\S+\s+7\s+\+7 ~0 -0 {2}\(current\)$/m);
  });

  it("completion scripts complete commands and flags in bash, and are well-formed for zsh and fish", async () => {
    const bash = await project.run(["completion", "bash"]);
    const probe = (typed: string[]): string =>
      spawnSync("bash", ["-c", `${bash.stdout}\nCOMP_WORDS=(${typed.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${typed.length - 1}; _cairn; echo "\${COMPREPLY[*]}"`], { encoding: "utf8" }).stdout.trim();
    expect(probe(["cairn", "st"])).toBe("stack state");
    expect(probe(["cairn", "state", "r"])).toBe("rename");
    expect(probe(["cairn", "-s", "dev", "preview", "--ex"])).toBe("--expect-no-changes");
    const zsh = await project.run(["completion", "zsh"]);
    expect(zsh.stdout).toContain("compdef _cairn cairn");
    const fish = await project.run(["completion", "fish"]);
    expect(fish.stdout).toContain("-a graph -d 'draw the program");
    for (const [shell, script] of [["zsh", zsh.stdout], ["fish", fish.stdout]] as const) {
      if (spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0) expect(spawnSync(shell, ["-n"], { input: script }).status).toBe(0);
    }
    expect((await project.run(["completion", "tcsh"])).code).toBe(2);
  });

  it("a typo in the program is reported with what TypeScript finds, and points at validate", async () => {
    for (const pkg of ["typescript", "@types"]) await symlink(join(REPO, "node_modules", pkg), join(project.dir, "node_modules", pkg), "dir").catch(() => undefined);
    const index = join(project.dir, "index.ts");
    const program = await readFile(index, "utf8");
    await writeFile(index, program.replace("admin:${password.result}", "admin:${pasword.result}"));
    try {
      const run = await project.run(["preview"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("pasword is not defined");
      expect(run.stderr).toMatch(/TypeScript finds:\n {4}index\.ts\(\d+,\d+\): error TS2552: Cannot find name 'pasword'\. Did you mean 'password'\?/);
      expect(run.stderr).toContain("hint: `cairn validate` typechecks the program");
      expect(run.stderr).toContain("(PROGRAM_ERROR)");
    } finally {
      await writeFile(index, program);
    }
  });

  it("preview --detailed-exitcode and --expect-no-changes; --show-sames lists unchanged resources; up --expect-no-changes applies nothing", async () => {
    const same = await project.run(["preview", "--detailed-exitcode", "--show-sames"]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/local:random\/RandomId suffix/);
    await appendFile(join(project.dir, "index.ts"), '\nnew File("extra", { path: "out/extra.txt", content: "x" });\n');
    expect((await project.run(["preview", "--detailed-exitcode"])).code).toBe(4);
    const hidden = await project.run(["preview"]);
    expect(hidden.code).toBe(0);
    expect(hidden.stdout).not.toMatch(/RandomId suffix/);
    const expected = await project.run(["preview", "--expect-no-changes"]);
    expect(expected.code).toBe(4);
    expect(expected.stderr).toContain("1 resource(s) would change, and --expect-no-changes was given:\n    create urn:cairn:dev::tools::local:fs/File::extra");
    const up = await project.run(["up", "--expect-no-changes", "--show-sames"]);
    expect(up.code).toBe(4);
    expect(up.stdout).toMatch(/local:random\/RandomId suffix/);
    expect((await project.run(["state", "list", "--json"])).stdout).not.toContain("::extra");
  });
});
