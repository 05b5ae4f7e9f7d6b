import { testProgram, type TestResult } from "@cairn/core/testing";
import { RecommenderServing, startScript, type RecommenderServingArgs } from "../src/index.js";

const mocks = {
  newResource: ({ type, name }: { type: string; name: string }) => {
    const outputs: Record<string, unknown> = { name, arn: `arn:${name}` };
    if (type === "aws:ec2/LaunchTemplate") outputs.latestVersion = 1;
    if (type === "aws:lb/LoadBalancer") outputs.dnsName = `${name}.elb.example`;
    return { id: `${type.split("/")[1]!.toLowerCase()}-${name}`, outputs };
  },
};
const base: RecommenderServingArgs = {
  vpcId: "vpc-1",
  publicSubnetIds: ["subnet-pub-a", "subnet-pub-b"],
  privateSubnetIds: ["subnet-priv-a", "subnet-priv-b"],
  lbSecurityGroupId: "sg-lb",
  appSecurityGroupId: "sg-app",
  region: "us-west-2",
  artifactBucketName: "artifacts-a1b2",
  rankingEndpointName: "ranker-endpoint-1",
  tags: { team: "recsys" },
};
// One service's resources share its name across types; pick by both.
const pick = (result: TestResult, type: string, name: string) => {
  const found = result.ofType(type).find((r) => r.name === name);
  if (found === undefined) throw new Error(`no ${type} named ${name}`);
  return found;
};
const serving = (args: Partial<RecommenderServingArgs> = {}) =>
  testProgram(() => {
    const s = new RecommenderServing("rec", { ...base, ...args });
    return { url: s.url, groupNames: s.groupNames };
  }, { mocks });

describe("RecommenderServing", () => {
  it("runs each service as its own autoscaling group in the private subnets, registered in its own target group", async () => {
    const result = await serving();
    expect(result.ofType("aws:autoscaling/Group").map((g) => g.name)).toEqual(["rec-embedding", "rec-ranking", "rec-candidates", "rec-business"]);
    expect(pick(result, "aws:autoscaling/Group", "rec-ranking").inputs).toMatchObject({
      minSize: 1,
      desiredCapacity: 1,
      maxSize: 2,
      vpcZoneIdentifiers: ["subnet-priv-a", "subnet-priv-b"],
      launchTemplate: { id: "launchtemplate-rec-ranking", version: 1 },
      targetGroupArns: ["arn:rec-ranking"],
      healthCheckType: "ELB",
    });
    expect(pick(result, "aws:lb/TargetGroup", "rec-ranking").inputs).toMatchObject({ port: 8080, vpcId: "vpc-1", healthCheck: { path: "/healthz" } });
    expect(result.outputs.groupNames).toEqual({ embedding: "rec-embedding", ranking: "rec-ranking", candidates: "rec-candidates", business: "rec-business" });
  });

  it("takes each service's instance type and replicas from its arguments and defaults the rest", async () => {
    const result = await serving({ services: { ranking: { instanceType: "c6i.2xlarge", replicas: 3, maxReplicas: 10 }, candidates: { replicas: 2 } } });
    const templates = Object.fromEntries(result.ofType("aws:ec2/LaunchTemplate").map((t) => [t.name, t.inputs.instanceType]));
    expect(templates).toEqual({ "rec-embedding": "c6i.large", "rec-ranking": "c6i.2xlarge", "rec-candidates": "r6i.large", "rec-business": "t3.medium" });
    expect(pick(result, "aws:autoscaling/Group", "rec-ranking").inputs).toMatchObject({ minSize: 3, desiredCapacity: 3, maxSize: 10 });
    expect(pick(result, "aws:autoscaling/Group", "rec-candidates").inputs).toMatchObject({ minSize: 2, desiredCapacity: 2, maxSize: 4 });
  });

  it("puts one public load balancer in front, routing by path and sending everything else to the business service", async () => {
    const result = await serving();
    expect(result.ofType("aws:lb/LoadBalancer")).toHaveLength(1);
    expect(result.resource("rec-lb").inputs).toMatchObject({ loadBalancerType: "application", subnets: ["subnet-pub-a", "subnet-pub-b"], securityGroups: ["sg-lb"] });
    expect(result.resource("rec-http").inputs).toMatchObject({ port: 80, defaultActions: [{ type: "forward", targetGroupArn: "arn:rec-business" }] });
    const rules = result.ofType("aws:lb/ListenerRule").map((r) => [r.inputs.priority, (r.inputs.conditions as any)[0].pathPattern.values, (r.inputs.actions as any)[0].targetGroupArn]);
    expect(rules).toEqual([
      [10, ["/v1/embed", "/v1/embed/*"], "arn:rec-embedding"],
      [20, ["/v1/rank", "/v1/rank/*"], "arn:rec-ranking"],
      [30, ["/v1/candidates", "/v1/candidates/*"], "arn:rec-candidates"],
    ]);
    expect(result.outputs.url).toBe("http://rec-lb.elb.example");
  });

  it("starts the candidates service from the index in the registry's bucket and lets the instances read only that and call the ranking endpoint", async () => {
    const result = await serving({ candidateIndexKey: "indexes/candidates/2026-11-30/index.faiss" });
    const candidates = String(pick(result, "aws:ec2/LaunchTemplate", "rec-candidates").inputs.userData);
    expect(candidates).toContain('aws s3 cp "s3://artifacts-a1b2/indexes/candidates/2026-11-30/index.faiss" /srv/data/index');
    expect(String(pick(result, "aws:ec2/LaunchTemplate", "rec-ranking").inputs.userData)).not.toContain("aws s3 cp");
    expect(String(pick(result, "aws:ec2/LaunchTemplate", "rec-ranking").inputs.userData)).toContain("-e RANKING_ENDPOINT=ranker-endpoint-1");
    const policy = (pick(result, "aws:iam/Role", "rec-instances").inputs.inlinePolicies as any).serve.Statement;
    expect(policy[0].Resource).toEqual(["arn:aws:s3:::artifacts-a1b2", "arn:aws:s3:::artifacts-a1b2/indexes/*"]);
    expect(policy[1]).toEqual({ Effect: "Allow", Action: "sagemaker:InvokeEndpoint", Resource: "arn:aws:sagemaker:*:*:endpoint/ranker-endpoint-1" });
    expect(pick(result, "aws:ec2/LaunchTemplate", "rec-ranking").inputs).toMatchObject({ vpcSecurityGroupIds: ["sg-app"], metadataHttpTokens: "required", iamInstanceProfile: "rec-instances" });
  });

  it("writes a start script that runs the service's container on the app port", () => {
    const script = startScript({ service: "embedding", image: "img:1", port: 9000, bucket: "b", candidateIndexKey: "k", rankingEndpointName: "e", region: "eu-west-1" });
    expect(script.startsWith("#!/bin/bash\n")).toBe(true);
    expect(script).toContain("docker run -d --restart always -p 9000:9000");
    expect(script).toContain("-e SERVICE=embedding");
    expect(script.trimEnd().endsWith(" img:1")).toBe(true);
  });
});
