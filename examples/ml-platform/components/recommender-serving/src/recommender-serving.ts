import { ComponentResource, all, interpolate, output, type ComponentResourceOptions, type Input, type Output } from "@cairn/core";
import * as aws from "@cairn/aws";
import { SERVICE_NAMES, SERVICE_ROLES, startScript, type ServiceName, type ServiceSpec } from "./services.js";

/** The Amazon Linux 2023 image EC2 resolves at launch. */
export const DEFAULT_AMI = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

/** The arguments of a {@link RecommenderServing}. */
export interface RecommenderServingArgs {
  readonly vpcId: Input<string>;
  /** Where the load balancer goes, one per zone. */
  readonly publicSubnetIds: Input<readonly Input<string>[]>;
  /** Where the instances go, one per zone. */
  readonly privateSubnetIds: Input<readonly Input<string>[]>;
  /** The load balancer tier's security group. */
  readonly lbSecurityGroupId: Input<string>;
  /** The app tier's security group: open on `appPort` from the load balancer. */
  readonly appSecurityGroupId: Input<string>;
  /** The region, for the services' AWS calls. */
  readonly region: Input<string>;
  /** The registry's artifact bucket, which holds the candidate index. */
  readonly artifactBucketName: Input<string>;
  /** The candidate index's key in that bucket. @default "indexes/candidates/latest/index.faiss" */
  readonly candidateIndexKey?: Input<string>;
  /** The SageMaker endpoint the ranking service calls. */
  readonly rankingEndpointName: Input<string>;
  /** How each service runs; services left out take the defaults. @default {} */
  readonly services?: Partial<Record<ServiceName, ServiceSpec>>;
  /** The instances' image. @default Amazon Linux 2023, resolved by EC2 from SSM at launch */
  readonly ami?: Input<string>;
  /** Managed policies of the instances' role, besides reading the index and calling the endpoint. @default ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"] (Session Manager instead of SSH) */
  readonly instancePolicyArns?: Input<readonly Input<string>[]>;
  /** The port every service listens on. @default 8080 */
  readonly appPort?: number;
  /** Tags of every resource, over the provider's default tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The recommender's online services, each an autoscaling group of instances
 * from its own launch template, registered in its own target group, behind
 * one public application load balancer that routes by path: `/v1/embed`,
 * `/v1/rank` and `/v1/candidates` to their services, everything else to the
 * business-logic service. The candidates service loads its index from the
 * registry's bucket at start; the ranking service calls the ranking endpoint.
 *
 * @example
 * const serving = new RecommenderServing("recommender", {
 *   vpcId, publicSubnetIds, privateSubnetIds, lbSecurityGroupId, appSecurityGroupId, region: "us-west-2",
 *   artifactBucketName: registry.bucketName, rankingEndpointName: ranker.endpointName,
 *   services: { ranking: { instanceType: "c6i.xlarge", replicas: 3 } },
 * });
 * export const url = serving.url;
 */
export class RecommenderServing extends ComponentResource {
  /** `http://<load balancer DNS name>`. */
  readonly url: Output<string>;
  readonly loadBalancerArn: Output<string>;
  /** Each service's autoscaling group name. */
  readonly groupNames: Output<Record<ServiceName, string>>;
  /** The instances' role. */
  readonly instanceRoleArn: Output<string>;

  constructor(name: string, args: RecommenderServingArgs, opts: ComponentResourceOptions = {}) {
    super("cairn-ml:serving/RecommenderServing", name, {}, opts);
    const tags = args.tags ?? {};
    const child = { parent: this };
    const port = args.appPort ?? 8080;
    const role = new aws.iam.Role(
      `${name}-instances`,
      {
        description: "The recommender's service instances",
        assumeRolePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] },
        managedPolicyArns: args.instancePolicyArns ?? ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"],
        inlinePolicies: { serve: servePolicy(args.artifactBucketName, args.rankingEndpointName) },
        tags,
      },
      child,
    );
    const profile = new aws.iam.InstanceProfile(`${name}-instances`, { role: role.name }, child);
    const lb = new aws.lb.LoadBalancer(
      `${name}-lb`,
      { loadBalancerType: "application", subnets: args.publicSubnetIds, securityGroups: [args.lbSecurityGroupId], tags },
      child,
    );

    const groups: Partial<Record<ServiceName, Output<string>>> = {};
    const targets = {} as Record<ServiceName, aws.lb.TargetGroup>;
    for (const service of SERVICE_NAMES) {
      const spec = args.services?.[service] ?? {};
      const replicas = spec.replicas ?? 1;
      const image = spec.image ?? `public.ecr.aws/cairn-ml/${service}:latest`;
      const target = new aws.lb.TargetGroup(
        `${name}-${service}`,
        { port, protocol: "HTTP", vpcId: args.vpcId, targetType: "instance", healthCheck: { path: "/healthz", matcher: "200" }, deregistrationDelay: 30, tags: { ...tags, service } },
        child,
      );
      const userData = all([output(image), output(args.artifactBucketName), output(args.candidateIndexKey ?? "indexes/candidates/latest/index.faiss"), output(args.rankingEndpointName), output(args.region)]).apply(
        ([img, bucket, candidateIndexKey, rankingEndpointName, region]) => startScript({ service, image: img, port, bucket, candidateIndexKey, rankingEndpointName, region }),
      );
      const template = new aws.ec2.LaunchTemplate(
        `${name}-${service}`,
        {
          description: SERVICE_ROLES[service].description,
          imageId: args.ami ?? DEFAULT_AMI,
          instanceType: spec.instanceType ?? SERVICE_ROLES[service].defaultInstanceType,
          vpcSecurityGroupIds: [args.appSecurityGroupId],
          iamInstanceProfile: profile.name,
          userData,
          metadataHttpTokens: "required",
          instanceTags: { ...tags, service, Name: `${name}-${service}` },
          updateDefaultVersion: true,
          tags: { ...tags, service },
        },
        child,
      );
      const group = new aws.autoscaling.Group(
        `${name}-${service}`,
        {
          minSize: replicas,
          desiredCapacity: replicas,
          maxSize: spec.maxReplicas ?? replicas * 2,
          vpcZoneIdentifiers: args.privateSubnetIds,
          launchTemplate: { id: template.id, version: template.latestVersion },
          targetGroupArns: [target.arn],
          healthCheckType: "ELB",
          healthCheckGracePeriod: 120,
          // A new template version rolls through the instances, half at a time.
          instanceRefresh: { minHealthyPercentage: 50 },
          tags: { ...tags, service },
        },
        child,
      );
      groups[service] = group.name;
      targets[service] = target;
    }

    const listener = new aws.lb.Listener(
      `${name}-http`,
      { loadBalancerArn: lb.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: targets.business.arn }], tags },
      child,
    );
    for (const service of SERVICE_NAMES.filter((s) => SERVICE_ROLES[s].paths.length > 0)) {
      new aws.lb.ListenerRule(
        `${name}-${service}`,
        {
          listenerArn: listener.arn,
          priority: SERVICE_ROLES[service].priority,
          conditions: [{ pathPattern: { values: [...SERVICE_ROLES[service].paths] } }],
          actions: [{ type: "forward", targetGroupArn: targets[service].arn }],
          tags,
        },
        child,
      );
    }

    this.url = interpolate`http://${lb.dnsName}`;
    this.loadBalancerArn = lb.arn;
    this.groupNames = all(groups as Record<ServiceName, Output<string>>);
    this.instanceRoleArn = role.arn;
    this.registerOutputs({ url: this.url, groupNames: this.groupNames });
  }
}

function servePolicy(bucketName: Input<string>, endpointName: Input<string>): Output<aws.iam.PolicyDocumentArg> {
  return all([output(bucketName), output(endpointName)]).apply(([bucket, endpoint]) => ({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/indexes/*`] },
      { Effect: "Allow", Action: "sagemaker:InvokeEndpoint", Resource: `arn:aws:sagemaker:*:*:endpoint/${endpoint.toLowerCase()}` },
      { Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: "*" },
    ],
  }));
}
