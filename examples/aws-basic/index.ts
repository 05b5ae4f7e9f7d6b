// A Cairn program for AWS: a network with one server that can read an
// artifacts bucket. It needs AWS credentials only to apply; `cairn preview`
// of a new stack makes no AWS calls.
//
//   cairn stack init dev
//   cairn config set aws:region us-west-2
//   cairn preview
//   cairn up
import { Config, interpolate } from "@cairn/core";
import * as aws from "@cairn/aws";

const config = new Config();
// EC2 resolves this public SSM parameter to the region's current Amazon Linux AMI at launch.
const ami = config.get("ami") ?? "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
const instanceType = config.get("instanceType") ?? "t3.micro";

const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.20.0.0/16", enableDnsHostnames: true, tags: { Name: "aws-basic" } });
const subnet = new aws.ec2.Subnet("app", { vpcId: vpc.id, cidrBlock: "10.20.1.0/24", tags: { Name: "aws-basic-app" } });

const web = new aws.ec2.SecurityGroup("web", {
  vpcId: vpc.id,
  description: "HTTPS from inside the VPC",
  ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.20.0.0/16"], description: "https" }],
});

const artifacts = new aws.s3.Bucket("artifacts", {
  versioning: true,
  lifecycleRules: [{ id: "old-versions", noncurrentVersionExpirationDays: 30 }],
  tags: { purpose: "model-artifacts" },
  forceDestroy: true,
});

new aws.s3.BucketObject("settings", {
  bucket: artifacts.bucket,
  key: "config/settings.json",
  content: JSON.stringify({ model: "ranker", threshold: 0.5 }, null, 2),
});

// The server's identity: a role EC2 may assume, allowed to read the bucket.
const role = new aws.iam.Role("server", {
  assumeRolePolicy: {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
  },
  inlinePolicies: {
    "read-artifacts": artifacts.arn.apply((arn) => ({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [arn, `${arn}/*`] }],
    })),
  },
});
const profile = new aws.iam.InstanceProfile("server", { role: role.name });

const server = new aws.ec2.Instance("server", {
  ami,
  instanceType,
  subnetId: subnet.id,
  vpcSecurityGroupIds: [web.id],
  iamInstanceProfile: profile.name,
  userData: interpolate`#!/bin/sh
echo "artifacts are in s3://${artifacts.bucket}" > /etc/motd
`,
  tags: { Name: "aws-basic-server" },
});

export const bucketName = artifacts.bucket;
export const serverId = server.id;
export const serverPrivateIp = server.privateIp;
