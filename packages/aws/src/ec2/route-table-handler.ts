import type { Filter, RouteTable as AwsRouteTable } from "@aws-sdk/client-ec2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { str, type Fields } from "../check/spec.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, fromTagList, tagsField, type Tags } from "../tags.js";
import { deleteEc2, ec2Arn, ec2Call, isEc2NotFound, primaryCall, updateEc2Tags } from "./common.js";
import { findTagged, tokenTagSpecifications } from "./create-token.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs } from "../provider/secrecy.js";

interface RouteTableInputs {
  readonly vpcId: string;
  readonly tags: Tags;
}

const FIELDS: Fields = { vpcId: str({ required: true }), tags: tagsField() };

/** The provider side of `aws:ec2/RouteTable`; the id is the table id. */
export const routeTableHandler: ResourceHandler = {
  token: "aws:ec2/RouteTable",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { ownerId: [], arn: [] }),
    replaceOnChanges: ["vpcId"], stableOutputs: ["id", "arn", "vpcId", "ownerId"],
  },
  parameterHints: { vpc: "vpcId" },
  check: (inputs, env) => checkTagged(FIELDS, inputs, env.settings.defaultTags),
  create: async (ctx, raw, token) => {
    const inputs = typed<RouteTableInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const input = { VpcId: inputs.vpcId, TagSpecifications: tokenTagSpecifications("route-table", inputs.tags, token) };
    const send = primaryCall(ctx, "CreateRouteTable", () => ec2.client.send(new ec2.sdk.CreateRouteTableCommand(input)));
    const created = await retrying(ctx, send, { retryIf: isEc2NotFound });
    const id = created.RouteTable?.RouteTableId as string;
    const table = (await readConfirmed(ctx, () => describeRouteTable(ctx, ec2, id))) ?? created.RouteTable;
    return { id, outputs: outputsOf(inputs, table, await ec2.client.config.region()) };
  },
  findCreated: async (ctx, raw, token) => {
    const ec2 = await ctx.clients.ec2();
    const list = (Filters: Filter[]) => ec2Call(ctx, "DescribeRouteTables", () => ec2.client.send(new ec2.sdk.DescribeRouteTablesCommand({ Filters })));
    return findTagged(ctx, token, async (filters) => (await list(filters)).RouteTables?.map((table) => table.RouteTableId), (id) => routeTableHandler.read(ctx, id, raw, {}));
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const ec2 = await ctx.clients.ec2();
    const table = await readConfirmed(ctx, () => describeRouteTable(ctx, ec2, id));
    if (table === undefined) return undefined;
    const current: RouteTableInputs = { ...typed<RouteTableInputs>(inputs), vpcId: table.VpcId as string, tags: fromTagList(table.Tags) };
    return { id, inputs: plain(current as never), outputs: outputsOf(current, table, await ec2.client.config.region()) };
  },
  update: async (ctx, id, olds, news) => {
    const ec2 = await ctx.clients.ec2();
    await updateEc2Tags(ctx, ec2, id, typed<RouteTableInputs>(olds).tags, typed<RouteTableInputs>(news).tags);
    return outputsOf(typed<RouteTableInputs>(news), await retrying(ctx, () => describeRouteTable(ctx, ec2, id)), await ec2.client.config.region());
  },
  delete: async (ctx, id) => {
    const ec2 = await ctx.clients.ec2();
    // DependencyViolation while associations are still being removed: retried until they are gone.
    await deleteEc2(ctx, primaryCall(ctx, "DeleteRouteTable", () => ec2.client.send(new ec2.sdk.DeleteRouteTableCommand({ RouteTableId: id }))));
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateRouteTable") : operation === "delete" ? ec2Limit("DeleteRouteTable") : undefined),
};

/** One route table as EC2 describes it, or `undefined` if it is not there. */
export async function describeRouteTable(ctx: AwsContext, ec2: Ec2Handle, id: string): Promise<AwsRouteTable | undefined> {
  const out = await orMissing(ec2Call(ctx, "DescribeRouteTables", () => ec2.client.send(new ec2.sdk.DescribeRouteTablesCommand({ RouteTableIds: [id] }))), isEc2NotFound);
  return out?.RouteTables?.[0];
}

function outputsOf(inputs: RouteTableInputs, table: AwsRouteTable | undefined, region: string): PropertyMap {
  const id = table?.RouteTableId as string;
  return plain({ ...inputs, ownerId: table?.OwnerId, arn: ec2Arn(region, table?.OwnerId, `route-table/${id}`) });
}
