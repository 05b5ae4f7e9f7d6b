#!/usr/bin/env node
/**
 * The cloud-fault run: `cairn up` and `cairn destroy` of examples/aws-basic
 * through the real CLI against AWS_ENDPOINT_URL (a local emulator), with
 * CAIRN_AWS_FAULTS injecting throttling and 5xx answers, then asks the
 * endpoint itself how many of each resource exist, to count duplicates.
 * Prints the figures: calls, injected faults, retries, duplicates, wall time.
 *
 *   AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_REGION=us-west-2 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
 *     node packages/aws/scripts/fault-run.mjs [--faults throttle=0.2,5xx=0.05] [--runs 3]
 *
 * It creates resources: point it only at an emulator you can reset, or an
 * account meant for it. Each run resets nothing; it counts what exists
 * before and after.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient, ListInstanceProfilesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const BIN = join(REPO, "packages", "cli", "bin", "cairn.js");
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const faults = option("--faults", "throttle=0.2,5xx=0.05");
const runs = Number(option("--runs", "1"));

if (!process.env.AWS_ENDPOINT_URL) {
  console.error("Set AWS_ENDPOINT_URL (and AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) to an emulator first.");
  process.exit(2);
}

function cairn(cwd, argv, env = {}) {
  return new Promise((done) => {
    const started = Date.now();
    execFile(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, CI: "true", NO_COLOR: "1", CAIRN_PASSPHRASE: "fault run", ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr, ms: Date.now() - started }),
    );
  });
}

async function census() {
  const region = process.env.AWS_REGION ?? "us-west-2";
  const ec2 = new EC2Client({ region });
  const iam = new IAMClient({ region });
  const s3 = new S3Client({ region, forcePathStyle: true });
  const [vpcs, subnets, groups, instances, roles, profiles, buckets] = await Promise.all([
    ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "cidr", Values: ["10.20.0.0/16"] }] })),
    ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "cidr-block", Values: ["10.20.1.0/24"] }] })),
    ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "description", Values: ["HTTPS from inside the VPC"] }] })),
    ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: "instance-state-name", Values: ["pending", "running", "stopping", "stopped"] }] })),
    iam.send(new ListRolesCommand({})),
    iam.send(new ListInstanceProfilesCommand({})),
    s3.send(new ListBucketsCommand({})),
  ]);
  for (const client of [ec2, iam, s3]) client.destroy();
  return {
    vpc: vpcs.Vpcs?.length ?? 0,
    subnet: subnets.Subnets?.length ?? 0,
    securityGroup: groups.SecurityGroups?.length ?? 0,
    instance: (instances.Reservations ?? []).flatMap((r) => r.Instances ?? []).length,
    role: (roles.Roles ?? []).filter((r) => r.RoleName?.startsWith("server")).length,
    instanceProfile: (profiles.InstanceProfiles ?? []).filter((p) => p.InstanceProfileName?.startsWith("server")).length,
    bucket: (buckets.Buckets ?? []).filter((b) => b.Name?.startsWith("artifacts")).length,
  };
}

function figures(log, events) {
  const calls = log.length;
  const throttled = log.filter((l) => l.fault === "throttle").length;
  const serverErrors = log.filter((l) => l.fault === "serverError").length;
  const retries = events.filter((e) => e.type === "step-retry").length;
  const creates = {};
  for (const l of log) if (/^(Create|Run)/.test(l.api) && l.fault === null) creates[l.api] = (creates[l.api] ?? 0) + 1;
  return { calls, throttled, serverErrors, retries, successfulCreateCalls: creates };
}

async function oneRun(index) {
  const parent = await mkdtemp(join(tmpdir(), "cairn-fault-run-"));
  const dir = join(parent, "aws-basic");
  await cp(join(REPO, "examples", "aws-basic"), dir, { recursive: true });
  await mkdir(join(dir, "node_modules", "@cairn"), { recursive: true });
  for (const pkg of ["core", "aws"]) await symlink(join(REPO, "packages", pkg), join(dir, "node_modules", "@cairn", pkg), "dir");
  const before = await census();
  await cairn(dir, ["stack", "init", "dev"]);
  await cairn(dir, ["config", "set", "aws:region", process.env.AWS_REGION ?? "us-west-2"]);
  await cairn(dir, ["config", "set", "ami", "ami-12c6146b"]);
  const report = {};
  for (const op of ["up", "destroy"]) {
    const log = join(parent, `${op}-calls.jsonl`);
    const run = await cairn(dir, [op, "--yes", "--json"], { CAIRN_AWS_FAULTS: `${faults},log=${log}` });
    const events = run.stdout.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
    const calls = (await readFile(log, "utf8").catch(() => "")).trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
    const summary = events.find((e) => e.type === "summary") ?? {};
    const after = await census();
    const made = Object.fromEntries(Object.entries(after).map(([kind, count]) => [kind, count - before[kind]]));
    report[op] = { exit: run.code, status: summary.status, wallMs: run.ms, counts: summary.counts, ...figures(calls, events), existing: made };
    if (run.code !== 0) report[op].stderr = run.stderr.split("\n").slice(0, 6).join("\n");
  }
  const duplicates = Object.values(report.up.existing).reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const leftovers = Object.values(report.destroy.existing).reduce((sum, n) => sum + n, 0);
  await rm(parent, { recursive: true, force: true });
  console.log(JSON.stringify({ run: index + 1, faults, duplicates, leftovers, ...report }, null, 2));
  return { duplicates, leftovers, ok: report.up.exit === 0 && report.destroy.exit === 0 };
}

let failed = false;
for (let i = 0; i < runs; i++) {
  const outcome = await oneRun(i);
  failed ||= !outcome.ok || outcome.duplicates > 0 || outcome.leftovers > 0;
}
process.exitCode = failed ? 1 : 0;
