// The recommender ML platform, one stack per environment (dev, staging, prod),
// on the VPC of the ml-network stack of the same name. The stacks differ only
// in their config (cairn.<stack>.yaml).
import { Config, StackReference, getStack } from "@cairn/core";
import { InferenceEndpoint } from "@cairn-ml/inference-endpoint";
import { ModelRegistry } from "@cairn-ml/model-registry";
import { RecommenderServing, SERVICE_NAMES, type ServiceName, type ServiceSpec } from "@cairn-ml/recommender-serving";
import { Training } from "@cairn-ml/training";

const config = new Config();
const region = new Config("aws").require("region");
const stack = getStack();
// In prod the registry and the endpoint must not be deleted by accident.
const protect = config.getBoolean("protect") ?? false;

const network = new StackReference(config.get("networkStack") ?? `ml-network/${stack}`);
const privateSubnetIds = network.requireOutput<string[]>("privateSubnetIds");
const groups = network.requireOutput<Record<"lb" | "app" | "inference" | "training", string>>("securityGroupIds");

const registry = new ModelRegistry("registry", { forceDestroy: !protect, noncurrentVersionExpirationDays: config.getNumber("artifactVersionDays") ?? 90 }, { protect });

new Training("ranker-training", {
  image: config.require("trainingImage"),
  artifactBucketName: registry.bucketName,
  modelPackageGroupName: registry.modelPackageGroupName,
  instanceType: config.get("trainingInstanceType") ?? "ml.m5.xlarge",
  schedule: config.get("retrainSchedule") ?? "cron(0 3 * * ? *)",
  scheduleEnabled: config.getBoolean("retrainEnabled") ?? true,
  vpc: { subnetIds: privateSubnetIds, securityGroupIds: [groups.apply((g) => g.training)] },
});

const ranker = new InferenceEndpoint(
  "ranker",
  {
    image: config.require("inferenceImage"),
    modelDataUrl: registry.bucketName.apply((bucket) => `s3://${bucket}/models/ranker/initial/model.tar.gz`),
    executionRoleArn: registry.modelRoleArn,
    instanceType: config.get("rankerInstanceType") ?? "ml.m5.large",
    initialInstanceCount: config.getNumber("rankerInstances") ?? 1,
    // Scale the variant on invocations up to rankerMaxInstances; without it, a fixed count.
    ...(config.getNumber("rankerMaxInstances") === undefined
      ? {}
      : { autoscaling: { minCapacity: config.getNumber("rankerInstances") ?? 1, maxCapacity: config.requireNumber("rankerMaxInstances") } }),
    vpc: { subnetIds: privateSubnetIds, securityGroupIds: [groups.apply((g) => g.inference)] },
  },
  { protect },
);

// Each service's instance type and replica count: <service>InstanceType, <service>Replicas.
const services: Partial<Record<ServiceName, ServiceSpec>> = {};
for (const name of SERVICE_NAMES) {
  const instanceType = config.get(`${name}InstanceType`);
  const replicas = config.getNumber(`${name}Replicas`);
  services[name] = { ...(instanceType === undefined ? {} : { instanceType }), ...(replicas === undefined ? {} : { replicas }) };
}

const serving = new RecommenderServing("recommender", {
  vpcId: network.requireOutput<string>("vpcId"),
  publicSubnetIds: network.requireOutput<string[]>("publicSubnetIds"),
  privateSubnetIds,
  lbSecurityGroupId: groups.apply((g) => g.lb),
  appSecurityGroupId: groups.apply((g) => g.app),
  region,
  artifactBucketName: registry.bucketName,
  rankingEndpointName: ranker.endpointName,
  services,
  ...(config.get("instancePolicyArns") === undefined ? {} : { instancePolicyArns: JSON.parse(config.get("instancePolicyArns")!) as string[] }),
});

export const artifactBucket = registry.bucketName;
export const modelPackageGroup = registry.modelPackageGroupName;
export const deployerRoleArn = registry.deployerRoleArn;
export const rankingEndpoint = ranker.endpointName;
export const url = serving.url;
export const serviceGroups = serving.groupNames;
