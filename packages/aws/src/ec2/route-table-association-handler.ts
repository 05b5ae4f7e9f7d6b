import type { RouteTableAssociation as AwsAssociation } from "@aws-sdk/client-ec2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { ec2Call, isEc2NotFound, primaryCall } from "./common.js";
import { ec2Limit } from "./limits.js";
import { echoingInputs } from "../provider/secrecy.js";

interface AssociationInputs {
  readonly routeTableId: string;
  readonly subnetId?: string;
  readonly gatewayId?: string;
}

const FIELDS: Fields = { routeTableId: str({ required: true }), subnetId: str(), gatewayId: str() };

/**
 * The provider side of `aws:ec2/RouteTableAssociation`. The id is the subnet
 * (or gateway) id, which has at most one association and, unlike EC2's
 * association id, stays the same when the table changes. `import` takes
 * `subnet-…` or `subnet-…/rtb-…`.
 */
export const routeTableAssociationHandler: ResourceHandler = {
  token: "aws:ec2/RouteTableAssociation",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { associationId: [] }),
    replaceOnChanges: ["subnetId", "gatewayId"], stableOutputs: ["id"],
  },
  parameterHints: { SubnetId: "subnetId", GatewayId: "gatewayId", RouteTableId: "routeTableId" },
  check: (inputs) => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    if ((inputs.subnetId === undefined) === (inputs.gatewayId === undefined)) failures.push({ property: "subnetId", reason: "give exactly one of subnetId and gatewayId" });
    return { inputs: out, failures };
  },
  create: async (ctx, raw) => {
    const inputs = typed<AssociationInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const request = { RouteTableId: inputs.routeTableId, SubnetId: inputs.subnetId, GatewayId: inputs.gatewayId };
    const send = primaryCall(ctx, "AssociateRouteTable", () => ec2.client.send(new ec2.sdk.AssociateRouteTableCommand(request)));
    const created = await retrying(ctx, send, { retryIf: isEc2NotFound });
    const id = (inputs.subnetId ?? inputs.gatewayId) as string;
    return { id, outputs: plain({ ...inputs, associationId: created.AssociationId }) };
  },
  read: async (ctx, id, raw): Promise<ReadResult | undefined> => {
    const ec2 = await ctx.clients.ec2();
    const target = id.split("/")[0] as string;
    const association = await readConfirmed(ctx, () => findAssociation(ctx, ec2, target));
    if (association === undefined) return undefined;
    const current = { ...typed<AssociationInputs>(raw), routeTableId: association.RouteTableId as string, subnetId: association.SubnetId, gatewayId: association.GatewayId };
    return { id: target, inputs: plain({ ...current }), outputs: plain({ ...current, associationId: association.RouteTableAssociationId }) };
  },
  update: async (ctx, id, _olds, news, oldOutputs) => {
    const inputs = typed<AssociationInputs>(news);
    const ec2 = await ctx.clients.ec2();
    const current = (await retrying(ctx, () => findAssociation(ctx, ec2, id)))?.RouteTableAssociationId ?? (oldOutputs.associationId as string);
    const request = { AssociationId: current, RouteTableId: inputs.routeTableId };
    const replaced = await retrying(ctx, () => ec2Call(ctx, "ReplaceRouteTableAssociation", () => ec2.client.send(new ec2.sdk.ReplaceRouteTableAssociationCommand(request))), {
      retryIf: isEc2NotFound,
    });
    return plain({ ...inputs, associationId: replaced.NewAssociationId });
  },
  delete: async (ctx, id, _inputs, outputs) => {
    const ec2 = await ctx.clients.ec2();
    const AssociationId = (await retrying(ctx, () => findAssociation(ctx, ec2, id)))?.RouteTableAssociationId ?? (outputs.associationId as string);
    try {
      await primaryCall(ctx, "DisassociateRouteTable", () => ec2.client.send(new ec2.sdk.DisassociateRouteTableCommand({ AssociationId })))();
    } catch (error) {
      if (!isEc2NotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? ec2Limit("AssociateRouteTable") : operation === "delete" ? ec2Limit("DisassociateRouteTable") : undefined),
};

/** The explicit (not main) association of a subnet or gateway, if it has one. */
async function findAssociation(ctx: AwsContext, ec2: Ec2Handle, target: string): Promise<AwsAssociation | undefined> {
  const filter = target.startsWith("subnet-") ? "association.subnet-id" : "association.gateway-id";
  const out = await ec2Call(ctx, "DescribeRouteTables", () => ec2.client.send(new ec2.sdk.DescribeRouteTablesCommand({ Filters: [{ Name: filter, Values: [target] }] })));
  for (const table of out.RouteTables ?? []) {
    const found = table.Associations?.find((a) => (a.SubnetId === target || a.GatewayId === target) && a.Main !== true && a.AssociationState?.State !== "disassociated");
    if (found !== undefined) return found;
  }
  return undefined;
}
