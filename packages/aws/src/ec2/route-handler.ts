import type { Route as AwsRoute } from "@aws-sdk/client-ec2";
import { CairnError } from "@cairn/core";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { checkFields, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Ec2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { ec2Call, isEc2NotFound, primaryCall } from "./common.js";
import { ec2Limit } from "./limits.js";
import { describeRouteTable } from "./route-table-handler.js";
import { echoingInputs } from "../provider/secrecy.js";

/** The properties that name a route's target, and the EC2 parameter of each. */
const TARGETS = {
  gatewayId: "GatewayId",
  natGatewayId: "NatGatewayId",
  networkInterfaceId: "NetworkInterfaceId",
  transitGatewayId: "TransitGatewayId",
  vpcPeeringConnectionId: "VpcPeeringConnectionId",
  vpcEndpointId: "VpcEndpointId",
} as const;
type Target = keyof typeof TARGETS;

type RouteInputs = { readonly routeTableId: string; readonly destinationCidrBlock?: string; readonly destinationIpv6CidrBlock?: string } & { readonly [K in Target]?: string };

const FIELDS: Fields = {
  routeTableId: str({ required: true }),
  destinationCidrBlock: str({ pattern: /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, expected: "an IPv4 CIDR block such as 0.0.0.0/0" }),
  destinationIpv6CidrBlock: str({ pattern: /:/, expected: "an IPv6 CIDR block such as ::/0" }),
  ...Object.fromEntries(Object.keys(TARGETS).map((key) => [key, str()])),
};

/** Errors of a create that mean a target made a moment ago is not visible yet. */
const TARGET_NOT_VISIBLE = ["InvalidGatewayID.NotFound", "InvalidNatGatewayID.NotFound", "InvalidTransitGatewayID.NotFound", "InvalidNetworkInterfaceID.NotFound", "InvalidVpcEndpointId.NotFound", "InvalidRouteTableID.NotFound"];

/** The provider side of `aws:ec2/Route`; the id is `<route table id>_<destination>`, as `import` takes it. */
export const routeHandler: ResourceHandler = {
  token: "aws:ec2/Route",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { state: [], origin: [] }),
    replaceOnChanges: ["routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock"], stableOutputs: ["id"],
  },
  parameterHints: { DestinationCidrBlock: "destinationCidrBlock", GatewayId: "gatewayId", NatGatewayId: "natGatewayId", RouteTableId: "routeTableId" },
  check: (inputs) => {
    const { inputs: out, failures } = checkFields(FIELDS, inputs);
    const destinations = ["destinationCidrBlock", "destinationIpv6CidrBlock"].filter((key) => inputs[key] !== undefined);
    if (destinations.length !== 1) failures.push({ property: "destinationCidrBlock", reason: "give exactly one of destinationCidrBlock and destinationIpv6CidrBlock" });
    const targets = Object.keys(TARGETS).filter((key) => inputs[key] !== undefined);
    if (targets.length !== 1) failures.push({ property: "gatewayId", reason: `give exactly one target: ${Object.keys(TARGETS).join(", ")}; got ${targets.length === 0 ? "none" : targets.join(", ")}` });
    return { inputs: out, failures };
  },
  create: async (ctx, raw) => {
    const inputs = typed<RouteInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const send = primaryCall(ctx, "CreateRoute", () => ec2.client.send(new ec2.sdk.CreateRouteCommand({ ...requestOf(inputs) })));
    await retrying(ctx, send, { retryIf: (error) => hasAwsCode(error, TARGET_NOT_VISIBLE) });
    const id = routeId(inputs);
    const route = await readConfirmed(ctx, () => findRoute(ctx, ec2, inputs));
    return { id, outputs: outputsOf(inputs, route) };
  },
  read: async (ctx, id, raw): Promise<ReadResult | undefined> => {
    const ec2 = await ctx.clients.ec2();
    const recorded = Object.keys(raw).length === 0 ? parseRouteId(id) : typed<RouteInputs>(raw);
    const route = await readConfirmed(ctx, () => findRoute(ctx, ec2, recorded));
    if (route === undefined) return undefined;
    const current = inputsOf(recorded, route);
    return { id, inputs: plain(current), outputs: outputsOf(current, route) };
  },
  update: async (ctx, _id, _olds, news) => {
    const inputs = typed<RouteInputs>(news);
    const ec2 = await ctx.clients.ec2();
    await retrying(ctx, () => ec2Call(ctx, "ReplaceRoute", () => ec2.client.send(new ec2.sdk.ReplaceRouteCommand(requestOf(inputs)))), {
      retryIf: (error) => hasAwsCode(error, TARGET_NOT_VISIBLE),
    });
    return outputsOf(inputs, await retrying(ctx, () => findRoute(ctx, ec2, inputs)));
  },
  delete: async (ctx, _id, raw) => {
    const inputs = typed<RouteInputs>(raw);
    const ec2 = await ctx.clients.ec2();
    const request = { RouteTableId: inputs.routeTableId, DestinationCidrBlock: inputs.destinationCidrBlock, DestinationIpv6CidrBlock: inputs.destinationIpv6CidrBlock };
    try {
      await primaryCall(ctx, "DeleteRoute", () => ec2.client.send(new ec2.sdk.DeleteRouteCommand(request)))();
    } catch (error) {
      if (!isEc2NotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? ec2Limit("CreateRoute") : operation === "delete" ? ec2Limit("DeleteRoute") : undefined),
};

function requestOf(inputs: RouteInputs): { RouteTableId: string } & Record<string, string | undefined> {
  const request: { RouteTableId: string } & Record<string, string | undefined> = {
    RouteTableId: inputs.routeTableId,
    DestinationCidrBlock: inputs.destinationCidrBlock,
    DestinationIpv6CidrBlock: inputs.destinationIpv6CidrBlock,
  };
  for (const [key, parameter] of Object.entries(TARGETS)) request[parameter] = inputs[key as Target];
  return request;
}

function routeId(inputs: RouteInputs): string {
  return `${inputs.routeTableId}_${inputs.destinationCidrBlock ?? inputs.destinationIpv6CidrBlock}`;
}

/** The table and destination of an id given to `import`: `rtb-0abc_0.0.0.0/0`. */
function parseRouteId(id: string): RouteInputs {
  const at = id.indexOf("_");
  if (at < 0) throw new CairnError("PROVIDER_ERROR", `aws:ec2/Route: "${id}" is not a route id; expected <route table id>_<destination>, such as rtb-0abc_0.0.0.0/0.`);
  const destination = id.slice(at + 1);
  return destination.includes(":") ? { routeTableId: id.slice(0, at), destinationIpv6CidrBlock: destination } : { routeTableId: id.slice(0, at), destinationCidrBlock: destination };
}

async function findRoute(ctx: AwsContext, ec2: Ec2Handle, inputs: RouteInputs): Promise<AwsRoute | undefined> {
  const table = await describeRouteTable(ctx, ec2, inputs.routeTableId);
  return table?.Routes?.find((r) =>
    inputs.destinationCidrBlock !== undefined ? r.DestinationCidrBlock === inputs.destinationCidrBlock : r.DestinationIpv6CidrBlock === inputs.destinationIpv6CidrBlock,
  );
}

function inputsOf(recorded: RouteInputs, route: AwsRoute): PropertyMap {
  const out: Record<string, string | undefined> = {
    routeTableId: recorded.routeTableId,
    destinationCidrBlock: recorded.destinationCidrBlock,
    destinationIpv6CidrBlock: recorded.destinationIpv6CidrBlock,
  };
  for (const [key, parameter] of Object.entries(TARGETS)) out[key] = (route as Record<string, unknown>)[parameter] as string | undefined;
  return plain(out);
}

function outputsOf(inputs: RouteInputs | PropertyMap, route: AwsRoute | undefined): PropertyMap {
  return plain({ ...(inputs as Record<string, unknown>), state: route?.State, origin: route?.Origin });
}
