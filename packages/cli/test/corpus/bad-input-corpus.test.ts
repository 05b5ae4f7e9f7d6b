import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cairn, makeProject, type TempProject } from "../e2e/harness.js";
import { CASES, caseProject, type BadInputCase } from "./cases.js";

// Every case runs the real built `cairn` in its own copy of one deployed project; cases run side by side.
jest.setTimeout(120_000);

let base: TempProject;
let copies: string;
beforeAll(async () => {
  base = await makeProject("quickstart", "corpus");
  for (const args of [["config", "set", "greeting", "hello", "--secret"], ["up", "--yes"]]) {
    const run = await base.run(args);
    if (run.code !== 0) throw new Error(`setting up the corpus project failed: cairn ${args.join(" ")}\n${run.stderr}`);
  }
  copies = await mkdtemp(join(tmpdir(), "cairn-corpus-"));
});
afterAll(async () => {
  await base?.remove();
  await rm(copies, { recursive: true, force: true });
});

/** Every state file (snapshots, journals, backups, locks) under `.cairn`, by path, with its bytes. */
async function stateFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const area of ["stacks", "backups"]) {
    const root = join(dir, ".cairn", area);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length), await readFile(path));
    }
  }
  return files;
}

// A stack trace: two frames in a row, or a frame of Node's own or of compiled JavaScript. A single
// "    at index.ts:9:23" under the message is the user's source line, which is wanted.
const STACK_FRAME = /^\s+at .+\n\s+at .+|node:internal|\.js:\d+:\d+\)/m;

test("the corpus has at least 60 cases across every kind of input", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
  expect(new Set(CASES.map((c) => c.area))).toEqual(new Set(["cli", "program", "config", "state", "journal", "secrets"]));
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
});

describe("what a user gets for each bad input", () => {
  test.concurrent.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, testCase: BadInputCase) => {
    const dir = join(copies, String(CASES.indexOf(testCase)));
    await cp(base.dir, dir, { recursive: true, verbatimSymlinks: true });
    const project = caseProject(dir, "corpus");
    await testCase.setup?.(project);
    const before = await stateFiles(dir);
    const run = await cairn(dir, testCase.args, testCase.env);
    const firstLine = run.stderr.split("\n")[0] ?? "";
    const report = `cairn ${testCase.args.join(" ")} → exit ${run.code}\nstderr:\n${run.stderr}\nstdout (end):\n${run.stdout.slice(-600)}`;

    expect([report, run.code]).toEqual([report, testCase.exit]);
    expect(firstLine.startsWith("error: ")).toBe(true);
    if (typeof testCase.first === "string") expect(firstLine).toContain(testCase.first);
    else expect(firstLine).toMatch(testCase.first);
    expect(run.stderr).toContain(`(${testCase.code})`);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    // Nothing a damaged file holds reaches the terminal raw.
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    // Every state file is exactly as it was; none went missing and none was added.
    const after = await stateFiles(dir);
    for (const [path, bytes] of before) expect([path, after.get(path)?.equals(bytes)]).toEqual([path, true]);
    expect([...after.keys()].filter((path) => !before.has(path))).toEqual([]);
    // The same failure in --json: the last stdout line is the error, with the same code.
    if (testCase.args.includes("--json")) {
      const last = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { type: string; code: string };
      expect(last).toMatchObject({ type: "error", code: testCase.code });
    }
    await rm(dir, { recursive: true, force: true });
  });
});

describe("the same inputs with --json and --verbose", () => {
  const sample = CASES.filter((c) => ["a syntax error", "a state file that is not JSON", "--parallel 0", "a tampered secret config value", "--target naming nothing"].includes(c.name));

  test.concurrent.each(sample.map((c) => [c.name, c] as const))("%s: one JSON error line with the code", async (_name, testCase: BadInputCase) => {
    const dir = join(copies, `json-${CASES.indexOf(testCase)}`);
    await cp(base.dir, dir, { recursive: true, verbatimSymlinks: true });
    await testCase.setup?.(caseProject(dir, "corpus"));
    const run = await cairn(dir, [...testCase.args, "--json"], testCase.env);
    expect(run.code).toBe(testCase.exit);
    const last = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { type: string; code: string; message: string };
    expect(last).toMatchObject({ type: "error", code: testCase.code });
    const verbose = await cairn(dir, ["--verbose", ...testCase.args], testCase.env);
    expect(verbose.code).toBe(testCase.exit);
    expect(verbose.stderr).toContain(`(${testCase.code})`);
    await rm(dir, { recursive: true, force: true });
  });
});
