// kill -9 at random moments of `cairn up` and `cairn destroy`, through the
// real binary: after every kill the state must hold every object the cloud
// has, no object may exist twice, and the next plain run must finish the
// job with no manual step (no unlock, no flag).
//
// Always on: a few kills of a 200-resource stack on the file backend. Opt in
// to the full trial with CAIRN_CRASH_TRIALS=<kills per backend> (1,000
// resources; the S3 backend too when AWS_ENDPOINT_URL names an emulator).
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { FileStateStore, loadState, type StateStore } from "@cairn/core/automation";
import { BIN, cairnEnv, makeProject, REPO, type TempProject } from "./harness.js";

const TRIALS = Number(process.env.CAIRN_CRASH_TRIALS ?? "0");
const COUNT = TRIALS > 0 ? 1000 : 200;
const KILLS = TRIALS > 0 ? TRIALS : 5;
const ref = { project: "crash", stack: "dev" };

/** The cloud as its log has it: live objects by id, with their names. */
function liveObjects(log: string): Map<string, string> {
  const live = new Map<string, string>();
  if (!existsSync(log)) return live;
  for (const line of readFileSync(log, "utf8").split("\n")) {
    const [op, , name, id] = line.split(" ");
    if (op === "c" && id !== undefined) live.set(id, name!);
    else if (op === "d" && id !== undefined) live.delete(id);
  }
  return live;
}

/** Fails unless state accounts for every live object and no resource exists twice in the cloud. */
async function assertConsistent(store: StateStore, log: string, when: string): Promise<void> {
  const { doc } = await loadState(store, ref, undefined);
  const byName = new Map(doc.resources.map((r) => [r.urn.slice(r.urn.lastIndexOf("::") + 2), r]));
  const seen = new Map<string, string>();
  for (const [id, name] of liveObjects(log)) {
    if (seen.has(name)) throw new Error(`${when}: ${name} exists twice in the cloud (${seen.get(name)} and ${id})`);
    seen.set(name, id);
    const record = byName.get(name);
    const accounted = record !== undefined && (record.id === id || (record.id === undefined && record.pending?.op === "create") || record.deposed?.some((d) => d.id === id));
    if (!accounted) throw new Error(`${when}: cloud object ${id} is not in state (lost): ${JSON.stringify(record)}`);
  }
}

interface Figures {
  kills: number;
  /** Kills that landed while the cloud was being changed (the log grew during the killed run). */
  midApply: number;
  /** Runs that found the killed run's lock and took it over by themselves. */
  takeovers: number;
  runs: number;
}

/** When a run is killed: `delayMs` after it starts, or after its first change to the cloud (`afterChange`). */
interface KillPlan {
  readonly delayMs: number;
  readonly afterChange: boolean;
}

function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** Runs `cairn <op> --yes`, killing it with SIGKILL as planned; resolves whether it was killed. */
function runKilled(project: TempProject, op: string, env: Record<string, string>, plan: KillPlan | undefined, extra: readonly string[]): Promise<{ killed: boolean; code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, op, "--yes", ...extra], { cwd: project.dir, env: cairnEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const timers: NodeJS.Timeout[] = [];
    const kill = (): void => void child.kill("SIGKILL");
    if (plan !== undefined && !plan.afterChange) timers.push(setTimeout(kill, plan.delayMs));
    if (plan !== undefined && plan.afterChange) {
      const log = env.CRASH_CLOUD_LOG!;
      const start = sizeOf(log);
      const poll = setInterval(() => {
        if (sizeOf(log) === start) return;
        clearInterval(poll);
        timers.push(setTimeout(kill, plan.delayMs));
      }, 5);
      timers.push(poll);
    }
    child.on("close", (code, signal) => {
      for (const timer of timers) clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", code, stdout });
    });
  });
}

/** Runs one op over and over, killed at random moments, until a run finishes by itself; checks state after every kill. */
async function phase(project: TempProject, store: StateStore, op: "up" | "destroy", env: Record<string, string>, figures: Figures, budget: number, extra: readonly string[]): Promise<void> {
  const log = env.CRASH_CLOUD_LOG!;
  for (;;) {
    const before = existsSync(log) ? readFileSync(log).length : 0;
    // Most kills land while the cloud is being changed; one in four anywhere, start-up and compaction included.
    const anywhere = Math.random() < 0.25;
    const plan: KillPlan | undefined =
      figures.kills >= budget ? undefined : anywhere ? { delayMs: 100 + Math.random() * 1500, afterChange: false } : { delayMs: Math.random() * (COUNT >= 1000 ? 800 : 300), afterChange: true };
    const run = await runKilled(project, op, env, plan, extra);
    figures.runs++;
    if (run.stdout.includes("Took over the lock")) figures.takeovers++;
    if (!run.killed) {
      if (run.code !== 0) throw new Error(`cairn ${op} failed after ${figures.kills} kills (exit ${run.code}):\n${run.stdout}`);
      await assertConsistent(store, log, `after ${op} finished`);
      return;
    }
    figures.kills++;
    if ((existsSync(log) ? readFileSync(log).length : 0) > before) figures.midApply++;
    await assertConsistent(store, log, `after kill ${figures.kills} during ${op}`);
  }
}

/** Deploys and destroys the stack, killing both, until `kills` kills were made; returns the figures. */
async function trial(project: TempProject, store: StateStore, env: Record<string, string>, kills: number, extra: readonly string[] = []): Promise<Figures> {
  const figures: Figures = { kills: 0, midApply: 0, takeovers: 0, runs: 0 };
  const log = env.CRASH_CLOUD_LOG!;
  while (figures.kills < kills) {
    await phase(project, store, "up", env, figures, kills, extra);
    const live = [...liveObjects(log).values()];
    expect(live.length).toBe(COUNT);
    expect(new Set(live).size).toBe(COUNT);
    const { doc } = await loadState(store, ref, undefined);
    expect(doc.resources).toHaveLength(COUNT);
    expect(doc.resources.filter((r) => r.pending !== undefined)).toEqual([]);
    await phase(project, store, "destroy", env, figures, kills, extra);
    expect(liveObjects(log).size).toBe(0);
    expect((await loadState(store, ref, undefined)).doc.resources).toEqual([]);
  }
  if (TRIALS > 0 || process.env.CAIRN_CRASH_REPORT) console.log(`crash trial on ${store.url.split(":")[0]} ${extra.join(" ")}: ${JSON.stringify({ resources: COUNT, ...figures })}`);
  return figures;
}

async function crashProject(): Promise<TempProject> {
  const project = await makeProject("quickstart", "crash");
  copyFileSync(join(__dirname, "crash-program.ts"), join(project.dir, "index.ts"));
  return project;
}

describe("kill -9 during up and destroy, through the cairn binary", () => {
  test(`file backend: ${KILLS} kills of a ${COUNT}-resource stack lose nothing, duplicate nothing, and need no manual step`, async () => {
    const project = await crashProject();
    try {
      const env = { CRASH_CLOUD_LOG: join(project.dir, "cloud.log"), CRASH_COUNT: String(COUNT) };
      const figures = await trial(project, new FileStateStore(join(project.dir, ".cairn")), env, KILLS);
      expect(figures.kills).toBeGreaterThanOrEqual(KILLS);
      expect(figures.takeovers).toBeGreaterThan(0);
    } finally {
      await project.remove();
    }
  }, TRIALS > 0 ? 3_600_000 : 180_000);

  test(`file backend, a provider without idempotency tokens, every run told --pending-creates adopt: ${Math.ceil(KILLS / 2)} kills, nothing lost or duplicated`, async () => {
    const project = await crashProject();
    try {
      const env = { CRASH_CLOUD_LOG: join(project.dir, "cloud.log"), CRASH_COUNT: String(COUNT), CRASH_IDEMPOTENT: "0" };
      const figures = await trial(project, new FileStateStore(join(project.dir, ".cairn")), env, Math.ceil(KILLS / 2), ["--pending-creates", "adopt"]);
      expect(figures.kills).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
    } finally {
      await project.remove();
    }
  }, TRIALS > 0 ? 3_600_000 : 180_000);

  test(`file backend: ${KILLS} kills during updates of a tenth of a ${COUNT}-resource stack, each committed to the kept journal, lose no update`, async () => {
    const project = await crashProject();
    try {
      const env = { CRASH_CLOUD_LOG: join(project.dir, "cloud.log"), CRASH_COUNT: String(COUNT) };
      const store = new FileStateStore(join(project.dir, ".cairn"));
      expect((await project.run(["up", "--yes"], env)).code).toBe(0);
      const figures: Figures = { kills: 0, midApply: 0, takeovers: 0, runs: 0 };
      let kept = 0;
      for (let rev = 1; figures.kills < KILLS && rev <= 4 * KILLS; rev++) {
        await phase(project, store, "up", { ...env, CRASH_REV: String(rev) }, figures, KILLS, []);
        const { doc } = await loadState(store, ref, undefined);
        expect(doc.resources.filter((r) => r.inputs.rev === rev)).toHaveLength(COUNT / 10);
        expect(doc.resources.filter((r) => r.pending !== undefined)).toEqual([]);
        if (existsSync(join(project.dir, ".cairn", "stacks", "crash", "dev.journal"))) kept++;
      }
      if (TRIALS > 0 || process.env.CAIRN_CRASH_REPORT) console.log(`crash trial of updates on file: ${JSON.stringify({ resources: COUNT, keptJournals: kept, ...figures })}`);
      expect(figures.kills).toBeGreaterThan(0);
    } finally {
      await project.remove();
    }
  }, TRIALS > 0 ? 3_600_000 : 180_000);

  const s3 = TRIALS > 0 && process.env.AWS_ENDPOINT_URL !== undefined ? test : test.skip;
  s3(`S3 backend: ${KILLS} kills of a ${COUNT}-resource stack lose nothing, duplicate nothing, and need no manual step`, async () => {
    const { S3Client, CreateBucketCommand } = await import("@aws-sdk/client-s3");
    const { openS3StateStore } = await import("@cairn/aws");
    const bucket = `cairn-crash-${Date.now()}`;
    const client = new S3Client({ forcePathStyle: true });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    client.destroy();
    const project = await crashProject();
    symlinkSync(join(REPO, "packages", "aws"), join(project.dir, "node_modules", "@cairn", "aws"), "dir");
    const url = `s3://${bucket}/crash`;
    const store = openS3StateStore(url);
    try {
      const env = { CRASH_CLOUD_LOG: join(project.dir, "cloud.log"), CRASH_COUNT: String(COUNT), CAIRN_BACKEND_URL: url };
      const init = await project.run(["stack", "init", "dev"], env);
      expect(init.code).toBe(0);
      const figures = await trial(project, store, env, KILLS);
      expect(figures.kills).toBeGreaterThanOrEqual(KILLS);
    } finally {
      await store.destroy();
      await project.remove();
    }
  }, 3_600_000);
});
