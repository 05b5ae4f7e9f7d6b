import type { Image } from "@aws-sdk/client-ec2";
import { CairnError } from "@cairn/core";
import type { PropertyMap } from "@cairn/core/provider";
import { bool, checkFields, list, str, stringMap } from "../check/spec.js";
import { plain, typed, type DataSourceHandler } from "../provider/handler.js";
import { fromTagList } from "../tags.js";
import { ec2Arn, ec2Call, toFilters } from "./common.js";
import { filtersField } from "./filter.js";
import type { GetAmiArgs, GetSecurityGroupArgs, GetSubnetsArgs, GetVpcArgs } from "./lookup-args.js";

/** `aws:ec2/getVpc`: exactly one VPC. */
export const getVpcHandler: DataSourceHandler = {
  token: "aws:ec2/getVpc",
  check: (args) => checkFields({ id: str(), default: bool(), tags: stringMap(), filters: filtersField() }, args),
  invoke: async (ctx, raw) => {
    const args = typed<GetVpcArgs>(raw);
    const ec2 = await ctx.clients.ec2();
    const Filters = toFilters(args.filters, args.tags);
    if (args.default !== undefined) Filters.push({ Name: "is-default", Values: [String(args.default)] });
    const out = await ec2Call(ctx, "DescribeVpcs", () => ec2.client.send(new ec2.sdk.DescribeVpcsCommand({ VpcIds: args.id ? [args.id] : undefined, Filters: Filters.length ? Filters : undefined })));
    const vpcs = out.Vpcs ?? [];
    if (vpcs.length !== 1) throw lookupError("aws:ec2/getVpc", vpcs.length, "VPC", raw);
    const vpc = vpcs[0]!;
    const region = await ec2.client.config.region();
    return plain({
      id: vpc.VpcId,
      arn: ec2Arn(region, vpc.OwnerId, `vpc/${vpc.VpcId}`),
      cidrBlock: vpc.CidrBlock,
      isDefault: vpc.IsDefault ?? false,
      ownerId: vpc.OwnerId,
      instanceTenancy: vpc.InstanceTenancy,
      tags: fromTagList(vpc.Tags),
    });
  },
};

/** `aws:ec2/getSubnets`: every matching subnet, ids sorted. */
export const getSubnetsHandler: DataSourceHandler = {
  token: "aws:ec2/getSubnets",
  check: (args) => checkFields({ vpcId: str(), tags: stringMap(), filters: filtersField() }, args),
  invoke: async (ctx, raw) => {
    const args = typed<GetSubnetsArgs>(raw);
    const ec2 = await ctx.clients.ec2();
    const Filters = toFilters(args.filters, args.tags);
    if (args.vpcId) Filters.push({ Name: "vpc-id", Values: [args.vpcId] });
    const subnets = [];
    let NextToken: string | undefined;
    do {
      const page = await ec2Call(ctx, "DescribeSubnets", () => ec2.client.send(new ec2.sdk.DescribeSubnetsCommand({ Filters: Filters.length ? Filters : undefined, NextToken })));
      subnets.push(...(page.Subnets ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    const found = subnets
      .map((s) => ({ id: s.SubnetId as string, availabilityZone: s.AvailabilityZone as string, cidrBlock: s.CidrBlock as string, vpcId: s.VpcId as string }))
      .sort((a, b) => a.id.localeCompare(b.id));
    return { ids: found.map((s) => s.id), subnets: found } as PropertyMap;
  },
};

/** `aws:ec2/getAmi`: one AMI, the newest if `mostRecent`. */
export const getAmiHandler: DataSourceHandler = {
  token: "aws:ec2/getAmi",
  check: (args) =>
    checkFields({ owners: list(str()), filters: filtersField(), nameRegex: str(), mostRecent: bool({ default: false }), executableUsers: list(str()) }, args),
  invoke: async (ctx, raw) => {
    const args = typed<GetAmiArgs>(raw);
    const ec2 = await ctx.clients.ec2();
    const input = {
      Owners: args.owners ? [...args.owners] : undefined,
      ExecutableUsers: args.executableUsers ? [...args.executableUsers] : undefined,
      Filters: args.filters ? toFilters(args.filters) : undefined,
    };
    const out = await ec2Call(ctx, "DescribeImages", () => ec2.client.send(new ec2.sdk.DescribeImagesCommand(input)));
    const pattern = args.nameRegex === undefined ? undefined : new RegExp(args.nameRegex);
    const images = (out.Images ?? []).filter((image) => pattern === undefined || pattern.test(image.Name ?? ""));
    images.sort((a, b) => (b.CreationDate ?? "").localeCompare(a.CreationDate ?? ""));
    if (images.length === 0 || (images.length > 1 && !args.mostRecent)) throw lookupError("aws:ec2/getAmi", images.length, "AMI", raw, "or set mostRecent: true");
    return amiResult(images[0]!);
  },
};

/** `aws:ec2/getSecurityGroup`: exactly one security group. */
export const getSecurityGroupHandler: DataSourceHandler = {
  token: "aws:ec2/getSecurityGroup",
  check: (args) => checkFields({ id: str(), name: str(), vpcId: str(), tags: stringMap(), filters: filtersField() }, args),
  invoke: async (ctx, raw) => {
    const args = typed<GetSecurityGroupArgs>(raw);
    const ec2 = await ctx.clients.ec2();
    const Filters = toFilters(args.filters, args.tags);
    if (args.name !== undefined) Filters.push({ Name: "group-name", Values: [args.name] });
    if (args.vpcId !== undefined) Filters.push({ Name: "vpc-id", Values: [args.vpcId] });
    const input = { GroupIds: args.id ? [args.id] : undefined, Filters: Filters.length ? Filters : undefined };
    const out = await ec2Call(ctx, "DescribeSecurityGroups", () => ec2.client.send(new ec2.sdk.DescribeSecurityGroupsCommand(input)));
    const groups = out.SecurityGroups ?? [];
    if (groups.length !== 1) throw lookupError("aws:ec2/getSecurityGroup", groups.length, "security group", raw);
    const group = groups[0]!;
    const region = await ec2.client.config.region();
    return plain({
      id: group.GroupId,
      arn: ec2Arn(region, group.OwnerId, `security-group/${group.GroupId}`),
      name: group.GroupName,
      description: group.Description,
      vpcId: group.VpcId,
      ownerId: group.OwnerId,
      tags: fromTagList(group.Tags),
    });
  },
};

function amiResult(image: Image): PropertyMap {
  return plain({
    id: image.ImageId,
    name: image.Name,
    creationDate: image.CreationDate,
    architecture: image.Architecture,
    ownerId: image.OwnerId,
    description: image.Description,
    rootDeviceName: image.RootDeviceName,
    platformDetails: image.PlatformDetails,
    tags: fromTagList(image.Tags),
  });
}

function lookupError(token: string, count: number, what: string, args: PropertyMap, hint = ""): CairnError {
  const found = count === 0 ? `no ${what} matched` : `${count} ${what}s matched, but exactly one must`;
  const narrow = count === 0 ? "Check the arguments and the region." : `Narrow the arguments${hint ? ` ${hint}` : ""}.`;
  return new CairnError("PROVIDER_ERROR", `${token}: ${found} ${JSON.stringify(args)}. ${narrow}`);
}
