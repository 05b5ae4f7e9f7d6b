import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEarly } from "../../src/secrets/early-start.js";

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
  });
});
