import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { FileStateStore, loadState, Stack } from "@cairn/core";

const COUNT = 200;
const KILLS = 15;
const ref = { project: "crash", stack: "dev" };

let work: string;
let child: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "cairn-crash-"));
  child = path.join(work, "child.mjs");
  buildSync({
    entryPoints: [path.join(__dirname, "crash-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: child,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: "silent",
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Names the fake cloud created, with how many times each. */
function cloudCreations(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  const log = path.join(dir, "cloud.log");
  if (!existsSync(log)) return counts;
  for (const line of readFileSync(log, "utf8").split("\n")) {
    const name = line.split(" ")[1];
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

function runChild(dir: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, [child, dir, String(COUNT)], { stdio: "ignore" });
}

test("a deploy killed with SIGKILL at random moments never loses a created resource, and the next runs converge without duplicates", async () => {
  const dir = mkdtempSync(path.join(work, "stack-"));
  const store = new FileStateStore(path.join(dir, ".cairn"));
  await Stack.create(store, ref);
  for (let kill = 0; kill < KILLS; kill++) {
    const proc = runChild(dir);
    const exited = new Promise<void>((resolve) => proc.on("exit", () => resolve()));
    // Early kills land in start-up and planning, later ones in the middle of applying.
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 500));
    proc.kill("SIGKILL");
    await exited;

    // The state must be readable, and hold every resource the cloud has, as a resource or a pending create.
    const { doc } = await loadState(store, ref, undefined);
    const known = new Set<string>();
    for (const resource of doc.resources) {
      if (resource.id !== undefined || resource.pending?.op === "create") known.add(resource.urn.split("::").pop()!);
    }
    for (const name of cloudCreations(dir).keys()) expect(known).toContain(name);
    if (process.env.CRASH_DEBUG) console.log(`kill ${kill}: cloud ${cloudCreations(dir).size}, state ${known.size}, pending ${doc.resources.filter((r) => r.pending).length}`);

    // A killed process leaves its lock; a user clears it after checking no operation runs.
    const lock = await store.readLock(ref);
    if (lock !== undefined) {
      expect(lock.stale).toBe(true);
      await store.forceUnlock(ref);
    }
  }

  const final = spawnSync(process.execPath, [child, dir, String(COUNT)], { encoding: "utf8" });
  expect(final.status).toBe(0);
  const creations = cloudCreations(dir);
  expect(creations.size).toBe(COUNT);
  for (const [name, times] of creations) expect([name, times]).toEqual([name, 1]);
  const { doc } = await loadState(store, ref, undefined);
  expect(doc.resources).toHaveLength(COUNT);
  expect(doc.resources.filter((resource) => resource.pending !== undefined)).toEqual([]);
  expect(readFileSync(path.join(dir, "runs.log"), "utf8").trim().split("\n").pop()).toBe("succeeded");
}, 120_000);
