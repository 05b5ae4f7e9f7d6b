#!/usr/bin/env node
// The hourly cost of each environment of the ML platform as its stacks deploy
// it, from the stacks' config files and prices.json. Prints a Markdown table
// (the one in ../README.md). Usage-priced parts (load balancer capacity units,
// NAT and endpoint data, S3, DynamoDB on demand, logs, training runs) are left
// out; the last column gives what one hour of a training run costs.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const prices = JSON.parse(readFileSync(join(here, "prices.json"), "utf8"));
const SERVICES = ["embedding", "ranking", "candidates", "business"];

/** The `project:key` values of a stack's config file (flat keys, as `cairn config set` writes them). */
function stackConfig(project, env) {
  const text = readFileSync(join(here, "..", "stacks", project, `cairn.${env}.yaml`), "utf8");
  const values = {};
  for (const line of text.split("\n")) {
    const match = /^ {2}([\w-]+:[\w.-]+): (.*)$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^'(.*)'$/, "$1").replace(/^"(.*)"$/, "$1");
  }
  return (key) => {
    if (!(key in values)) throw new Error(`cairn.${env}.yaml of ${project} has no ${key}`);
    return values[key];
  };
}

function price(table, type) {
  const value = prices[table][type];
  if (value === undefined) throw new Error(`prices.json has no ${table} price for ${type}`);
  return value;
}

function estimate(env) {
  const net = stackConfig("network", env);
  const app = stackConfig("platform", env);
  const zones = JSON.parse(net("ml-network:availabilityZones")).length;
  const nats = net("ml-network:natGateways") === "perZone" ? zones : 1;
  const endpoints = net("ml-network:vpcEndpoints") === "true" ? 4 * zones : 0;
  const network = nats * (prices.natGatewayHour + prices.publicIpv4Hour) + endpoints * prices.interfaceEndpointAzHour;
  const instances = SERVICES.map((s) => ({ type: app(`ml-platform:${s}InstanceType`), count: Number(app(`ml-platform:${s}Replicas`)) }));
  const ec2 = instances.reduce((sum, i) => sum + i.count * price("ec2", i.type), 0);
  const lb = prices.albHour + zones * prices.publicIpv4Hour;
  const rankerType = app("ml-platform:rankerInstanceType");
  const rankers = Number(app("ml-platform:rankerInstances"));
  const endpoint = rankers * price("sagemakerInference", rankerType);
  const training = price("sagemakerTraining", app("ml-platform:trainingInstanceType"));
  return {
    env,
    network: `${nats} NAT, ${endpoints} endpoint-zones: $${network.toFixed(3)}`,
    services: `${instances.map((i) => `${i.count}× ${i.type}`).join(", ")}: $${ec2.toFixed(3)}`,
    lb: `$${lb.toFixed(3)}`,
    endpoint: `${rankers}× ${rankerType}: $${endpoint.toFixed(3)}`,
    total: network + ec2 + lb + endpoint,
    training: `${app("ml-platform:trainingInstanceType")}: $${training.toFixed(3)}`,
  };
}

const rows = ["dev", "staging", "prod"].map(estimate);
const lines = [
  "| environment | network (NAT + IPv4, interface endpoints) | services (EC2) | load balancer (+ IPv4) | ranking endpoint (SageMaker) | total per hour | per 30 days | training, per run hour |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.env} | ${r.network} | ${r.services} | ${r.lb} | ${r.endpoint} | **$${r.total.toFixed(2)}** | $${(r.total * 720).toFixed(0)} | ${r.training} |`),
];
process.stdout.write(`${lines.join("\n")}\n`);
