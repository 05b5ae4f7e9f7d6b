import * as aws from "@cairn/aws";

/** What changes between the runs of the network stack. */
export interface NetworkPhase {
  /** A tag on the route tables, gateways and addresses: changes in place. */
  readonly stage: string;
  readonly idleTimeout: number;
  readonly healthPath: string;
  readonly listenerPort: number;
  readonly rulePriority: number;
  readonly instanceType: string;
  /** Changing these replaces the key pair and the target group. */
  readonly publicKey: string;
  readonly targetPort: number;
  /** Objects made outside Cairn, adopted with the `import` option. */
  readonly imported?: ImportedIds;
}

/** The ids of what the live suite made with the SDK, to adopt. */
export interface ImportedIds {
  readonly vpcId: string;
  readonly subnetId: string;
  readonly subnetIdB: string;
  readonly internetGatewayId: string;
  readonly allocationId: string;
  readonly natGatewayId: string;
  readonly routeTableId: string;
  readonly keyName: string;
  readonly publicKey: string;
  readonly vpcEndpointId: string;
  readonly launchTemplateId: string;
  readonly targetGroupArn: string;
  readonly loadBalancerArn: string;
  readonly listenerArn: string;
  readonly ruleArn: string;
  readonly instanceId: string;
  readonly groupName: string;
}

/**
 * The network stack: public and private subnets with an internet gateway, a
 * NAT gateway and endpoints; a load balancer with a path rule in front of an
 * instance; a launch template behind an Auto Scaling group.
 */
export function networkProgram(prefix: string, phase: NetworkPhase) {
  return async () => {
    const tags = { stage: phase.stage };
    const vpc = new aws.ec2.Vpc("net", { cidrBlock: "10.43.0.0/16", enableDnsHostnames: true });
    const publicA = new aws.ec2.Subnet("public-a", { vpcId: vpc.id, cidrBlock: "10.43.0.0/24", availabilityZone: "us-west-2a", mapPublicIpOnLaunch: true });
    const publicB = new aws.ec2.Subnet("public-b", { vpcId: vpc.id, cidrBlock: "10.43.1.0/24", availabilityZone: "us-west-2b" });
    const privateA = new aws.ec2.Subnet("private-a", { vpcId: vpc.id, cidrBlock: "10.43.10.0/24", availabilityZone: "us-west-2a" });
    const igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id, tags });
    const natIp = new aws.ec2.Eip("nat-ip", { tags });
    const nat = new aws.ec2.NatGateway("nat", { subnetId: publicA.id, allocationId: natIp.id, tags }, { dependsOn: [igw] });
    const publicRoutes = new aws.ec2.RouteTable("public", { vpcId: vpc.id, tags });
    new aws.ec2.Route("public-internet", { routeTableId: publicRoutes.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
    new aws.ec2.RouteTableAssociation("public-a", { subnetId: publicA.id, routeTableId: publicRoutes.id });
    new aws.ec2.RouteTableAssociation("public-b", { subnetId: publicB.id, routeTableId: publicRoutes.id });
    const privateRoutes = new aws.ec2.RouteTable("private", { vpcId: vpc.id, tags });
    new aws.ec2.Route("private-egress", { routeTableId: privateRoutes.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id });
    new aws.ec2.RouteTableAssociation("private-a", { subnetId: privateA.id, routeTableId: privateRoutes.id });
    new aws.ec2.VpcEndpoint("s3", { vpcId: vpc.id, serviceName: "com.amazonaws.us-west-2.s3", routeTableIds: [privateRoutes.id], tags });
    new aws.ec2.VpcEndpoint("runtime", { vpcId: vpc.id, serviceName: "com.amazonaws.us-west-2.sagemaker.runtime", vpcEndpointType: "Interface", subnetIds: [privateA.id], tags });
    const key = new aws.ec2.KeyPair("ops", { keyNamePrefix: `${prefix}-ops-`, publicKey: phase.publicKey });

    const alb = new aws.lb.LoadBalancer("serving", { namePrefix: `${prefix}-`, subnets: [publicA.id, publicB.id], idleTimeout: phase.idleTimeout, tags });
    const rankers = new aws.lb.TargetGroup("rankers", { namePrefix: `${prefix}-`, port: phase.targetPort, protocol: "HTTP", vpcId: vpc.id, healthCheck: { path: phase.healthPath } });
    const http = new aws.lb.Listener("http", {
      loadBalancerArn: alb.arn,
      port: phase.listenerPort,
      defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }],
    });
    new aws.lb.ListenerRule("rank", { listenerArn: http.arn, priority: phase.rulePriority, conditions: [{ pathPattern: { values: ["/rank/*"] } }], actions: [{ type: "forward", targetGroupArn: rankers.arn }] });
    const server = new aws.ec2.Instance("ranker", { ami: "ami-12c6146b", instanceType: "t3.micro", subnetId: privateA.id, keyName: key.keyName });
    new aws.lb.TargetGroupAttachment("ranker", { targetGroupArn: rankers.arn, targetId: server.id, port: phase.targetPort });

    const template = new aws.ec2.LaunchTemplate("fleet", { namePrefix: `${prefix}-fleet-`, imageId: "ami-12c6146b", instanceType: phase.instanceType, instanceTags: { role: "ranker" } });
    new aws.autoscaling.Group("fleet", {
      namePrefix: `${prefix}-fleet-`,
      minSize: 1,
      maxSize: 2,
      vpcZoneIdentifiers: [privateA.id],
      launchTemplate: { id: template.id, version: template.latestVersion },
      tags,
    });
    // A data source runs while the program does, so it looks up what exists already: the VPC made outside Cairn.
    const defaultGroup = phase.imported === undefined ? undefined : await aws.ec2.getSecurityGroup({ vpcId: phase.imported.vpcId, name: "default" });
    if (phase.imported !== undefined) adopt(phase.imported);
    return { vpcId: vpc.id, albDns: alb.dnsName, natIp: natIp.publicIp, templateVersion: template.latestVersion, defaultGroup: defaultGroup?.id ?? "none" };
  };
}

/** Declares, with the `import` option, one resource of every new type made outside Cairn. */
function adopt(ids: ImportedIds): void {
  const i = (id: string) => ({ import: id });
  new aws.ec2.InternetGateway("x-igw", { vpcId: ids.vpcId }, i(ids.internetGatewayId));
  new aws.ec2.Eip("x-eip", {}, i(ids.allocationId));
  new aws.ec2.NatGateway("x-nat", { subnetId: ids.subnetId, allocationId: ids.allocationId }, i(ids.natGatewayId));
  new aws.ec2.RouteTable("x-routes", { vpcId: ids.vpcId }, i(ids.routeTableId));
  new aws.ec2.Route("x-route", { routeTableId: ids.routeTableId, destinationCidrBlock: "0.0.0.0/0", natGatewayId: ids.natGatewayId }, i(`${ids.routeTableId}_0.0.0.0/0`));
  new aws.ec2.RouteTableAssociation("x-assoc", { subnetId: ids.subnetId, routeTableId: ids.routeTableId }, i(ids.subnetId));
  new aws.ec2.VpcEndpoint("x-endpoint", { vpcId: ids.vpcId, serviceName: "com.amazonaws.us-west-2.dynamodb", routeTableIds: [ids.routeTableId] }, i(ids.vpcEndpointId));
  new aws.ec2.KeyPair("x-key", { keyName: ids.keyName, publicKey: ids.publicKey }, i(ids.keyName));
  new aws.ec2.LaunchTemplate("x-template", { imageId: "ami-12c6146b", instanceType: "t3.micro" }, i(ids.launchTemplateId));
  new aws.lb.LoadBalancer("x-lb", { subnets: [ids.subnetId, ids.subnetIdB] }, i(ids.loadBalancerArn));
  new aws.lb.TargetGroup("x-tg", { port: 80, protocol: "HTTP", vpcId: ids.vpcId }, i(ids.targetGroupArn));
  const defaultActions = [{ type: "forward" as const, targetGroupArn: ids.targetGroupArn }];
  new aws.lb.Listener("x-listener", { loadBalancerArn: ids.loadBalancerArn, port: 80, defaultActions }, i(ids.listenerArn));
  new aws.lb.ListenerRule("x-rule", { listenerArn: ids.listenerArn, priority: 5, conditions: [{ pathPattern: { values: ["/x/*"] } }], actions: defaultActions }, i(ids.ruleArn));
  new aws.lb.TargetGroupAttachment("x-attachment", { targetGroupArn: ids.targetGroupArn, targetId: ids.instanceId, port: 80 }, i(`${ids.targetGroupArn},${ids.instanceId},80`));
  new aws.autoscaling.Group("x-group", { minSize: 0, maxSize: 1, vpcZoneIdentifiers: [ids.subnetId], launchTemplate: { id: ids.launchTemplateId, version: "$Default" } }, i(ids.groupName));
}

/** The number of resources `adopt` declares. */
export const ADOPTED = 15;
