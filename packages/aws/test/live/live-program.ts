import { interpolate } from "@cairn/core";
import * as aws from "@cairn/aws";

/** What changes between the runs of the live stack. */
export interface LivePhase {
  readonly instanceType: string;
  readonly ingressPort: number;
  readonly bucketTags: Readonly<Record<string, string>>;
}

const trust = (service: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
});

/**
 * The live stack: a network with an instance (with a role through an
 * instance profile), a versioned bucket with an object, and a SageMaker model
 * behind an endpoint, plus a model registry.
 */
export function liveProgram(prefix: string, iamPath: string, phase: LivePhase) {
  return async () => {
    const ami = await aws.ec2.getAmi({
      owners: ["099720109477"],
      filters: [{ name: "name", values: ["ubuntu/images/hvm-ssd/ubuntu-*-amd64-server-*"] }],
      mostRecent: true,
    });
    const vpc = new aws.ec2.Vpc("net", { cidrBlock: "10.42.0.0/16", enableDnsHostnames: true });
    const subnet = new aws.ec2.Subnet("net-a", { vpcId: vpc.id, cidrBlock: "10.42.1.0/24" });
    const web = new aws.ec2.SecurityGroup("web", {
      namePrefix: `${prefix}-web-`,
      vpcId: vpc.id,
      ingress: [{ protocol: "tcp", fromPort: phase.ingressPort, toPort: phase.ingressPort, cidrBlocks: ["10.42.0.0/16"], description: "model traffic" }],
    });
    const serverRole = new aws.iam.Role("server-role", { namePrefix: `${prefix}-srv-`, path: iamPath, assumeRolePolicy: trust("ec2.amazonaws.com") });
    const profile = new aws.iam.InstanceProfile("server-profile", { namePrefix: `${prefix}-srv-`, path: iamPath, role: serverRole.name });
    const server = new aws.ec2.Instance("ranker", {
      ami: ami.id,
      instanceType: phase.instanceType,
      subnetId: subnet.id,
      vpcSecurityGroupIds: [web.id],
      iamInstanceProfile: profile.name,
      tags: { Name: `${prefix}-ranker` },
    });
    const artifacts = new aws.s3.Bucket("artifacts", { bucketPrefix: `${prefix}-artifacts-`, versioning: true, tags: phase.bucketTags, forceDestroy: true });
    const config = new aws.s3.BucketObject("config", { bucket: artifacts.bucket, key: "ranker/config.json", content: JSON.stringify({ lr: 0.01 }) });
    const sagemakerRole = new aws.iam.Role("sagemaker-role", {
      namePrefix: `${prefix}-sm-`,
      path: iamPath,
      assumeRolePolicy: trust("sagemaker.amazonaws.com"),
      inlinePolicies: { artifacts: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: [interpolate`${artifacts.arn}/*`] }] } },
    });
    const model = new aws.sagemaker.Model("ranker", {
      namePrefix: `${prefix}-ranker-`,
      executionRoleArn: sagemakerRole.arn,
      primaryContainer: { image: "763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.1-cpu-py310", modelDataUrl: interpolate`s3://${artifacts.bucket}/ranker/model.tar.gz` },
    });
    const endpointConfig = new aws.sagemaker.EndpointConfig("ranker", {
      namePrefix: `${prefix}-ranker-`,
      productionVariants: [{ variantName: "main", modelName: model.name, instanceType: "ml.m5.large" }],
    });
    const endpoint = new aws.sagemaker.Endpoint("ranker", { namePrefix: `${prefix}-ranker-`, endpointConfigName: endpointConfig.name });
    const registry = new aws.sagemaker.ModelPackageGroup("rankers", { namePrefix: `${prefix}-rankers-`, description: "Ranking models" });
    return {
      amiId: ami.id,
      instanceId: server.id,
      instanceType: server.instanceType,
      bucketName: artifacts.bucket,
      objectEtag: config.etag,
      endpointName: endpoint.name,
      endpointStatus: endpoint.endpointStatus,
      registryArn: registry.arn,
    };
  };
}
