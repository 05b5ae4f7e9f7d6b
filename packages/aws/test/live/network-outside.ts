import * as ec2 from "@aws-sdk/client-ec2";
import * as elb from "@aws-sdk/client-elastic-load-balancing-v2";
import * as asg from "@aws-sdk/client-auto-scaling";
import type { ImportedIds } from "./network-program.js";

const region = () => process.env.AWS_REGION ?? "us-west-2";

/** The SDK clients the live network suite uses to act outside Cairn. */
export function outsideClients() {
  const config = { region: region() };
  return { ec2: new ec2.EC2Client(config), elb: new elb.ElasticLoadBalancingV2Client(config), asg: new asg.AutoScalingClient(config) };
}
export type OutsideClients = ReturnType<typeof outsideClients>;

/**
 * Makes, with the SDK alone, one object of every new type, tagged for the run,
 * for Cairn to adopt. It passes AWS's defaults (ConnectivityType "public",
 * VpcEndpointType "Gateway") explicitly: moto does not apply them.
 */
export async function makeOutside(c: OutsideClients, runId: string, prefix: string, publicKey: string): Promise<ImportedIds> {
  const tagged = (type: ec2.ResourceType) => [{ ResourceType: type, Tags: [{ Key: "cairn-live", Value: runId }] }];
  const vpcId = (await c.ec2.send(new ec2.CreateVpcCommand({ CidrBlock: "10.44.0.0/16", TagSpecifications: tagged("vpc") }))).Vpc!.VpcId!;
  const subnet = (cidr: string, zone: string) => c.ec2.send(new ec2.CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone, TagSpecifications: tagged("subnet") }));
  const subnetId = (await subnet("10.44.0.0/24", "us-west-2a")).Subnet!.SubnetId!;
  const subnetIdB = (await subnet("10.44.1.0/24", "us-west-2b")).Subnet!.SubnetId!;
  const internetGatewayId = (await c.ec2.send(new ec2.CreateInternetGatewayCommand({ TagSpecifications: tagged("internet-gateway") }))).InternetGateway!.InternetGatewayId!;
  await c.ec2.send(new ec2.AttachInternetGatewayCommand({ InternetGatewayId: internetGatewayId, VpcId: vpcId }));
  const allocationId = (await c.ec2.send(new ec2.AllocateAddressCommand({ Domain: "vpc", TagSpecifications: tagged("elastic-ip") }))).AllocationId!;
  const natGatewayId = (await c.ec2.send(new ec2.CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: allocationId, ConnectivityType: "public", TagSpecifications: tagged("natgateway") }))).NatGateway!.NatGatewayId!;
  await ec2.waitUntilNatGatewayAvailable({ client: c.ec2, maxWaitTime: 600 }, { NatGatewayIds: [natGatewayId] });
  const routeTableId = (await c.ec2.send(new ec2.CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: tagged("route-table") }))).RouteTable!.RouteTableId!;
  await c.ec2.send(new ec2.CreateRouteCommand({ RouteTableId: routeTableId, DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: natGatewayId }));
  await c.ec2.send(new ec2.AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }));
  const endpoint = new ec2.CreateVpcEndpointCommand({ VpcId: vpcId, ServiceName: "com.amazonaws.us-west-2.dynamodb", VpcEndpointType: "Gateway", RouteTableIds: [routeTableId], TagSpecifications: tagged("vpc-endpoint") });
  const vpcEndpointId = (await c.ec2.send(endpoint)).VpcEndpoint!.VpcEndpointId!;
  const keyName = `${prefix}-x-key`;
  await c.ec2.send(new ec2.ImportKeyPairCommand({ KeyName: keyName, PublicKeyMaterial: new TextEncoder().encode(publicKey), TagSpecifications: tagged("key-pair") }));
  const template = new ec2.CreateLaunchTemplateCommand({ LaunchTemplateName: `${prefix}-x-template`, LaunchTemplateData: { ImageId: "ami-12c6146b", InstanceType: "t3.micro" }, TagSpecifications: tagged("launch-template") });
  const launchTemplateId = (await c.ec2.send(template)).LaunchTemplate!.LaunchTemplateId!;
  const run = new ec2.RunInstancesCommand({ ImageId: "ami-12c6146b", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, SubnetId: subnetId, TagSpecifications: tagged("instance") });
  const instanceId = (await c.ec2.send(run)).Instances![0]!.InstanceId!;
  await ec2.waitUntilInstanceRunning({ client: c.ec2, maxWaitTime: 600 }, { InstanceIds: [instanceId] });
  const liveTags = [{ Key: "cairn-live", Value: runId }];
  const lb = new elb.CreateLoadBalancerCommand({ Name: `${prefix}-x-lb`, Subnets: [subnetId, subnetIdB], Tags: liveTags });
  const loadBalancerArn = (await c.elb.send(lb)).LoadBalancers![0]!.LoadBalancerArn!;
  await elb.waitUntilLoadBalancerAvailable({ client: c.elb, maxWaitTime: 600 }, { LoadBalancerArns: [loadBalancerArn] });
  const tg = new elb.CreateTargetGroupCommand({ Name: `${prefix}-x-tg`, Port: 80, Protocol: "HTTP", VpcId: vpcId, Tags: liveTags });
  const targetGroupArn = (await c.elb.send(tg)).TargetGroups![0]!.TargetGroupArn!;
  const forward = [{ Type: "forward" as const, TargetGroupArn: targetGroupArn }];
  const listenerArn = (await c.elb.send(new elb.CreateListenerCommand({ LoadBalancerArn: loadBalancerArn, Port: 80, Protocol: "HTTP", DefaultActions: forward, Tags: liveTags }))).Listeners![0]!.ListenerArn!;
  const rule = new elb.CreateRuleCommand({ ListenerArn: listenerArn, Priority: 5, Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/x/*"] } }], Actions: forward, Tags: liveTags });
  const ruleArn = (await c.elb.send(rule)).Rules![0]!.RuleArn!;
  await c.elb.send(new elb.RegisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: [{ Id: instanceId, Port: 80 }] }));
  const groupName = `${prefix}-x-group`;
  const group = new asg.CreateAutoScalingGroupCommand({
    AutoScalingGroupName: groupName,
    MinSize: 0,
    MaxSize: 1,
    VPCZoneIdentifier: subnetId,
    LaunchTemplate: { LaunchTemplateId: launchTemplateId, Version: "$Default" },
    Tags: [{ Key: "cairn-live", Value: runId, PropagateAtLaunch: true }],
  });
  await c.asg.send(group);
  return { vpcId, subnetId, subnetIdB, internetGatewayId, allocationId, natGatewayId, routeTableId, keyName, publicKey, vpcEndpointId, launchTemplateId, targetGroupArn, loadBalancerArn, listenerArn, ruleArn, instanceId, groupName };
}

/** Deletes what the SDK made that Cairn did not adopt: the instance, the subnets, the VPC. */
export async function removeOutside(c: OutsideClients, ids: ImportedIds): Promise<void> {
  await c.ec2.send(new ec2.TerminateInstancesCommand({ InstanceIds: [ids.instanceId] }));
  await ec2.waitUntilInstanceTerminated({ client: c.ec2, maxWaitTime: 600 }, { InstanceIds: [ids.instanceId] });
  for (const SubnetId of [ids.subnetId, ids.subnetIdB]) await c.ec2.send(new ec2.DeleteSubnetCommand({ SubnetId }));
  await c.ec2.send(new ec2.DeleteVpcCommand({ VpcId: ids.vpcId }));
}

/** One resource of the stack's state, by type and logical name. */
export type Resolve = (type: string, name: string) => { id: string; outputs: Record<string, unknown> };

/**
 * Changes, behind Cairn's back, one property of every new type (or deletes
 * the resource), and returns what refresh must report: `type name kind`.
 */
export async function changeOutOfBand(c: OutsideClients, get: Resolve): Promise<string[]> {
  const tag = (id: string) => c.ec2.send(new ec2.CreateTagsCommand({ Resources: [id], Tags: [{ Key: "changed-outside", Value: "yes" }] }));
  for (const [type, name] of [["InternetGateway", "igw"], ["Eip", "nat-ip"], ["NatGateway", "nat"], ["RouteTable", "public"], ["VpcEndpoint", "runtime"]] as const) await tag(get(`aws:ec2/${type}`, name).id);
  await tag(String(get("aws:ec2/KeyPair", "ops").outputs.keyPairId));
  const privateTable = get("aws:ec2/RouteTable", "private").id;
  await c.ec2.send(new ec2.DeleteRouteCommand({ RouteTableId: privateTable, DestinationCidrBlock: "0.0.0.0/0" }));
  await c.ec2.send(new ec2.DisassociateRouteTableCommand({ AssociationId: String(get("aws:ec2/RouteTableAssociation", "public-b").outputs.associationId) }));
  await c.ec2.send(new ec2.ModifyVpcEndpointCommand({ VpcEndpointId: get("aws:ec2/VpcEndpoint", "s3").id, AddRouteTableIds: [get("aws:ec2/RouteTable", "public").id] }));
  const templateId = get("aws:ec2/LaunchTemplate", "fleet").id;
  const version = await c.ec2.send(new ec2.CreateLaunchTemplateVersionCommand({ LaunchTemplateId: templateId, SourceVersion: "$Default", LaunchTemplateData: { InstanceType: "t3.nano" } }));
  await c.ec2.send(new ec2.ModifyLaunchTemplateCommand({ LaunchTemplateId: templateId, DefaultVersion: String(version.LaunchTemplateVersion!.VersionNumber) }));
  const lbArn = get("aws:lb/LoadBalancer", "serving").id;
  await c.elb.send(new elb.ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: lbArn, Attributes: [{ Key: "idle_timeout.timeout_seconds", Value: "301" }] }));
  await c.elb.send(new elb.ModifyTargetGroupCommand({ TargetGroupArn: get("aws:lb/TargetGroup", "rankers").id, HealthCheckPath: "/changed-outside" }));
  await c.elb.send(new elb.ModifyListenerCommand({ ListenerArn: get("aws:lb/Listener", "http").id, Port: 9999 }));
  await c.elb.send(new elb.SetRulePrioritiesCommand({ RulePriorities: [{ RuleArn: get("aws:lb/ListenerRule", "rank").id, Priority: 77 }] }));
  const attachment = get("aws:lb/TargetGroupAttachment", "ranker").outputs;
  await c.elb.send(new elb.DeregisterTargetsCommand({ TargetGroupArn: String(attachment.targetGroupArn), Targets: [{ Id: String(attachment.targetId), Port: Number(attachment.port) }] }));
  await c.asg.send(new asg.UpdateAutoScalingGroupCommand({ AutoScalingGroupName: get("aws:autoscaling/Group", "fleet").id, MaxSize: 3 }));
  return [
    "aws:ec2/InternetGateway igw changed",
    "aws:ec2/Eip nat-ip changed",
    "aws:ec2/NatGateway nat changed",
    "aws:ec2/RouteTable public changed",
    "aws:ec2/VpcEndpoint runtime changed",
    "aws:ec2/KeyPair ops changed",
    "aws:ec2/Route private-egress deleted",
    "aws:ec2/RouteTableAssociation public-b deleted",
    "aws:ec2/VpcEndpoint s3 changed",
    "aws:ec2/LaunchTemplate fleet changed",
    "aws:lb/LoadBalancer serving changed",
    "aws:lb/TargetGroup rankers changed",
    "aws:lb/Listener http changed",
    "aws:lb/ListenerRule rank changed",
    "aws:lb/TargetGroupAttachment ranker deleted",
    "aws:autoscaling/Group fleet changed",
  ];
}

/** Everything of the run that AWS still lists (asked of AWS itself, never Cairn's state). */
export async function networkLeftovers(c: OutsideClients, runId: string, prefix: string): Promise<Record<string, string[]>> {
  const Filters = [{ Name: "tag:cairn-live", Values: [runId] }];
  const [vpcs, subnets, igws, eips, nats, tables, endpoints, keys, templates, lbs, tgs, groups] = await Promise.all([
    c.ec2.send(new ec2.DescribeVpcsCommand({ Filters })),
    c.ec2.send(new ec2.DescribeSubnetsCommand({ Filters })),
    c.ec2.send(new ec2.DescribeInternetGatewaysCommand({ Filters })),
    c.ec2.send(new ec2.DescribeAddressesCommand({ Filters })),
    c.ec2.send(new ec2.DescribeNatGatewaysCommand({ Filter: Filters })),
    c.ec2.send(new ec2.DescribeRouteTablesCommand({ Filters })),
    c.ec2.send(new ec2.DescribeVpcEndpointsCommand({ Filters })),
    c.ec2.send(new ec2.DescribeKeyPairsCommand({})),
    c.ec2.send(new ec2.DescribeLaunchTemplatesCommand({})),
    c.elb.send(new elb.DescribeLoadBalancersCommand({})),
    c.elb.send(new elb.DescribeTargetGroupsCommand({})),
    c.asg.send(new asg.DescribeAutoScalingGroupsCommand({})),
  ]);
  const mine = (name: string | undefined) => (name ?? "").startsWith(prefix);
  return {
    vpcs: (vpcs.Vpcs ?? []).map((v) => v.VpcId!),
    subnets: (subnets.Subnets ?? []).map((s) => s.SubnetId!),
    internetGateways: (igws.InternetGateways ?? []).map((g) => g.InternetGatewayId!),
    addresses: (eips.Addresses ?? []).map((a) => a.AllocationId!),
    natGateways: (nats.NatGateways ?? []).filter((n) => n.State !== "deleted").map((n) => n.NatGatewayId!),
    routeTables: (tables.RouteTables ?? []).map((t) => t.RouteTableId!),
    vpcEndpoints: (endpoints.VpcEndpoints ?? []).filter((e) => e.State?.toLowerCase() !== "deleted").map((e) => e.VpcEndpointId!),
    keyPairs: (keys.KeyPairs ?? []).filter((k) => mine(k.KeyName)).map((k) => k.KeyName!),
    launchTemplates: (templates.LaunchTemplates ?? []).filter((t) => mine(t.LaunchTemplateName)).map((t) => t.LaunchTemplateName!),
    loadBalancers: (lbs.LoadBalancers ?? []).filter((l) => mine(l.LoadBalancerName)).map((l) => l.LoadBalancerName!),
    targetGroups: (tgs.TargetGroups ?? []).filter((t) => mine(t.TargetGroupName)).map((t) => t.TargetGroupName!),
    autoScalingGroups: (groups.AutoScalingGroups ?? []).filter((g) => mine(g.AutoScalingGroupName)).map((g) => g.AutoScalingGroupName!),
  };
}
