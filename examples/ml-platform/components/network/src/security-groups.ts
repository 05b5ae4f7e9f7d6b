import type { ComponentResource, Input } from "@cairn/core";
import * as aws from "@cairn/aws";

/** The security group of each tier of the platform. */
export interface TierSecurityGroups {
  /** The public load balancer: HTTP and HTTPS from anywhere. */
  readonly lb: aws.ec2.SecurityGroup;
  /** The service instances: the app port from the load balancer and from each other. */
  readonly app: aws.ec2.SecurityGroup;
  /** SageMaker models in the VPC: HTTPS from the app tier. */
  readonly inference: aws.ec2.SecurityGroup;
  /** Training containers: each other only (distributed training). */
  readonly training: aws.ec2.SecurityGroup;
  /** The interface endpoints: HTTPS from the whole VPC. */
  readonly endpoints: aws.ec2.SecurityGroup;
}

interface SecurityGroupSettings {
  readonly vpcId: Input<string>;
  readonly cidrBlock: string;
  readonly appPort: number;
  readonly tags: Record<string, string>;
}

/** Adds one security group per tier to the network, each allowing only what its tier needs. */
export function addSecurityGroups(parent: ComponentResource, name: string, settings: SecurityGroupSettings): TierSecurityGroups {
  const { vpcId, appPort } = settings;
  const group = (tier: string, description: string, ingress: aws.ec2.SecurityGroupRuleArgs[]) =>
    new aws.ec2.SecurityGroup(`${name}-${tier}`, { vpcId, description, ingress, tags: { ...settings.tags, Name: `${name}-${tier}`, tier } }, { parent });
  const lb = group("lb", "Public load balancer", [
    { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"], description: "http" },
    { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "https" },
  ]);
  const app = group("app", "Recommender service instances", [
    { protocol: "tcp", fromPort: appPort, toPort: appPort, securityGroupIds: [lb.id], description: "from the load balancer" },
    { protocol: "tcp", fromPort: appPort, toPort: appPort, self: true, description: "between services" },
  ]);
  const inference = group("inference", "SageMaker models in the VPC", [{ protocol: "tcp", fromPort: 443, toPort: 443, securityGroupIds: [app.id], description: "from the services" }]);
  const training = group("training", "SageMaker training containers", [{ protocol: "-1", self: true, description: "between training nodes" }]);
  const endpoints = group("endpoints", "Interface VPC endpoints", [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [settings.cidrBlock], description: "https from the VPC" }]);
  return { lb, app, inference, training, endpoints };
}
