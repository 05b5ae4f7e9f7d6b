import {
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  DeleteInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteRouteTableCommand,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DetachInternetGatewayCommand,
  EC2Client,
  ReleaseAddressCommand,
  ReplaceRouteCommand,
  ReplaceRouteTableAssociationCommand,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());
afterAll(() => ec2.restore());

const available = { NatGatewayId: "nat-1", State: "available", VpcId: "vpc-1", NatGatewayAddresses: [{ AllocationId: "eipalloc-1", PublicIp: "203.0.113.7", PrivateIp: "10.0.0.9", NetworkInterfaceId: "eni-1" }] };

describe("aws:ec2/NatGateway", () => {
  const TYPE = "aws:ec2/NatGateway";

  test("create sends a ClientToken from the idempotency token and waits with the SDK's NatGatewayAvailable waiter", async () => {
    ec2.on(CreateNatGatewayCommand).resolves({ NatGateway: { NatGatewayId: "nat-1", State: "pending" } });
    ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [available] });
    const { provider } = testProvider({ defaultTags: { team: "ml" } });
    const inputs = await checked(provider, TYPE, { subnetId: "subnet-1", allocationId: "eipalloc-1" });
    const result = await provider.create(inputs as never, "token-1", callContext(TYPE, "nat"));
    expect(commandNames(ec2)).toEqual(["CreateNatGateway", "DescribeNatGateways", "DescribeNatGateways"]);
    expect(ec2.commandCalls(CreateNatGatewayCommand)[0]?.args[0].input).toMatchObject({
      SubnetId: "subnet-1",
      AllocationId: "eipalloc-1",
      ConnectivityType: "public",
      ClientToken: "token-1",
      TagSpecifications: [{ ResourceType: "natgateway", Tags: [{ Key: "team", Value: "ml" }] }],
    });
    expect(result).toMatchObject({ id: "nat-1", outputs: { publicIp: "203.0.113.7", vpcId: "vpc-1", networkInterfaceId: "eni-1" } });
  });

  test("a gateway that fails while starting fails the create with EC2's reason", async () => {
    ec2.on(CreateNatGatewayCommand).resolves({ NatGateway: { NatGatewayId: "nat-1", State: "pending" } });
    ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [{ NatGatewayId: "nat-1", State: "failed", FailureMessage: "Elastic IP address [eipalloc-1] is already associated" }] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { subnetId: "subnet-1", allocationId: "eipalloc-1" });
    await expect(provider.create(inputs as never, "t", callContext(TYPE, "nat"))).rejects.toThrow(/failed while waiting for available: Elastic IP address \[eipalloc-1\] is already associated/);
  });

  test("delete waits with the SDK's NatGatewayDeleted waiter; a gateway already gone is deleted", async () => {
    ec2.on(DeleteNatGatewayCommand).resolves({ NatGatewayId: "nat-1" });
    ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [{ NatGatewayId: "nat-1", State: "deleted" }] });
    const { provider } = testProvider();
    await provider.delete("nat-1", {}, {}, callContext(TYPE, "nat"));
    expect(commandNames(ec2)).toEqual(["DeleteNatGateway", "DescribeNatGateways"]);
    ec2.reset();
    ec2.on(DeleteNatGatewayCommand).rejects(awsError("NatGatewayNotFound", "The Nat Gateway nat-1 was not found"));
    await provider.delete("nat-1", {}, {}, callContext(TYPE, "nat"));
    expect(commandNames(ec2)).toEqual(["DeleteNatGateway"]);
  });

  test("a private gateway takes no Elastic IP, and every input but tags replaces", async () => {
    const { provider } = testProvider();
    const bad = await provider.check(TYPE, { subnetId: "subnet-1", connectivityType: "private", allocationId: "eipalloc-1" });
    expect(bad.failures).toEqual([{ property: "allocationId", reason: "a private NAT gateway takes no Elastic IP" }]);
    const olds = await checked(provider, TYPE, { subnetId: "subnet-1", allocationId: "eipalloc-1" });
    const news = await checked(provider, TYPE, { subnetId: "subnet-2", allocationId: "eipalloc-1", tags: { a: "b" } });
    expect(provider.diff(TYPE, "nat-1", olds as never, news as never, {})).toEqual({ changes: ["subnetId", "tags"], replaces: ["subnetId"] });
  });
});

describe("aws:ec2/InternetGateway", () => {
  const TYPE = "aws:ec2/InternetGateway";

  test("create retries the attachment while a new VPC is not visible yet", async () => {
    ec2.on(CreateInternetGatewayCommand).resolves({ InternetGateway: { InternetGatewayId: "igw-1" } });
    ec2.on(AttachInternetGatewayCommand).rejectsOnce(awsError("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist")).resolves({});
    ec2.on(DescribeInternetGatewaysCommand).resolves({ InternetGateways: [{ InternetGatewayId: "igw-1", OwnerId: "1", Attachments: [{ VpcId: "vpc-1", State: "available" }] }] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { vpcId: "vpc-1" });
    const result = await provider.create(inputs as never, "t", callContext(TYPE, "igw"));
    expect(commandNames(ec2)).toEqual(["CreateInternetGateway", "AttachInternetGateway", "AttachInternetGateway", "DescribeInternetGateways"]);
    expect(result.outputs).toMatchObject({ vpcId: "vpc-1", arn: "arn:aws:ec2:us-west-2:1:internet-gateway/igw-1" });
  });

  test("delete detaches first, waiting while public addresses in the VPC still depend on the gateway", async () => {
    ec2.on(DescribeInternetGatewaysCommand).resolves({ InternetGateways: [{ InternetGatewayId: "igw-1", Attachments: [{ VpcId: "vpc-1", State: "available" }] }] });
    ec2
      .on(DetachInternetGatewayCommand)
      .rejectsOnce(awsError("DependencyViolation", "Network vpc-1 has some mapped public address(es). Please unmap those public address(es) before detaching the gateway."))
      .resolves({});
    ec2.on(DeleteInternetGatewayCommand).resolves({});
    const { provider } = testProvider();
    await provider.delete("igw-1", {}, {}, callContext(TYPE, "igw"));
    expect(commandNames(ec2)).toEqual(["DescribeInternetGateways", "DetachInternetGateway", "DetachInternetGateway", "DeleteInternetGateway"]);
  });

  test("moving to another VPC is an update: detach, then attach", async () => {
    ec2.on(DetachInternetGatewayCommand).resolves({});
    ec2.on(AttachInternetGatewayCommand).resolves({});
    ec2.on(DescribeInternetGatewaysCommand).resolves({ InternetGateways: [{ InternetGatewayId: "igw-1", Attachments: [{ VpcId: "vpc-2", State: "available" }] }] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { vpcId: "vpc-1" });
    const news = await checked(provider, TYPE, { vpcId: "vpc-2" });
    expect(provider.diff(TYPE, "igw-1", olds as never, news as never, {})).toEqual({ changes: ["vpcId"] });
    await provider.update("igw-1", olds as never, news as never, {}, callContext(TYPE, "igw"));
    expect(commandNames(ec2)).toEqual(["DetachInternetGateway", "AttachInternetGateway", "DescribeInternetGateways"]);
  });
});

describe("routes and route tables", () => {
  test("a route's target changes in place with ReplaceRoute; its destination replaces it", async () => {
    ec2.on(ReplaceRouteCommand).resolves({});
    ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables: [{ RouteTableId: "rtb-1", Routes: [{ DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-1", State: "active" }] }] });
    const { provider } = testProvider();
    const TYPE = "aws:ec2/Route";
    const olds = await checked(provider, TYPE, { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" });
    const news = await checked(provider, TYPE, { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-1" });
    expect(provider.diff(TYPE, "rtb-1_0.0.0.0/0", olds as never, news as never, {})).toEqual({ changes: ["gatewayId", "natGatewayId"] });
    const moved = await checked(provider, TYPE, { routeTableId: "rtb-1", destinationCidrBlock: "10.1.0.0/16", natGatewayId: "nat-1" });
    expect(provider.diff(TYPE, "rtb-1_0.0.0.0/0", news as never, moved as never, {}).replaces).toEqual(["destinationCidrBlock"]);
    const outputs = await provider.update("rtb-1_0.0.0.0/0", olds as never, news as never, {}, callContext(TYPE, "egress"));
    expect(ec2.commandCalls(ReplaceRouteCommand)[0]?.args[0].input).toEqual({ RouteTableId: "rtb-1", DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-1" });
    expect(outputs).toMatchObject({ state: "active" });
  });

  test("a route needs exactly one target and one destination", async () => {
    const { provider } = testProvider();
    const result = await provider.check("aws:ec2/Route", { routeTableId: "rtb-1", gatewayId: "igw-1", natGatewayId: "nat-1" });
    expect(result.failures?.map((f) => f.property)).toEqual(["destinationCidrBlock", "gatewayId"]);
  });

  test("create retries while a gateway made a moment ago is not visible, and the read after it waits for the route to appear", async () => {
    ec2.on(CreateRouteCommand).rejectsOnce(awsError("InvalidGatewayID.NotFound", "The gateway ID 'igw-1' does not exist")).resolves({ Return: true });
    ec2
      .on(DescribeRouteTablesCommand)
      .resolvesOnce({ RouteTables: [{ RouteTableId: "rtb-1", Routes: [] }] })
      .resolves({ RouteTables: [{ RouteTableId: "rtb-1", Routes: [{ DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1", State: "active", Origin: "CreateRoute" }] }] });
    const { provider, clock } = testProvider();
    const inputs = await checked(provider, "aws:ec2/Route", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" });
    const result = await provider.create(inputs as never, "t", callContext("aws:ec2/Route", "internet"));
    expect(result).toEqual({ id: "rtb-1_0.0.0.0/0", outputs: expect.objectContaining({ state: "active", origin: "CreateRoute" }) });
    expect(commandNames(ec2)).toEqual(["CreateRoute", "CreateRoute", "DescribeRouteTables", "DescribeRouteTables"]);
    expect(clock.sleeps.length).toBe(2);
  });

  test("pointing an association at another table is an update through ReplaceRouteTableAssociation; another subnet replaces it", async () => {
    ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables: [{ RouteTableId: "rtb-1", Associations: [{ RouteTableAssociationId: "rtbassoc-1", SubnetId: "subnet-1", RouteTableId: "rtb-1" }] }] });
    ec2.on(ReplaceRouteTableAssociationCommand).resolves({ NewAssociationId: "rtbassoc-2" });
    const { provider } = testProvider();
    const TYPE = "aws:ec2/RouteTableAssociation";
    const olds = await checked(provider, TYPE, { subnetId: "subnet-1", routeTableId: "rtb-1" });
    const news = await checked(provider, TYPE, { subnetId: "subnet-1", routeTableId: "rtb-2" });
    expect(provider.diff(TYPE, "subnet-1", olds as never, news as never, {})).toEqual({ changes: ["routeTableId"] });
    expect(provider.diff(TYPE, "subnet-1", olds as never, { ...olds, subnetId: "subnet-2" } as never, {}).replaces).toEqual(["subnetId"]);
    const outputs = await provider.update("subnet-1", olds as never, news as never, { associationId: "rtbassoc-1" }, callContext(TYPE, "public-a"));
    expect(ec2.commandCalls(ReplaceRouteTableAssociationCommand)[0]?.args[0].input).toEqual({ AssociationId: "rtbassoc-1", RouteTableId: "rtb-2" });
    expect(outputs).toMatchObject({ associationId: "rtbassoc-2" });
  });

  test("a route table's delete is retried while its associations are still going", async () => {
    ec2.on(DeleteRouteTableCommand).rejectsOnce(awsError("DependencyViolation", "The routeTable 'rtb-1' has dependencies and cannot be deleted.")).resolves({});
    const { provider } = testProvider();
    const ctx = callContext("aws:ec2/RouteTable", "public");
    await provider.delete("rtb-1", {}, {}, ctx);
    expect(commandNames(ec2)).toEqual(["DeleteRouteTable", "DeleteRouteTable"]);
    expect(ctx.limited).toEqual(["ec2:DeleteRouteTable"]);
  });

  test("a throttled describe inside an operation is retried with backoff, not failed", async () => {
    ec2.on(DescribeRouteTablesCommand).rejectsOnce(awsError("RequestLimitExceeded", "Request limit exceeded.", 503)).resolves({ RouteTables: [{ RouteTableId: "rtb-1", VpcId: "vpc-1", OwnerId: "1", Tags: [] }] });
    const { provider, clock } = testProvider();
    const read = await provider.read("rtb-1", { vpcId: "vpc-1", tags: {} }, {}, callContext("aws:ec2/RouteTable", "public"));
    expect(read?.inputs).toEqual({ vpcId: "vpc-1", tags: {} });
    expect(clock.sleeps.length).toBe(1);
  });
});

describe("aws:ec2/Eip", () => {
  test("release waits while a NAT gateway that used the address is still being deleted", async () => {
    ec2.on(ReleaseAddressCommand).rejectsOnce(awsError("InvalidIPAddress.InUse", "Address eipalloc-1 is in use.")).resolves({});
    const { provider } = testProvider();
    await provider.delete("eipalloc-1", {}, {}, callContext("aws:ec2/Eip", "nat-ip"));
    expect(commandNames(ec2)).toEqual(["ReleaseAddress", "ReleaseAddress"]);
  });

  test("a read that does not see a new address at first looks again before calling it gone", async () => {
    ec2
      .on(DescribeAddressesCommand)
      .rejectsOnce(awsError("InvalidAllocationID.NotFound", "The allocation ID 'eipalloc-1' does not exist"))
      .resolves({ Addresses: [{ AllocationId: "eipalloc-1", PublicIp: "203.0.113.7", Domain: "vpc", Tags: [{ Key: "team", Value: "ml" }] }] });
    const { provider } = testProvider();
    const read = await provider.read("eipalloc-1", { domain: "vpc", tags: { team: "ml" } }, {}, callContext("aws:ec2/Eip", "nat-ip"));
    expect(read?.outputs).toMatchObject({ publicIp: "203.0.113.7", allocationId: "eipalloc-1" });
  });
});
