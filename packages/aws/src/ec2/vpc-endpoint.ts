import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import type { ResourceType } from "@cairn/core/provider";
import { cairnPackage } from "../package.js";

const VPC_ENDPOINT: ResourceType = { token: "aws:ec2/VpcEndpoint", package: cairnPackage };

/** The arguments of {@link VpcEndpoint}. */
export interface VpcEndpointArgs {
  /** The VPC; changing it replaces the endpoint. */
  readonly vpcId: Input<string>;
  /** The service, such as "com.amazonaws.us-west-2.s3"; changing it replaces the endpoint. */
  readonly serviceName: Input<string>;
  /** "Gateway" (S3, DynamoDB: routes in route tables) or "Interface" (network interfaces in subnets); changing it replaces the endpoint. @default "Gateway" */
  readonly vpcEndpointType?: Input<"Gateway" | "Interface">;
  /** A gateway endpoint's route tables; changed in place. @default none */
  readonly routeTableIds?: Input<readonly Input<string>[]>;
  /** An interface endpoint's subnets, one per zone; changed in place. @default none */
  readonly subnetIds?: Input<readonly Input<string>[]>;
  /** An interface endpoint's security groups; changed in place. @default the VPC's default group */
  readonly securityGroupIds?: Input<readonly Input<string>[]>;
  /** Whether the service's public DNS name resolves to the interface endpoint; changed in place. @default true for Interface, unset for Gateway */
  readonly privateDnsEnabled?: Input<boolean>;
  /** An endpoint policy (an object or JSON text); changed in place. @default full access */
  readonly policy?: Input<unknown>;
  /** Tags, merged over the provider's default tags. @default none */
  readonly tags?: Input<Readonly<Record<string, Input<string>>>>;
}

/**
 * A VPC endpoint: private access to an AWS service without the internet. A
 * gateway endpoint (S3, DynamoDB) adds routes to route tables; an interface
 * endpoint (SageMaker runtime, ECR, ...) puts network interfaces in subnets.
 *
 * @example
 * new aws.ec2.VpcEndpoint("s3", { vpcId: vpc.id, serviceName: "com.amazonaws.us-west-2.s3", routeTableIds: [privateRoutes.id] });
 * new aws.ec2.VpcEndpoint("sagemaker-runtime", {
 *   vpcId: vpc.id, serviceName: "com.amazonaws.us-west-2.sagemaker.runtime", vpcEndpointType: "Interface",
 *   subnetIds: [privateSubnet.id], securityGroupIds: [endpointSg.id],
 * });
 */
export class VpcEndpoint extends CustomResource {
  readonly arn: Output<string> = this.getOutput("arn");
  /** available, pending, pendingAcceptance, ... */
  readonly state: Output<string> = this.getOutput("state");
  /** An interface endpoint's DNS entries. */
  readonly dnsEntries: Output<{ dnsName: string; hostedZoneId: string }[]> = this.getOutput("dnsEntries");
  readonly networkInterfaceIds: Output<string[]> = this.getOutput("networkInterfaceIds");
  readonly tags: Output<Record<string, string>> = this.getOutput("tags");

  constructor(name: string, args: VpcEndpointArgs, opts: CustomResourceOptions = {}) {
    super(VPC_ENDPOINT, name, args as unknown as Record<string, unknown>, opts);
  }
}
