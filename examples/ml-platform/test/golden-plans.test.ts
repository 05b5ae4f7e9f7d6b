/**
 * `cairn validate` and `cairn preview` of every stack of the example, through
 * the built CLI, with no cloud: a preview of new stacks plans without calling
 * AWS. The platform reads the network through a StackReference, so each
 * network stack is given the outputs a deployment would have left (through
 * `cairn stack export` and `cairn stack import`, as a user moves state).
 *
 * The plans are pinned in test/golden/. After an intended change:
 *   CAIRN_UPDATE_GOLDEN=1 npx jest examples/ml-platform/test/golden-plans.test.ts
 * and review the diff of the golden files.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { copyStacks, ENVIRONMENTS, EXAMPLE, planOf, type Environment, type StacksCopy } from "./stacks.js";

const GOLDEN = join(EXAMPLE, "test", "golden");
const update = process.env.CAIRN_UPDATE_GOLDEN === "1";

/** What `cairn up` of the network stack would have recorded (ids as EC2 makes them). */
export function networkOutputs(env: Environment): Record<string, unknown> {
  const n = ENVIRONMENTS.indexOf(env) + 1;
  return {
    availabilityZones: ["us-west-2a", "us-west-2b"],
    vpcId: `vpc-0${n}aa00000000000${n}`,
    publicSubnetIds: [`subnet-0${n}a0000000000001`, `subnet-0${n}a0000000000002`],
    privateSubnetIds: [`subnet-0${n}b0000000000001`, `subnet-0${n}b0000000000002`],
    securityGroupIds: { lb: `sg-0${n}0000000000001`, app: `sg-0${n}0000000000002`, inference: `sg-0${n}0000000000003`, training: `sg-0${n}0000000000004`, endpoints: `sg-0${n}0000000000005` },
  };
}

async function expectGolden(name: string, plan: Record<string, unknown>): Promise<void> {
  const file = join(GOLDEN, `${name}.plan.json`);
  const text = `${JSON.stringify(plan, null, 2)}\n`;
  if (update || !existsSync(file)) {
    await writeFile(file, text);
    if (!update) throw new Error(`${file} did not exist and was written; review it and run the test again.`);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(await readFile(file, "utf8")));
}

function expectValid(stdout: string, env: Environment): void {
  if (env === "dev") expect(stdout).toContain("typecheck passed");
  expect(stdout).toContain("every resource passed its provider's checks");
}

describe("the ML platform's stacks, with no cloud", () => {
  let stacks: StacksCopy;
  beforeAll(async () => {
    stacks = await copyStacks({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_PROFILE: undefined, AWS_ENDPOINT_URL: undefined });
  });
  afterAll(() => stacks?.remove());

  for (const env of ENVIRONMENTS) {
    it(`validate and preview ${env}: the network, then the platform on the network's outputs, as pinned`, async () => {
      // Typechecking does not depend on the stack: once is enough.
      const validate = ["validate", ...(env === "dev" ? [] : ["--no-typecheck"]), "--stack", env];
      await stacks.cairn("network", ["stack", "init", env]);
      expectValid((await stacks.cairn("network", validate)).stdout, env);
      await expectGolden(`network.${env}`, planOf((await stacks.cairn("network", ["preview", "--json", "--stack", env])).stdout));

      const exported = JSON.parse((await stacks.cairn("network", ["stack", "export", "--stack", env])).stdout) as Record<string, unknown>;
      const importFile = join(stacks.dir, `network-${env}.json`);
      await writeFile(importFile, JSON.stringify({ ...exported, outputs: networkOutputs(env) }));
      await stacks.cairn("network", ["stack", "import", importFile, "--stack", env]);

      await stacks.cairn("platform", ["stack", "init", env]);
      expectValid((await stacks.cairn("platform", validate)).stdout, env);
      await expectGolden(`platform.${env}`, planOf((await stacks.cairn("platform", ["preview", "--json", "--stack", env])).stdout));
      // Eight CLI runs; generous for a loaded CI machine.
    }, 120_000);
  }

  it("differ between dev and prod only where their config does", async () => {
    const [dev, prod] = [await readPlan("platform.dev"), await readPlan("platform.prod")];
    // The same resources in every environment, under each stack's own URNs.
    expect([...prod.keys()]).toEqual([...dev.keys()]);
    const differences = new Set<string>();
    for (const [urn, inputs] of dev) {
      const other = prod.get(urn)!;
      for (const path of new Set([...inputs.keys(), ...other.keys()])) if (inputs.get(path) !== other.get(path)) differences.add(`${urn.split("$").pop()!.split("::")[0]} ${path}`);
    }
    const explained = [
      // aws:defaultTags
      /^\S+ tags\.(Environment|Billing)$/,
      // <service>InstanceType, <service>Replicas, rankerInstanceType, rankerInstances, rankerMaxInstances, retrainSchedule
      /^aws:ec2\/LaunchTemplate instanceType$/,
      /^aws:autoscaling\/Group (minSize|desiredCapacity|maxSize)$/,
      /^aws:sagemaker\/EndpointConfig productionVariants\.0\.(instanceType|initialInstanceCount)$/,
      /^aws:appautoscaling\/Target (minCapacity|maxCapacity)$/,
      /^aws:scheduler\/Schedule scheduleExpression$/,
      // protect (a prod bucket is never emptied by destroy)
      /^aws:s3\/Bucket forceDestroy$/,
      // the network stack's outputs
      /^aws:(lb\/LoadBalancer (subnets|securityGroups)|lb\/TargetGroup vpcId|autoscaling\/Group vpcZoneIdentifiers|ec2\/LaunchTemplate vpcSecurityGroupIds|sagemaker\/Model vpcConfig\.\w+)\.?\d*$/,
    ];
    const unexplained = [...differences].filter((d) => !explained.some((pattern) => pattern.test(d)));
    expect(unexplained).toEqual([]);
    expect(differences).toContain("aws:ec2/LaunchTemplate instanceType");
    expect(differences).toContain("aws:scheduler/Schedule scheduleExpression");
  });
});

/** A golden plan as URN (without the stack) -> flattened input path -> value. */
async function readPlan(name: string): Promise<Map<string, Map<string, unknown>>> {
  const plan = JSON.parse(await readFile(join(GOLDEN, `${name}.plan.json`), "utf8")) as { steps: { urn: string; inputs?: Record<string, unknown> }[] };
  return new Map(plan.steps.map((step) => [step.urn.replace(/^urn:cairn:[^:]+::/, ""), new Map(flatten(step.inputs ?? {}, ""))]));
}

function* flatten(value: unknown, path: string): Generator<[string, unknown]> {
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) yield* flatten(inner, path === "" ? key : `${path}.${key}`);
  } else {
    yield [path, value];
  }
}
