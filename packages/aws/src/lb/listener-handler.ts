import type { Listener as AwsListener } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { PropertyMap, ReadResult } from "@cairn/core/provider";
import { num, str, type Fields } from "../check/spec.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Elbv2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { checkTagged, tagsField, type Tags } from "../tags.js";
import { actionProblems, actionsField, fromActions, toActions, type ActionInputs } from "./actions.js";
import { elbCall, elbLimit, elbPrimary, elbTags, isElbNotFound, readElbTags, updateElbTags } from "./common.js";
import { echoingInputs } from "../provider/secrecy.js";

interface ListenerInputs {
  readonly loadBalancerArn: string;
  readonly port: number;
  readonly protocol: string;
  readonly certificateArn?: string;
  readonly sslPolicy?: string;
  readonly defaultActions: readonly ActionInputs[];
  readonly tags: Tags;
}

const FIELDS: Fields = {
  loadBalancerArn: str({ required: true }),
  port: num({ required: true, integer: true, min: 1, max: 65535 }),
  protocol: str({ oneOf: ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP"], default: "HTTP" }),
  certificateArn: str(),
  sslPolicy: str(),
  defaultActions: actionsField(),
  tags: tagsField(),
};

/** The provider side of `aws:lb/Listener`; the id is its ARN. */
export const listenerHandler: ResourceHandler = {
  token: "aws:lb/Listener",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { arn: ["loadBalancerArn"] }),
    replaceOnChanges: ["loadBalancerArn"], stableOutputs: ["id", "arn"],
  },
  parameterHints: { Port: "port", Protocol: "protocol", Certificate: "certificateArn", DefaultActions: "defaultActions", TargetGroup: "defaultActions" },
  check: (inputs, env) => {
    const result = checkTagged(FIELDS, inputs, env.settings.defaultTags);
    const failures = [...(result.failures ?? []), ...actionProblems(result.inputs.defaultActions as unknown as ActionInputs[], "defaultActions")];
    if ((result.inputs.protocol === "HTTPS" || result.inputs.protocol === "TLS") && inputs.certificateArn === undefined) failures.push({ property: "certificateArn", reason: `an ${String(result.inputs.protocol)} listener needs a certificate` });
    return { inputs: result.inputs, failures };
  },
  create: async (ctx, raw) => {
    const inputs = typed<ListenerInputs>(raw);
    const elb = await ctx.clients.elbv2();
    const request = { LoadBalancerArn: inputs.loadBalancerArn, ...settingsOf(inputs), Tags: elbTags(inputs.tags) };
    // A target group made a moment ago may not be visible to the listener yet.
    const send = elbPrimary(ctx, "CreateListener", () => elb.client.send(new elb.sdk.CreateListenerCommand(request)));
    const created = await retrying(ctx, send, { retryIf: isElbNotFound });
    const arn = created.Listeners?.[0]?.ListenerArn as string;
    await readConfirmed(ctx, () => describeListener(ctx, elb, arn));
    return { id: arn, outputs: plain({ ...inputs, arn }) };
  },
  read: async (ctx, id, inputs): Promise<ReadResult | undefined> => {
    const elb = await ctx.clients.elbv2();
    const found = await readConfirmed(ctx, () => describeListener(ctx, elb, id));
    if (found === undefined) return undefined;
    const recorded = typed<ListenerInputs>(inputs);
    const current: ListenerInputs = {
      ...recorded,
      loadBalancerArn: found.LoadBalancerArn as string,
      port: found.Port as number,
      protocol: found.Protocol as string,
      certificateArn: found.Certificates?.[0]?.CertificateArn,
      sslPolicy: recorded.sslPolicy === undefined ? undefined : found.SslPolicy,
      defaultActions: fromActions(found.DefaultActions),
      tags: await readElbTags(ctx, elb, id),
    };
    return { id, inputs: plain(current as never), outputs: plain({ ...current, arn: id }) };
  },
  update: async (ctx, id, olds, news) => {
    const elb = await ctx.clients.elbv2();
    const now = typed<ListenerInputs>(news);
    const request = { ListenerArn: id, ...settingsOf(now) };
    await retrying(ctx, () => elbCall(ctx, "ModifyListener", () => elb.client.send(new elb.sdk.ModifyListenerCommand(request))), { retryIf: isElbNotFound });
    await updateElbTags(ctx, elb, id, typed<ListenerInputs>(olds).tags, now.tags);
    return plain({ ...now, arn: id });
  },
  delete: async (ctx, id) => {
    const elb = await ctx.clients.elbv2();
    try {
      await elbPrimary(ctx, "DeleteListener", () => elb.client.send(new elb.sdk.DeleteListenerCommand({ ListenerArn: id })))();
    } catch (error) {
      if (!isElbNotFound(error)) throw error;
    }
  },
  limits: (operation) => (operation === "create" ? elbLimit("CreateListener") : operation === "delete" ? elbLimit("DeleteListener") : undefined),
};

function settingsOf(inputs: ListenerInputs) {
  return {
    Port: inputs.port,
    Protocol: inputs.protocol as never,
    Certificates: inputs.certificateArn === undefined ? undefined : [{ CertificateArn: inputs.certificateArn }],
    SslPolicy: inputs.sslPolicy,
    DefaultActions: toActions(inputs.defaultActions),
  };
}

async function describeListener(ctx: AwsContext, elb: Elbv2Handle, arn: string): Promise<AwsListener | undefined> {
  const out = await orMissing(elbCall(ctx, "DescribeListeners", () => elb.client.send(new elb.sdk.DescribeListenersCommand({ ListenerArns: [arn] }))), isElbNotFound);
  return out?.Listeners?.[0];
}
