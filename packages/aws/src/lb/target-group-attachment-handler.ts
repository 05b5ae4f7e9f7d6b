import type { TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { CairnError } from "@cairn/core";
import type { ReadResult } from "@cairn/core/provider";
import { checkFields, num, str, type Fields } from "../check/spec.js";
import { hasAwsCode } from "../errors.js";
import { plain, typed, type ResourceHandler } from "../provider/handler.js";
import type { Elbv2Handle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { pollUntil } from "../runtime/poll.js";
import { elbCall, elbLimit, elbPrimary, isElbNotFound } from "./common.js";
import { echoingInputs } from "../provider/secrecy.js";

interface AttachmentInputs {
  readonly targetGroupArn: string;
  readonly targetId: string;
  readonly port?: number;
  readonly availabilityZone?: string;
}

const FIELDS: Fields = {
  targetGroupArn: str({ required: true }),
  targetId: str({ required: true }),
  port: num({ integer: true, min: 1, max: 65535 }),
  availabilityZone: str(),
};

/** Errors of a register that mean a target launched a moment ago is not usable yet. */
const TARGET_NOT_READY = ["InvalidTarget", "InvalidTargetException", "TargetGroupNotFound", "TargetGroupNotFoundException"];

/**
 * The provider side of `aws:lb/TargetGroupAttachment`. The id is
 * `<target group ARN>,<target id>[,<port>]`, which `import` also takes.
 */
export const targetGroupAttachmentHandler: ResourceHandler = {
  token: "aws:lb/TargetGroupAttachment",
  schema: {
    derivedFrom: echoingInputs(FIELDS, { health: [] }),
    replaceOnChanges: ["targetGroupArn", "targetId", "port", "availabilityZone"], stableOutputs: ["id"],
  },
  parameterHints: { TargetGroupArn: "targetGroupArn", target: "targetId", Port: "port" },
  check: (inputs) => checkFields(FIELDS, inputs),
  create: async (ctx, raw) => {
    const inputs = typed<AttachmentInputs>(raw);
    const elb = await ctx.clients.elbv2();
    const request = { TargetGroupArn: inputs.targetGroupArn, Targets: [targetOf(inputs)] };
    const send = elbPrimary(ctx, "RegisterTargets", () => elb.client.send(new elb.sdk.RegisterTargetsCommand(request)));
    await retrying(ctx, send, { retryIf: (error) => hasAwsCode(error, TARGET_NOT_READY) });
    const id = [inputs.targetGroupArn, inputs.targetId, ...(inputs.port === undefined ? [] : [String(inputs.port)])].join(",");
    return { id, outputs: plain({ ...inputs }) };
  },
  read: async (ctx, id, raw): Promise<ReadResult | undefined> => {
    const elb = await ctx.clients.elbv2();
    const inputs = Object.keys(raw).length === 0 ? parseId(id) : typed<AttachmentInputs>(raw);
    const found = await readConfirmed(ctx, () => describeTarget(ctx, elb, inputs));
    if (found === undefined) return undefined;
    return { id, inputs: plain({ ...inputs }), outputs: plain({ ...inputs }) };
  },
  delete: async (ctx, _id, raw) => {
    const inputs = typed<AttachmentInputs>(raw);
    const elb = await ctx.clients.elbv2();
    const request = { TargetGroupArn: inputs.targetGroupArn, Targets: [targetOf(inputs)] };
    try {
      await elbPrimary(ctx, "DeregisterTargets", () => elb.client.send(new elb.sdk.DeregisterTargetsCommand(request)))();
    } catch (error) {
      if (isElbNotFound(error) || hasAwsCode(error, ["InvalidTarget", "InvalidTargetException"])) return;
      throw error;
    }
    // Done once ELB has drained the target, so a terminated instance does not take live connections with it.
    // The SDK's TargetDeregistered waiter is not used: once the target group itself is gone (deleted in the
    // same run) its acceptors keep retrying TargetGroupNotFound until the time is up, where the target is
    // plainly deregistered.
    await pollUntil(ctx, {
      what: "deregistered",
      describe: () => describeTarget(ctx, elb, inputs),
      // "unused" is what the SDK's waiter accepts too: the target no longer takes traffic.
      evaluate: (found) => (found === undefined || found.TargetHealth?.State === "unused" ? { done: true, value: undefined } : { status: found.TargetHealth?.State ?? "draining" }),
      delays: { baseMs: 5_000, maxMs: 15_000 },
    });
  },
  limits: (operation) => (operation === "create" ? elbLimit("RegisterTargets") : operation === "delete" ? elbLimit("DeregisterTargets") : undefined),
};

function targetOf(inputs: AttachmentInputs) {
  return { Id: inputs.targetId, Port: inputs.port, AvailabilityZone: inputs.availabilityZone };
}

function parseId(id: string): AttachmentInputs {
  const [targetGroupArn, targetId, port] = id.split(",");
  if (!targetGroupArn || !targetId) {
    throw new CairnError("PROVIDER_ERROR", `aws:lb/TargetGroupAttachment: "${id}" is not an attachment id; expected <target group ARN>,<target id>[,<port>].`);
  }
  return port === undefined ? { targetGroupArn, targetId } : { targetGroupArn, targetId, port: Number(port) };
}

/** The target's health entry, or `undefined` when the group does not have it. */
async function describeTarget(ctx: AwsContext, elb: Elbv2Handle, inputs: AttachmentInputs): Promise<TargetHealthDescription | undefined> {
  const request = { TargetGroupArn: inputs.targetGroupArn, Targets: [targetOf(inputs)] };
  const out = await orMissing(
    elbCall(ctx, "DescribeTargetHealth", () => elb.client.send(new elb.sdk.DescribeTargetHealthCommand(request))),
    (error) => isElbNotFound(error) || hasAwsCode(error, ["InvalidTarget", "InvalidTargetException"]),
  );
  const found = out?.TargetHealthDescriptions?.find((d) => d.Target?.Id === inputs.targetId);
  // ELB answers for any target asked about; one it does not have is "unused" with reason Target.NotRegistered.
  return found === undefined || found.TargetHealth?.Reason === "Target.NotRegistered" ? undefined : found;
}
