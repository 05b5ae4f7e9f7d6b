import { readFileSync } from "node:fs";
import path from "node:path";
import { CairnError } from "@cairn/core";
import { FileStateStore } from "@cairn/core/automation";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness } from "../helpers/harness.js";

describe("running a program", () => {
  test("a program that throws fails with PROGRAM_ERROR carrying the error and its stack; state is untouched", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("kept")).up();
    const snapshot = (h.store as FileStateStore).snapshotPath(h.ref);
    const before = readFileSync(snapshot);
    const callsBefore = cloud.calls.length;
    const error: CairnError = await h
      .stack(() => {
        new cloud.Thing("kept");
        throw new TypeError("cannot read properties of undefined (reading 'vpcId')");
      })
      .up()
      .then(
        () => {
          throw new Error("expected a failure");
        },
        (e: CairnError) => e,
      );
    expect(error.code).toBe("PROGRAM_ERROR");
    expect(error.message).toContain("reading 'vpcId'");
    expect((error.cause as Error).stack).toContain(path.basename(__filename));
    expect(readFileSync(snapshot)).toEqual(before);
    expect(cloud.calls.length).toBe(callsBefore);
    // The lock was released: the next operation runs.
    await expect(h.stack(() => void new cloud.Thing("kept")).preview()).resolves.toBeDefined();
    await expect(h.stack(() => void new cloud.Thing("kept")).up()).resolves.toMatchObject({ status: "succeeded" });
  });

  test("a program that rejects asynchronously is reported the same way", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await expect(
      h
        .stack(async () => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          throw new Error("late failure");
        })
        .preview(),
    ).rejects.toMatchObject({ code: "PROGRAM_ERROR", message: expect.stringContaining("late failure") });
  });
});
