import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CliIO } from "../../src/cli/io.js";
import { startEarly } from "../../src/secrets/early-start.js";
import { readPassphrase } from "../../src/secrets/passphrase.js";

// A passphrase stack as `cairn stack init` leaves it: the selected stack, and its salt in cairn.<stack>.yaml.
const SALT = "ZaSEZfWpAYTFXjCQymNA4Q==";
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cairn-early-"));
  mkdirSync(path.join(dir, ".cairn"));
  writeFileSync(path.join(dir, ".cairn", "workspace.json"), JSON.stringify({ currentStack: "dev" }));
  for (const stack of ["dev", "prod"]) {
    writeFileSync(path.join(dir, `cairn.${stack}.yaml`), `secrets:\n  provider: passphrase\n  state:\n    salt: ${SALT}\n    scryptN: "1024"\n`);
  }
  return dir;
}

const env = { CAIRN_PASSPHRASE: "early" };

/** A command's view of a process with no terminal and this environment. */
function ioWith(environment: Record<string, string>): CliIO {
  const sink = { write: () => true };
  return { stdout: sink, stderr: sink, stdin: process.stdin, env: environment, interactive: false, live: false, color: false, columns: 100 };
}

describe("the stack's key starts before the command line is parsed", () => {
  const dir = project();

  // The project's folder is DIR in the command line; the command runs in `cwd`.
  test.each([
    ["up --yes", dir],
    ["-C DIR up", "/"],
    ["--cwd DIR preview", "/"],
    ["--stack prod destroy --yes", dir],
    ["-s prod -C DIR refresh", "/"],
    ["--log-file cairn.log up", dir],
    ["--cwd=DIR up", "/"],
  ])("for `cairn %s`", async (line, cwd) => {
    const early = await startEarly(line.replace(/DIR/g, dir).split(" "), env, cwd);
    expect(early?.salt).toBe(SALT);
    await early?.key;
  });

  test.each(["stack output", "-s up stack ls", "--log-file up config get x", "--help"])("not for `cairn %s`, which runs no operation", async (line) => {
    expect(await startEarly(line.split(" "), env, dir)).toBeUndefined();
  });

  test("not without a passphrase in the environment", () => {
    expect(startEarly(["up"], {}, dir)).toBeUndefined();
    expect(startEarly(["up"], { CAIRN_PASSPHRASE_FILE: "" }, dir)).toBeUndefined();
  });

  test("with the passphrase from CAIRN_PASSPHRASE_FILE, read as the command reads it", async () => {
    const file = path.join(dir, "passphrase.txt");
    writeFileSync(file, "from a file\n");
    const early = await startEarly(["up"], { CAIRN_PASSPHRASE_FILE: file }, dir);
    expect(early?.passphrase).toBe(await readPassphrase(ioWith({ CAIRN_PASSPHRASE_FILE: file }), { stack: "dev" }));
    expect(early?.passphrase).toBe("from a file");
    await early?.key;
  });

  test("a passphrase file that cannot be read starts nothing: the command reports it", async () => {
    expect(await startEarly(["up"], { CAIRN_PASSPHRASE_FILE: path.join(dir, "missing.txt") }, dir)).toBeUndefined();
  });
});
