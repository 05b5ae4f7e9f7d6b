import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { call } from "../../src/runtime/call.js";
import { callRetryDelay, DEFAULT_MAX_ATTEMPTS } from "../../src/runtime/call-retry.js";
import type { AwsContext } from "../../src/runtime/context.js";
import { ec2Call, primaryCall } from "../../src/ec2/common.js";
import { awsError, callContext, FakeClock, testSettings } from "../support/fakes.js";
import type { RetryNotice } from "@cairn/core/provider";

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

function context(options: { maxAttempts?: number; timeoutMs?: number } = {}) {
  const clock = new FakeClock();
  const retries: RetryNotice[] = [];
  const callCtx = { ...callContext("aws:ec2/Vpc", "main", { timeoutMs: options.timeoutMs ?? 20 * 60_000 }), retrying: (notice: RetryNotice) => void retries.push(notice) };
  const settings = testSettings(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts });
  const ctx = { call: callCtx, clock, settings, random: () => 0.5, startedAt: clock.now(), label: 'aws:ec2/Vpc "main"', operation: "create" } as unknown as AwsContext;
  return { ctx, clock, retries, limited: callCtx.limited };
}

const client = new EC2Client({ region: "us-west-2", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
const describeVpcs = () => client.send(new DescribeVpcsCommand({}));

describe("one retry policy per AWS call", () => {
  test("a call throttled every time is tried exactly aws:maxAttempts times, each attempt taking a token from the API's bucket", async () => {
    ec2.on(DescribeVpcsCommand).rejects(awsError("RequestLimitExceeded", "Request limit exceeded.", 503));
    const { ctx, retries, limited, clock } = context({ maxAttempts: 4 });
    const error = await ec2Call(ctx, "DescribeVpcs", describeVpcs).catch((e: unknown) => e);
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(4);
    expect(limited).toEqual(["ec2:DescribeVpcs", "ec2:DescribeVpcs", "ec2:DescribeVpcs", "ec2:DescribeVpcs"]);
    expect(error).toMatchObject({ name: "AwsCallError", api: "DescribeVpcs", attempts: 4 });
    // Three waits, growing, reported as retries 2, 3 and 4 of 4; none after the last attempt.
    expect(clock.sleeps).toEqual([1, 2, 3].map((attempt) => callRetryDelay(attempt, "throttle", () => 0.5)));
    expect(retries.map((r) => [r.attempt, r.maxAttempts])).toEqual([[2, 4], [3, 4], [4, 4]]);
    expect(retries[0]!.message).toBe('aws:ec2/Vpc "main": create failed (DescribeVpcs): RequestLimitExceeded: Request limit exceeded.');
  });

  test("a throttled call that then succeeds is tried twice, after a throttling backoff", async () => {
    ec2.on(DescribeVpcsCommand).rejectsOnce(awsError("RequestLimitExceeded", "slow down", 503)).resolves({ Vpcs: [] });
    const { ctx, clock } = context();
    await ec2Call(ctx, "DescribeVpcs", describeVpcs);
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(2);
    expect(clock.sleeps).toEqual([callRetryDelay(1, "throttle", () => 0.5)]);
    expect(clock.sleeps[0]).toBeGreaterThan(callRetryDelay(1, "retry", () => 0.5));
  });

  test("the default is 8 attempts per call", async () => {
    expect(DEFAULT_MAX_ATTEMPTS).toBe(8);
    ec2.on(DescribeVpcsCommand).rejects(awsError("InternalError", "boom", 500));
    const { ctx } = context();
    await call(ctx, "DescribeVpcs", describeVpcs).catch(() => undefined);
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(8);
  });

  test("an error that is not throttling or transient is tried once", async () => {
    ec2.on(DescribeVpcsCommand).rejects(awsError("UnauthorizedOperation", "no", 403));
    const { ctx, retries } = context();
    await expect(call(ctx, "DescribeVpcs", describeVpcs)).rejects.toMatchObject({ attempts: 1 });
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  test("a retry whose wait would pass the operation's time limit is neither announced nor made", async () => {
    ec2.on(DescribeVpcsCommand).rejects(awsError("RequestLimitExceeded", "slow down", 503));
    const { ctx, retries } = context({ timeoutMs: 1_000 });
    await expect(call(ctx, "DescribeVpcs", describeVpcs)).rejects.toMatchObject({ attempts: 2 });
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(2);
    expect(retries.map((r) => r.attempt)).toEqual([2]);
  });

  test("an operation's primary call goes out on the token the engine took; its retries wait for their own", async () => {
    ec2.on(DescribeVpcsCommand).rejectsOnce(awsError("InternalError", "boom", 500)).resolves({ Vpcs: [] });
    const { ctx, limited } = context();
    await primaryCall(ctx, "DescribeVpcs", describeVpcs)();
    expect(ec2.commandCalls(DescribeVpcsCommand)).toHaveLength(2);
    expect(limited).toEqual(["ec2:DescribeVpcs"]);
  });
});
