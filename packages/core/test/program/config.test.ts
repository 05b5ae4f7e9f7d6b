import { CairnError, Config, isSecret } from "@cairn/core";
import type { ConfigEntry } from "@cairn/core/automation";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness } from "../helpers/harness.js";

/** Runs `body` inside a program of a stack with this config, and returns what it returned or threw. */
async function inProgram<T>(config: Record<string, string | ConfigEntry>, body: () => T | Promise<T>): Promise<{ value?: T; error?: CairnError; warnings: string[] }> {
  const cloud = new FakeCloud();
  const h = await makeHarness(cloud, { project: "ml", stack: "staging", config });
  let value: T | undefined;
  try {
    const preview = await h.stack(async () => {
      value = await body();
    }).preview();
    return { value: value as T, warnings: preview.diagnostics.map((d) => d.message) };
  } catch (error) {
    return { error: error as CairnError, warnings: [] };
  }
}

describe("Config", () => {
  test("typed getters read the project's namespace, another namespace, or a full key", async () => {
    const { value } = await inProgram(
      { "ml:name": "registry", "ml:replicas": "3", "ml:public": "false", "ml:tags": '{"team":"ml"}', "aws:region": "us-west-2" },
      () => {
        const cfg = new Config();
        return {
          name: cfg.require("name"),
          missing: cfg.get("nothing"),
          replicas: cfg.requireNumber("replicas"),
          isPublic: cfg.requireBoolean("public"),
          tags: cfg.requireObject<{ team: string }>("tags"),
          region: new Config("aws").require("region"),
          regionByFullKey: cfg.require("aws:region"),
          namespace: cfg.namespace,
        };
      },
    );
    expect(value).toEqual({
      name: "registry",
      missing: undefined,
      replicas: 3,
      isPublic: false,
      tags: { team: "ml" },
      region: "us-west-2",
      regionByFullKey: "us-west-2",
      namespace: "ml",
    });
  });

  test("a missing key is CONFIG_MISSING naming the key, the stack and the command that sets it", async () => {
    const { error } = await inProgram({}, () => new Config().require("bucketName"));
    expect(error?.code).toBe("CONFIG_MISSING");
    expect(error?.message).toContain('"ml:bucketName"');
    expect(error?.message).toContain('stack "staging"');
    expect(error?.hints).toEqual([{ kind: "set-config", key: "bucketName", secret: false, example: "<value>" }]);
    expect(error?.message).toContain("Set it in the stack's configuration.");
    const other = await inProgram({}, () => new Config("aws").require("region"));
    expect(other.error?.hints).toEqual([{ kind: "set-config", key: "aws:region", secret: false, example: "<value>" }]);
    const secret = await inProgram({}, () => new Config().requireSecret("dbPassword"));
    expect(secret.error?.hints).toEqual([{ kind: "set-config", key: "dbPassword", secret: true }]);
    expect(secret.error?.message).toContain("Set it in the stack's configuration, as a secret.");
    const number = await inProgram({}, () => new Config().requireNumber("replicas"));
    expect(number.error?.code).toBe("CONFIG_MISSING");
  });

  test("a value of the wrong type is CONFIG_INVALID saying what was expected and what was found", async () => {
    const cases: Array<[string, () => unknown, string]> = [
      ["abc", () => new Config().requireNumber("k"), "a number"],
      ["yes", () => new Config().requireBoolean("k"), "true or false"],
      ["{oops", () => new Config().requireObject("k"), "JSON"],
    ];
    for (const [stored, read, expected] of cases) {
      const { error } = await inProgram({ "ml:k": stored }, read);
      expect(error?.code).toBe("CONFIG_INVALID");
      expect(error?.message).toContain(expected);
      expect(error?.message).toContain(JSON.stringify(stored));
    }
  });

  test("an invalid secret value is reported without showing it", async () => {
    const { error } = await inProgram({ "ml:k": { value: "not-a-number-hunter2", secret: true } }, () => new Config().requireNumber("k"));
    expect(error?.code).toBe("CONFIG_INVALID");
    expect(error?.message).not.toContain("hunter2");
    expect(error?.message).toContain("[secret]");
  });

  test("requireSecret returns a secret Output; reading a secret with get() warns", async () => {
    const { value, warnings } = await inProgram({ "ml:dbPassword": { value: "hunter2", secret: true } }, async () => {
      const cfg = new Config();
      const asSecret = await isSecret(cfg.requireSecret("dbPassword"));
      const plain = cfg.get("dbPassword");
      return { asSecret, plain };
    });
    expect(value).toEqual({ asSecret: true, plain: "hunter2" });
    expect(warnings.join("\n")).toContain("getSecret");
  });

  test("Config cannot be read outside a program", () => {
    expect(() => new Config()).toThrow(expect.objectContaining({ code: "NO_PROGRAM_SCOPE" }));
  });
});
