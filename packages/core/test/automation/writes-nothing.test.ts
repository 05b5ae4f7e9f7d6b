import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { secret } from "@cairn/core";
import { createPassphraseSecrets, FileStateStore } from "@cairn/core/automation";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { folderBytes, makeHarness } from "../helpers/harness.js";

const secrets = createPassphraseSecrets("writes-nothing");

async function deployed() {
  const cloud = new FakeCloud({ fail: (op, name) => (op === "create" && name.startsWith("bad") ? new Error(`cannot create ${name}`) : undefined) });
  const h = await makeHarness(cloud, { secrets });
  await h.stack(() => void new cloud.Thing("a", { password: secret("s3cr3t") })).up();
  const root = path.join(h.dir, ".cairn");
  return { cloud, h, root, snapshot: (h.store as FileStateStore).snapshotPath(h.ref) };
}

describe("an operation that changes nothing writes nothing", () => {
  test("a create that fails changes no byte: no serial, no re-encrypted secrets, no backup, no journal", async () => {
    const { cloud, h, root, snapshot } = await deployed();
    const before = folderBytes(root);
    const result = await h
      .stack(() => {
        new cloud.Thing("a", { password: secret("s3cr3t") });
        new cloud.Thing("bad");
      })
      .up();
    expect(result.status).toBe("failed");
    expect(cloud.callsOf("create", "bad")).toHaveLength(1);
    expect(folderBytes(root)).toEqual(before);
    expect(JSON.parse(readFileSync(snapshot, "utf8")).serial).toBe(1);
  });

  test("a failed step changes only what really changed: the create that succeeded beside it is recorded", async () => {
    const { cloud, h, snapshot } = await deployed();
    const result = await h
      .stack(() => {
        new cloud.Thing("a", { password: secret("s3cr3t") });
        new cloud.Thing("bad");
        new cloud.Thing("good");
      })
      .up();
    expect(result.status).toBe("failed");
    const doc = JSON.parse(readFileSync(snapshot, "utf8"));
    expect(doc.serial).toBe(2);
    expect(doc.resources.map((r: { urn: string }) => r.urn.split("::").pop())).toEqual(["a", "good"]);
  });

  test.each([
    ["a no-op up", (cloud: FakeCloud) => () => void new cloud.Thing("a", { password: secret("s3cr3t") }), {}],
    ["a program that throws", () => () => {
      throw new Error("the program broke");
    }, {}],
    ["a dependency cycle", (cloud: FakeCloud) => () => {
      new cloud.Thing("a", { password: secret("s3cr3t") });
      const group = new cloud.Group("group");
      const dependent = new cloud.Thing("dependent", {}, { dependsOn: group });
      new cloud.Thing("child", { fromDependent: dependent.out }, { parent: group });
    }, {}],
    ["an unknown --target", (cloud: FakeCloud) => () => void new cloud.Thing("a", { password: secret("s3cr3t") }), { targets: ["nope"] }],
    ["a duplicate name", (cloud: FakeCloud) => () => {
      new cloud.Thing("a", { password: secret("s3cr3t") });
      new cloud.Thing("a");
    }, {}],
  ] as Array<[string, (cloud: FakeCloud) => () => void, { targets?: string[] }]>)("%s leaves the state folder byte for byte as it was, with no journal", async (_label, program, options) => {
    const { cloud, h, root } = await deployed();
    const before = folderBytes(root);
    await h.stack(program(cloud)).up(options).catch(() => undefined);
    expect(folderBytes(root)).toEqual(before);
    expect(existsSync(path.join(root, "stacks", "proj", "dev.journal"))).toBe(false);
  });

  test("an up declined at the confirmation, and a preview, write nothing", async () => {
    const { cloud, h, root } = await deployed();
    const before = folderBytes(root);
    const program = () => void new cloud.Thing("b");
    await h.stack(program).up({ confirm: () => false });
    await h.stack(program).preview();
    expect(folderBytes(root)).toEqual(before);
  });
});
