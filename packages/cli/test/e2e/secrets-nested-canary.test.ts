import { readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeProject, REPO, type Run, type TempProject } from "./harness.js";

// One secret, placed everywhere a value can go: object fields and array elements at
// several depths, interpolated strings, values a provider rebuilds or derives, and
// error messages, through @cairn/local, an inline provider and @cairn/aws (its S3
// client mocked with aws-sdk-client-mock in the cairn process itself).
const CANARY = "canary-Zq7Wm3Kx9Lp2";
const FORMS = [
  CANARY,
  Buffer.from(CANARY).toString("base64").replace(/=+$/, ""),
  Buffer.from(CANARY).toString("base64url").replace(/=+$/, ""),
  Buffer.from(CANARY).toString("hex"),
  Buffer.from(CANARY).toString("hex").toUpperCase(),
];

const PROGRAM = `
import { Config, dynamic, interpolate, all } from "@cairn/core";
import { Command, File } from "@cairn/local";
import * as aws from "@cairn/aws";

const config = new Config();
const token = config.requireSecret("token");
const failing = config.getBoolean("failing") ?? false;

// @cairn/local: the secret as a nested field, inside an interpolated command line,
// and in a command that prints it (its standard output is derived from it).
const cmd = new Command("cmd", { create: "true", environment: { TOKEN: token } });
const echo = new Command("echo", {
  create: interpolate\`echo "token is \${token}"; printf '%s' "\${token}" | base64; printf '%s' "\${token}" | od -An -tx1 | tr -d ' \\\\n'\`,
  environment: { OTHER: "plain", NESTED: token },
});
const note = new File("note", { path: "out/note.txt", content: interpolate\`k=\${token}\\n\`, mode: "0600" });

// An inline provider that rebuilds every object in check and derives new values in create.
const rebuild = dynamic.provider("rebuild", {
  check(_type, inputs) {
    return { inputs: JSON.parse(JSON.stringify(inputs)) };
  },
  async create(inputs) {
    const deep = inputs.deep as { list: unknown[] };
    const secretText = String((deep.list[1] as { inner: string[] }).inner[0]);
    return {
      id: "rebuilt-1",
      outputs: {
        ...inputs,
        copy: { again: [inputs.deep] },
        upper: secretText.toUpperCase(),
        encoded: Buffer.from(secretText).toString("base64"),
        hex: Buffer.from(secretText).toString("hex"),
        plainNote: "nothing secret here",
      },
    };
  },
  async read(id, inputs, outputs) {
    return { id, inputs, outputs };
  },
  async delete() {},
});
const rebuilt = new dynamic.Resource(rebuild, "rebuilt", {
  top: token,
  deep: { list: ["plain", { inner: [token, "x"] }, [[token]]], label: interpolate\`pre-\${token}-post\` },
  joined: all([token, "b"]).apply(([a, b]) => \`\${a}:\${b}\`),
});

// @cairn/aws: the secret as an object's content and one of its tags.
const object = new aws.s3.BucketObject("object", {
  bucket: "canary-bucket",
  key: "config/app.json",
  content: token.apply((t) => JSON.stringify({ apiKey: t, nested: [t] })),
  tags: { owner: "team", token },
});

// A command slow enough that the journal can be read while it runs.
if (config.getBoolean("slow") ?? false) {
  new Command("slow", { create: "sleep 1", environment: { TOKEN: token, LIST: JSON.stringify(["a"]) }, triggers: [token, { deep: [token] }] });
}

// Error messages: a validation failure and a failing command line, both holding the secret.
if (failing) {
  new File("bad-mode", { path: "out/bad.txt", content: "x", mode: token });
  new Command("fails", { create: interpolate\`test "\${token}" = "something else"\` });
}

export const tokenOut = token;
export const nestedOut = { a: [1, { b: token }], c: interpolate\`c-\${token}\` };
export const echoed = echo.stdout;
export const derived = rebuilt.getOutput("upper");
export const copied = rebuilt.getOutput("copy");
export const objectTags = object.getOutput("tags");
export const notePath = note.path;
export const cmdId = cmd.id;
`;

const MOCK = `
const { mockClient } = require(${JSON.stringify(join(REPO, "node_modules", "aws-sdk-client-mock"))});
const s3 = require(${JSON.stringify(join(REPO, "node_modules", "@aws-sdk", "client-s3"))});
const mock = mockClient(s3.S3Client);
mock.on(s3.PutObjectCommand).resolves({ ETag: '"0123456789abcdef"' });
mock.on(s3.HeadObjectCommand).resolves({ ETag: '"0123456789abcdef"', ContentType: "application/json" });
mock.on(s3.DeleteObjectCommand).resolves({});
`;

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

/** Where any form of the canary shows, one line per place: "<place>: <form> in …context…". */
function leaksIn(places: readonly { readonly label: string; readonly text: string }[]): string[] {
  const found: string[] = [];
  for (const { label, text } of places) {
    for (const form of FORMS) {
      const at = text.indexOf(form);
      if (at >= 0) found.push(`${label}: ${form} in …${text.slice(Math.max(0, at - 100), at + form.length + 30)}…`);
    }
  }
  return found;
}

describe("a secret nested anywhere in a value", () => {
  let project: TempProject;
  const runs: { args: readonly string[]; run: Run }[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    project = await makeProject();
    await symlink(join(REPO, "packages", "aws"), join(project.dir, "node_modules", "@cairn", "aws"), "dir");
    await writeFile(join(project.dir, "index.ts"), PROGRAM);
    await writeFile(join(project.dir, "mock-aws.cjs"), MOCK);
    env = {
      NODE_OPTIONS: `--require ${join(project.dir, "mock-aws.cjs")}`,
      AWS_REGION: "us-west-2",
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_ENDPOINT_URL: "http://127.0.0.1:9",
    };
  });
  afterAll(() => project?.remove());

  const run = async (args: readonly string[], expectCode: number | "fail" | "any" = 0, extraEnv: Record<string, string> = {}): Promise<Run> => {
    const result = await project.run(args, { ...env, ...extraEnv });
    runs.push({ args, run: result });
    if (expectCode === "any") return result;
    if (expectCode === "fail") expect({ args, failed: result.code !== 0 }).toEqual({ args, failed: true });
    else expect({ args, code: result.code, stderr: result.code === expectCode ? "" : result.stderr + result.stdout }).toEqual({ args, code: expectCode, stderr: "" });
    return result;
  };

  // One flow in steps (each within the test time limit); the last one greps everything the others left.
  const midway: { label: string; text: string }[] = [];
  const log = (): string => join(project.dir, "cairn.log");
  const debugLog = { CAIRN_LOG: "debug" };

  it("deploys with the secret everywhere: preview, --diff, --json, a saved plan and up --plan", async () => {
    await run(["config", "set", "token", CANARY, "--secret", "--log-file", log()], 0, debugLog);
    await run(["preview", "--diff", "--verbose", "--log-file", log()]);
    await run(["preview", "--json"]);
    await run(["preview", "--save-plan", "plan.json", "--log-file", log()]);
    await run(["up", "--yes", "--plan", "plan.json", "--verbose", "--log-file", log()]);
    // State and backups as the deployed stack has them (destroy empties them at the end).
    for (const file of await filesUnder(join(project.dir, ".cairn"), () => false)) midway.push({ label: `after up: ${file.slice(project.dir.length + 1)}`, text: await readFile(file, "utf8") });
    expect(midway.some((place) => place.text.includes('"@secret"'))).toBe(true);
    await run(["preview", "--diff", "--json"], 0, debugLog);
    // The secret really went through: the program's own file holds it, and --show-secrets reveals it.
    expect(await readFile(join(project.dir, "out", "note.txt"), "utf8")).toBe(`k=${CANARY}\n`);
    expect((await project.run(["stack", "output", "tokenOut", "--show-secrets"], env)).stdout.trim()).toBe(CANARY);
  });

  it("keeps it out of the journal of a running operation, refresh, state show, outputs and exports", async () => {
    // The journal exists only while an operation runs: it is read while the slow command sleeps.
    await run(["config", "set", "slow", "true"]);
    const journalFile = join(project.dir, ".cairn", "stacks", "e2e", "dev.journal");
    const slowUp = run(["up", "--yes", "--verbose", "--log-file", log()]);
    let journal = "";
    for (let i = 0; i < 250 && !journal.includes("::slow"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      journal = await readFile(journalFile, "utf8").catch(() => "");
    }
    await slowUp;
    expect(journal).toContain("::slow");
    expect(journal).toContain('"@secret"');
    midway.push({ label: "the journal of a running up", text: journal });
    await run(["config", "rm", "slow"]);
    // Plain refresh is printed and grepped whatever its outcome; up --refresh reads every resource back too.
    await run(["refresh", "--verbose", "--log-file", log()], "any");
    await run(["refresh", "--preview-only", "--json"], "any");
    await run(["up", "--yes", "--refresh", "--diff", "--json", "--log-file", log()]);
    for (const name of ["cmd", "echo", "rebuilt", "object", "note"]) {
      await run(["state", "show", name]);
      await run(["state", "show", name, "--json"]);
    }
    await run(["stack", "output"]);
    await run(["stack", "output", "--json"]);
    await run(["stack", "export"]);
    await run(["stack", "export", "--file", "export.json"]);
  });

  it("masks it in error messages: a validation failure and a failing command line", async () => {
    await run(["config", "set", "failing", "true"]);
    await run(["preview", "--diff", "--verbose", "--log-file", log()], "fail");
    await run(["preview", "--json"], "fail", debugLog);
    await run(["config", "rm", "failing"]);
    await writeFile(join(project.dir, "index.ts"), PROGRAM.replace(`new File("bad-mode", { path: "out/bad.txt", content: "x", mode: token });`, ""));
    await run(["config", "set", "failing", "true"]);
    await run(["up", "--yes", "--verbose", "--log-file", log()], "fail");
    await run(["up", "--yes", "--json"], "fail", debugLog);
    await run(["config", "rm", "failing"]);
    await run(["destroy", "--yes", "--verbose", "--log-file", log()]);
  });

  it("never shows, logs or writes it in plain, base64 or hex form, in any command", async () => {
    const written = await filesUnder(project.dir, (path) => path.endsWith("node_modules") || path === join(project.dir, "out"));
    for (const expected of ["plan.json", "cairn.log", "export.json"]) expect(written.some((file) => file.endsWith(expected))).toBe(true);
    expect(written.some((file) => file.includes("backups"))).toBe(true);
    // The command line that sets the secret is ours, not Cairn's output: it is left out.
    const places = runs.flatMap(({ args, run: r }) => {
      const label = `cairn ${args.join(" ").replace(CANARY, "<canary>")}`;
      return [{ label: `${label} (stdout)`, text: r.stdout }, { label: `${label} (stderr)`, text: r.stderr }];
    });
    for (const file of written) places.push({ label: file.slice(project.dir.length + 1), text: await readFile(file, "utf8") });
    places.push(...midway);
    const printed = places.map((place) => place.text).join("\n");
    expect(printed).toContain("[secret]");
    // The errors were reported, with the secret masked.
    expect(printed).toContain("expected octal permission bits");
    expect(printed).toContain("Command exited with code 1");
    expect(leaksIn(places)).toEqual([]);
  });
});
