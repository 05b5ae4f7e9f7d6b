import { SecretValue, UNKNOWN, type Plan, type PlanStep } from "@cairn/core/automation";

const urn = (type: string, name: string, parentChain = ""): string => `urn:cairn:dev::demo::${parentChain}${type}::${name}`;

/** A plan with one step of each kind, a component with a child, secrets and unknowns. */
export function samplePlan(): Plan {
  const site = urn("demo:index/Site", "site");
  const steps: PlanStep[] = [
    { op: "create", urn: urn("local:random/RandomId", "suffix"), type: "local:random/RandomId", kind: "custom", inputs: { byteLength: 4 }, dependencies: [] },
    { op: "same", urn: site, type: "demo:index/Site", kind: "component", dependencies: [] },
    {
      op: "update",
      urn: urn("local:fs/File", "page", "demo:index/Site$"),
      type: "local:fs/File",
      kind: "custom",
      parent: site,
      oldInputs: { path: "out/index.html", content: "<h1>Hi</h1>\n<p>one</p>\n", mode: "0644" },
      inputs: { path: "out/index.html", content: "<h1>Hello</h1>\n<p>one</p>\n", mode: "0644" },
      changes: ["content"],
      dependencies: [],
    },
    {
      op: "replace",
      urn: urn("local:command/Command", "stamp"),
      type: "local:command/Command",
      kind: "custom",
      oldInputs: { create: "date", environment: { TOKEN: new SecretValue("old") } },
      inputs: { create: "date -u", environment: { TOKEN: new SecretValue("new") } },
      changes: ["create"],
      replaces: ["create"],
      dependencies: [],
    },
    { op: "create", urn: urn("local:fs/File", "notes"), type: "local:fs/File", kind: "custom", inputs: { path: UNKNOWN, content: new SecretValue("pw") }, dependencies: [] },
    { op: "delete", urn: urn("local:fs/File", "old"), type: "local:fs/File", kind: "custom", oldInputs: { path: "old.txt", content: "x" }, dependencies: [] },
    { op: "same", urn: urn("local:fs/File", "kept"), type: "local:fs/File", kind: "custom", dependencies: [] },
  ];
  return { project: "demo", stack: "dev", priorSerial: 3, steps };
}
