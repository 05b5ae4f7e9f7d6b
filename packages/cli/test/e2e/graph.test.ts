import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { makeProject, type TempProject } from "./harness.js";
import { countColour, decodePng } from "./png.js";

/** Debian's chromium, found on PATH (or CHROMIUM); .ci/run installs it when it is missing. */
function findChromium(): string | undefined {
  if (process.env.CHROMIUM && existsSync(process.env.CHROMIUM)) return process.env.CHROMIUM;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["chromium", "chromium-browser"]) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

const CHROMIUM = findChromium();
if (CHROMIUM === undefined) {
  console.warn("SKIPPED: the cairn graph --html page was not opened in a browser: no chromium on PATH. Install it (`apt-get install -y chromium`; .ci/run does so when CI=true) and run again.");
}
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Runs headless Chromium on a page with a new empty profile; resolves with what it printed. */
async function chromium(args: readonly string[]): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), "cairn-chromium-"));
  try {
    return await new Promise((resolvePromise, reject) => {
      execFile(CHROMIUM!, [...FLAGS, `--user-data-dir=${profile}`, "--virtual-time-budget=10000", ...args], { timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr}`));
        else resolvePromise(stdout);
      });
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

describe("cairn graph", () => {
  let project: TempProject;
  let urns: string[];
  beforeAll(async () => {
    project = await makeProject("quickstart", "graph");
    const up = await project.run(["up", "--yes"]);
    if (up.code !== 0) throw new Error(up.stderr);
    // One resource more in the code: the plan has a create among the unchanged.
    await appendFile(join(project.dir, "index.ts"), '\nnew File("extra", { path: "out/extra.txt", content: "x" });\n');
    urns = (JSON.parse((await project.run(["state", "list", "--json"])).stdout) as { urn: string }[]).map((r) => r.urn);
    urns.push("urn:cairn:dev::graph::local:fs/File::extra");
  });
  afterAll(() => project?.remove());

  it("prints DOT: every resource, the component as a cluster, dependencies as edges", async () => {
    const run = await project.run(["graph"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^digraph "graph\/dev" \{/);
    for (const urn of urns) expect(run.stdout).toContain(`"${urn}" [label=`);
    expect(run.stdout).toMatch(/subgraph "cluster_0" \{\n\s+label="site";/);
    expect(run.stdout).toContain('"urn:cairn:dev::graph::local:random/RandomPassword::admin-password" -> "urn:cairn:dev::graph::local:fs/File::credentials";');
  });

  it("prints Mermaid, and with --plan a class per planned step", async () => {
    const run = await project.run(["graph", "--mermaid", "--plan"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^flowchart LR\n/);
    expect(run.stdout).toContain('subgraph n1_group["site"]');
    expect(run.stdout).toMatch(/\["extra<br\/><small>local:fs\/File<\/small>"\]:::create/);
    expect(run.stdout).toContain("classDef create fill:#2e9d4f");
  });

  it("refuses an unknown format with a usage error", async () => {
    const run = await project.run(["graph", "--format", "svg"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--format must be one of dot, mermaid, html");
  });

  (CHROMIUM === undefined ? it.skip : it)("draws every node of the --html --plan page in headless Chromium, coloured by step", async () => {
    const run = await project.run(["graph", "--html", "--plan", "-o", "graph.html"]);
    expect(run.code).toBe(0);
    const page = await readFile(join(project.dir, "graph.html"), "utf8");
    // Self-contained: nothing is fetched.
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
    const url = pathToFileURL(join(project.dir, "graph.html")).href;
    const dom = await chromium(["--dump-dom", url]);
    const html = /<html[^>]*>/.exec(dom)?.[0] ?? "";
    expect(html).not.toContain("data-error");
    expect(html).toContain(`data-rendered="${urns.length}"`);
    for (const urn of urns) expect(dom).toContain(`data-urn="${urn}"`);
    expect(dom).toMatch(/<g class="node kind-custom op-create" data-urn="urn:cairn:dev::graph::local:fs\/File::extra"/);
    expect(dom).toMatch(/<g class="cluster" data-urn="urn:cairn:dev::graph::quickstart:index\/StaticSite::site"/);

    const shot = join(project.dir, "graph.png");
    await chromium(["--window-size=1200,800", `--screenshot=${shot}`, url]);
    const pixels = decodePng(await readFile(shot));
    expect([pixels.width, pixels.height]).toEqual([1200, 800]);
    // The one create is drawn in its colour, the unchanged resources in theirs, the component's box in its own.
    expect(countColour(pixels, "#2e9d4f")).toBeGreaterThan(1500);
    expect(countColour(pixels, "#9aa5b1")).toBeGreaterThan(5 * 1500);
    expect(countColour(pixels, "#eef2f7", 3)).toBeGreaterThan(5000);
  }, 120_000);
});
