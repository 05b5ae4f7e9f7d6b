import { DescribeScalableTargetsCommand, ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import * as ec2 from "@aws-sdk/client-ec2";
import * as elb from "@aws-sdk/client-elastic-load-balancing-v2";
import { DescribeRuleCommand, EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { GetInstanceProfileCommand, GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import * as sm from "@aws-sdk/client-sagemaker";
import { GetScheduleCommand, GetScheduleGroupCommand, SchedulerClient } from "@aws-sdk/client-scheduler";

/** A resource as a stack export records it. */
export interface Recorded {
  readonly type: string;
  readonly id?: string;
  readonly outputs?: Record<string, unknown>;
}

/** Types whose existence is decided by their parent object (a route by its table, a rule target by its rule). */
const COVERED = new Set(["aws:ec2/Route", "aws:ec2/RouteTableAssociation", "aws:cloudwatch/EventTarget", "aws:appautoscaling/Policy"]);

/** True when the call answers (and `alive` holds of the answer), false when AWS says the object is not there; anything else is thrown. */
async function answers<T>(call: () => Promise<T>, alive: (answer: T) => boolean = () => true): Promise<boolean> {
  try {
    return alive(await call());
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const notFound = /NotFound|NoSuch|NotExist/i.test(e.name ?? "") || /could not find|does not exist|not found/i.test(e.message ?? "") || e.$metadata?.httpStatusCode === 404;
    if (notFound) return false;
    throw error;
  }
}

/**
 * Asks AWS itself (never Cairn's state) which of these resources still exist;
 * returns them as `type id`. Terminated, deleted and deleting objects count
 * as gone.
 */
export async function stillThere(resources: readonly Recorded[]): Promise<string[]> {
  const region = process.env.AWS_REGION ?? "us-west-2";
  const c = {
    ec2: new ec2.EC2Client({ region }),
    elb: new elb.ElasticLoadBalancingV2Client({ region }),
    asg: new AutoScalingClient({ region }),
    aas: new ApplicationAutoScalingClient({ region }),
    logs: new CloudWatchLogsClient({ region }),
    ddb: new DynamoDBClient({ region }),
    events: new EventBridgeClient({ region }),
    iam: new IAMClient({ region }),
    s3: new S3Client({ region, forcePathStyle: true }),
    sm: new sm.SageMakerClient({ region }),
    scheduler: new SchedulerClient({ region }),
  };
  const checks: Record<string, (id: string, out: Record<string, unknown>) => Promise<boolean>> = {
    "aws:ec2/Vpc": async (id) => ((await c.ec2.send(new ec2.DescribeVpcsCommand({ Filters: [{ Name: "vpc-id", Values: [id] }] }))).Vpcs ?? []).length > 0,
    "aws:ec2/Subnet": async (id) => ((await c.ec2.send(new ec2.DescribeSubnetsCommand({ Filters: [{ Name: "subnet-id", Values: [id] }] }))).Subnets ?? []).length > 0,
    "aws:ec2/SecurityGroup": async (id) => ((await c.ec2.send(new ec2.DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-id", Values: [id] }] }))).SecurityGroups ?? []).length > 0,
    "aws:ec2/RouteTable": async (id) => ((await c.ec2.send(new ec2.DescribeRouteTablesCommand({ Filters: [{ Name: "route-table-id", Values: [id] }] }))).RouteTables ?? []).length > 0,
    "aws:ec2/InternetGateway": async (id) =>
      ((await c.ec2.send(new ec2.DescribeInternetGatewaysCommand({ Filters: [{ Name: "internet-gateway-id", Values: [id] }] }))).InternetGateways ?? []).length > 0,
    "aws:ec2/NatGateway": async (id) =>
      ((await c.ec2.send(new ec2.DescribeNatGatewaysCommand({ Filter: [{ Name: "nat-gateway-id", Values: [id] }] }))).NatGateways ?? []).some((n) => !["deleted", "deleting"].includes(n.State ?? "")),
    "aws:ec2/Eip": (id) => answers(() => c.ec2.send(new ec2.DescribeAddressesCommand({ AllocationIds: [id] })), (r) => (r.Addresses ?? []).length > 0),
    "aws:ec2/VpcEndpoint": (id) =>
      answers(
        () => c.ec2.send(new ec2.DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] })),
        (r) => (r.VpcEndpoints ?? []).some((e) => !["deleted", "deleting"].includes(String(e.State).toLowerCase())),
      ),
    "aws:ec2/LaunchTemplate": (id) => answers(() => c.ec2.send(new ec2.DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] })), (r) => (r.LaunchTemplates ?? []).length > 0),
    "aws:lb/LoadBalancer": (id) => answers(() => c.elb.send(new elb.DescribeLoadBalancersCommand({ LoadBalancerArns: [id] })), (r) => (r.LoadBalancers ?? []).length > 0),
    "aws:lb/TargetGroup": (id) => answers(() => c.elb.send(new elb.DescribeTargetGroupsCommand({ TargetGroupArns: [id] })), (r) => (r.TargetGroups ?? []).length > 0),
    "aws:lb/Listener": (id) => answers(() => c.elb.send(new elb.DescribeListenersCommand({ ListenerArns: [id] })), (r) => (r.Listeners ?? []).length > 0),
    "aws:lb/ListenerRule": (id) => answers(() => c.elb.send(new elb.DescribeRulesCommand({ RuleArns: [id] })), (r) => (r.Rules ?? []).length > 0),
    "aws:autoscaling/Group": async (id) => ((await c.asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [id] }))).AutoScalingGroups ?? []).length > 0,
    "aws:appautoscaling/Target": async (_id, out) =>
      ((await c.aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "sagemaker", ResourceIds: [String(out.resourceId)] }))).ScalableTargets ?? []).length > 0,
    "aws:cloudwatch/LogGroup": async (_id, out) =>
      ((await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: String(out.name) }))).logGroups ?? []).some((g) => g.logGroupName === out.name),
    "aws:cloudwatch/EventRule": (_id, out) => answers(() => c.events.send(new DescribeRuleCommand({ Name: String(out.name) }))),
    "aws:dynamodb/Table": (_id, out) => answers(() => c.ddb.send(new DescribeTableCommand({ TableName: String(out.name) }))),
    "aws:iam/Role": (_id, out) => answers(() => c.iam.send(new GetRoleCommand({ RoleName: String(out.name) }))),
    "aws:iam/InstanceProfile": (_id, out) => answers(() => c.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: String(out.name) }))),
    "aws:s3/Bucket": (_id, out) => answers(() => c.s3.send(new HeadBucketCommand({ Bucket: String(out.bucket) }))),
    "aws:sagemaker/Model": (_id, out) => answers(() => c.sm.send(new sm.DescribeModelCommand({ ModelName: String(out.name) }))),
    "aws:sagemaker/EndpointConfig": (_id, out) => answers(() => c.sm.send(new sm.DescribeEndpointConfigCommand({ EndpointConfigName: String(out.name) }))),
    "aws:sagemaker/Endpoint": (_id, out) => answers(() => c.sm.send(new sm.DescribeEndpointCommand({ EndpointName: String(out.name) }))),
    "aws:sagemaker/ModelPackageGroup": (_id, out) => answers(() => c.sm.send(new sm.DescribeModelPackageGroupCommand({ ModelPackageGroupName: String(out.name) }))),
    "aws:sagemaker/Pipeline": (_id, out) => answers(() => c.sm.send(new sm.DescribePipelineCommand({ PipelineName: String(out.name) }))),
    "aws:scheduler/ScheduleGroup": (_id, out) => answers(() => c.scheduler.send(new GetScheduleGroupCommand({ Name: String(out.name) }))),
    "aws:scheduler/Schedule": (_id, out) => answers(() => c.scheduler.send(new GetScheduleCommand({ Name: String(out.name), GroupName: String(out.groupName) }))),
  };
  try {
    const left: string[] = [];
    for (const r of resources) {
      if (r.id === undefined || COVERED.has(r.type) || r.type.startsWith("cairn-ml:")) continue;
      const check = checks[r.type];
      if (check === undefined) throw new Error(`No existence check for ${r.type}; add one to still-there.ts.`);
      if (await check(r.id, r.outputs ?? {})) left.push(`${r.type} ${r.id}`);
    }
    return left;
  } finally {
    for (const client of Object.values(c)) client.destroy();
  }
}
