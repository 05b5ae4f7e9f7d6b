import {
  DescribeInstancesCommand,
  EC2Client,
  ModifyInstanceAttributeCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const ec2 = mockClient(EC2Client);
const TYPE = "aws:ec2/Instance";

/** A fake EC2: instances move from pending to running after `launchPolls` describes. */
function fakeFleet(options: { launchPolls?: number } = {}) {
  const states = new Map<string, { state: string; polls: number; type: string }>();
  let next = 0;
  const run = (input: { InstanceType: string }) => {
    const id = `i-${String(++next).padStart(4, "0")}`;
    states.set(id, { state: "pending", polls: 0, type: input.InstanceType });
    return { Instances: [{ InstanceId: id, State: { Name: "pending" } }] };
  };
  ec2.on(RunInstancesCommand).callsFake(run);
  const describe = (input: { Filters?: { Values: string[] }[]; InstanceIds?: string[] }) => {
    const ids: string[] = input.Filters?.[0]?.Values ?? input.InstanceIds ?? [];
    const instances: Instance[] = [];
    for (const id of ids) {
      const entry = states.get(id);
      if (entry === undefined) continue;
      entry.polls++;
      if (entry.state === "pending" && entry.polls > (options.launchPolls ?? 1)) entry.state = "running";
      if (entry.state === "stopping") entry.state = "stopped";
      if (entry.state === "shutting-down") entry.state = "terminated";
      instances.push({ InstanceId: id, InstanceType: entry.type as never, State: { Name: entry.state as never }, PrivateIpAddress: "10.0.1.5", SubnetId: "subnet-1", VpcId: "vpc-1" });
    }
    return { Reservations: [{ Instances: instances }] };
  };
  ec2.on(DescribeInstancesCommand).callsFake(describe);
  ec2.on(StopInstancesCommand).callsFake((input) => {
    for (const id of input.InstanceIds) states.get(id)!.state = "stopping";
    return {};
  });
  ec2.on(StartInstancesCommand).callsFake((input) => {
    for (const id of input.InstanceIds) states.get(id)!.state = "pending";
    return {};
  });
  ec2.on(ModifyInstanceAttributeCommand).callsFake((input) => {
    states.get(input.InstanceId)!.type = input.InstanceType.Value;
    return {};
  });
  ec2.on(TerminateInstancesCommand).callsFake((input) => {
    for (const id of input.InstanceIds) states.get(id)!.state = "shutting-down";
    return {};
  });
  return { states, run, describe };
}

beforeEach(() => ec2.reset());
afterAll(() => ec2.restore());

const base = { ami: "ami-0abc1234", instanceType: "t3.micro", subnetId: "subnet-1", tags: { role: "ranker" } };

describe("aws:ec2/Instance", () => {
  test("create launches one instance with the create's ClientToken and tags, then waits until it is running", async () => {
    fakeFleet({ launchPolls: 2 });
    const { provider } = testProvider();
    const ctx = callContext(TYPE, "ranker");
    const inputs = await checked(provider, TYPE, { ...base, userData: "#!/bin/sh\necho hi" });
    const result = await provider.create(inputs as never, "create-token-1", ctx);
    expect(commandNames(ec2)).toEqual(["RunInstances", "DescribeInstances", "DescribeInstances", "DescribeInstances"]);
    expect(ec2.commandCalls(RunInstancesCommand)[0]?.args[0].input).toEqual({
      ImageId: "ami-0abc1234",
      InstanceType: "t3.micro",
      MinCount: 1,
      MaxCount: 1,
      ClientToken: "create-token-1",
      SubnetId: "subnet-1",
      UserData: Buffer.from("#!/bin/sh\necho hi").toString("base64"),
      TagSpecifications: [
        { ResourceType: "instance", Tags: [{ Key: "role", Value: "ranker" }] },
        { ResourceType: "volume", Tags: [{ Key: "role", Value: "ranker" }] },
      ],
    });
    expect(result).toMatchObject({ id: "i-0001", outputs: { instanceState: "running", privateIp: "10.0.1.5", arn: "arn:aws:ec2:us-west-2::instance/i-0001" } });
    expect(ctx.progressMessages).toContain("launched i-0001");
    expect(ctx.progressMessages.some((m) => m.startsWith("i-0001: pending"))).toBe(true);
  });

  test("the engine paces RunInstances with EC2's published bucket: burst 5, 2 per second", () => {
    const { provider } = testProvider();
    expect(provider.limits(TYPE, "create")).toEqual({ key: "ec2:RunInstances", rate: { burst: 5, perSecond: 2 } });
    expect(provider.limits(TYPE, "delete")).toEqual({ key: "ec2:TerminateInstances", rate: { burst: 100, perSecond: 5 } });
  });

  test("a RunInstances retried after a 5xx carries the same ClientToken, so EC2 returns the first launch; the retry is paced by the bucket", async () => {
    fakeFleet();
    ec2.on(RunInstancesCommand).rejectsOnce(awsError("InternalError", "An internal error has occurred", 500)).resolves({ Instances: [{ InstanceId: "i-0042" }] });
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: "i-0042", State: { Name: "running" } }] }] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, base);
    const ctx = callContext(TYPE, "web");
    const result = await provider.create(inputs as never, "tok-9", ctx);
    const tokens = ec2.commandCalls(RunInstancesCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens).toEqual(["tok-9", "tok-9"]);
    expect(result.id).toBe("i-0042");
    // The engine admitted the first attempt; the retry waited for a token of its own.
    expect(ctx.limited.filter((k) => k === "ec2:RunInstances")).toHaveLength(1);
  });

  test("an instance profile IAM has not propagated yet is retried with the same ClientToken, the retry paced by the bucket", async () => {
    const { run } = fakeFleet();
    ec2
      .on(RunInstancesCommand)
      .rejectsOnce(awsError("InvalidParameterValue", "Value (web-profile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"))
      .callsFake(run);
    const { provider } = testProvider();
    const ctx = callContext(TYPE, "web");
    const inputs = await checked(provider, TYPE, { ...base, iamInstanceProfile: "web-profile" });
    await provider.create(inputs as never, "tok-p", ctx);
    const calls = ec2.commandCalls(RunInstancesCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => [c.ClientToken, c.IamInstanceProfile])).toEqual([
      ["tok-p", { Name: "web-profile" }],
      ["tok-p", { Name: "web-profile" }],
    ]);
    expect(ctx.limited.filter((k) => k === "ec2:RunInstances")).toHaveLength(1);
  });

  test("a long engine token becomes a 64-character ClientToken that is the same on every attempt", async () => {
    fakeFleet();
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, base);
    const token = "x".repeat(100);
    await provider.create(inputs as never, token, callContext(TYPE, "a"));
    await provider.create(inputs as never, token, callContext(TYPE, "a"));
    const [first, second] = ec2.commandCalls(RunInstancesCommand).map((c) => c.args[0].input.ClientToken);
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
  });

  test("waiting for many instances uses one batched DescribeInstances per round, not one per instance", async () => {
    fakeFleet({ launchPolls: 1 });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, base);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => provider.create(inputs as never, `t-${i}`, callContext(TYPE, `node-${i}`))));
    expect(results.map((r) => r.outputs.instanceState)).toEqual(Array(12).fill("running"));
    const describes = ec2.commandCalls(DescribeInstancesCommand).map((c) => c.args[0].input);
    expect(describes).toHaveLength(2);
    expect(describes[0]?.Filters?.[0]).toEqual({ Name: "instance-id", Values: results.map((r) => r.id) });
  });

  test("a throttled describe during the wait is tried again in the next round", async () => {
    const { describe } = fakeFleet({ launchPolls: 0 });
    ec2.on(DescribeInstancesCommand).rejectsOnce(awsError("RequestLimitExceeded", "Request limit exceeded.", 503)).callsFake(describe);
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, base);
    const result = await provider.create(inputs as never, "t", callContext(TYPE, "a"));
    expect(commandNames(ec2)).toEqual(["RunInstances", "DescribeInstances", "DescribeInstances"]);
    expect(result.outputs.instanceState).toBe("running");
  });

  test("an instance that terminates while launching fails the create with EC2's reason", async () => {
    ec2.on(RunInstancesCommand).resolves({ Instances: [{ InstanceId: "i-0bad" }] });
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [{ Instances: [{ InstanceId: "i-0bad", State: { Name: "terminated" }, StateReason: { Code: "Server.InsufficientInstanceCapacity", Message: "Server.InsufficientInstanceCapacity: Insufficient capacity." } }] }],
    });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, base);
    await expect(provider.create(inputs as never, "t", callContext(TYPE, "gpu"))).rejects.toThrow(
      'aws:ec2/Instance "gpu": instance i-0bad went to terminated instead of running: Server.InsufficientInstanceCapacity: Insufficient capacity.',
    );
  });

  test("an invalid instance type is reported with the resource, the property and EC2's message", async () => {
    ec2.on(RunInstancesCommand).rejects(awsError("InvalidParameterValue", "Invalid value 'x9.huge' for InstanceType."));
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { ...base, instanceType: "x9.huge" });
    await expect(provider.create(inputs as never, "t", callContext(TYPE, "web"))).rejects.toThrow(
      `aws:ec2/Instance "web": create failed (RunInstances) [property "instanceType"]: InvalidParameterValue: Invalid value 'x9.huge' for InstanceType.`,
    );
  });

  test("changing the instance type stops the instance, modifies it and starts it again", async () => {
    const { states } = fakeFleet();
    states.set("i-0007", { state: "running", polls: 5, type: "t3.micro" });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, base);
    const news = await checked(provider, TYPE, { ...base, instanceType: "t3.large" });
    expect(provider.diff(TYPE, "i-0007", olds as never, news as never, {})).toEqual({ changes: ["instanceType"] });
    const outputs = await provider.update("i-0007", olds as never, news as never, {}, callContext(TYPE, "web"));
    expect(commandNames(ec2)).toEqual(["StopInstances", "DescribeInstances", "ModifyInstanceAttribute", "StartInstances", "DescribeInstances", "DescribeInstances"]);
    expect(ec2.commandCalls(ModifyInstanceAttributeCommand)[0]?.args[0].input).toEqual({ InstanceId: "i-0007", InstanceType: { Value: "t3.large" } });
    expect(outputs).toMatchObject({ instanceType: "t3.large", instanceState: "running" });
  });

  test("a new AMI replaces the instance", async () => {
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, base);
    const news = await checked(provider, TYPE, { ...base, ami: "ami-0def5678" });
    expect(provider.diff(TYPE, "i-1", olds as never, news as never, {})).toEqual({ changes: ["ami"], replaces: ["ami"] });
  });

  test("delete terminates the instance and waits until it is terminated", async () => {
    const { states } = fakeFleet();
    states.set("i-0009", { state: "running", polls: 5, type: "t3.micro" });
    const { provider } = testProvider();
    await provider.delete("i-0009", {}, {}, callContext(TYPE, "web"));
    expect(commandNames(ec2)).toEqual(["TerminateInstances", "DescribeInstances"]);
    expect(states.get("i-0009")?.state).toBe("terminated");
  });

  test("deleting an instance that is already gone succeeds", async () => {
    ec2.on(TerminateInstancesCommand).rejects(awsError("InvalidInstanceID.NotFound", "The instance ID 'i-0gone' does not exist"));
    const { provider } = testProvider();
    await provider.delete("i-0gone", {}, {}, callContext(TYPE, "web"));
    expect(commandNames(ec2)).toEqual(["TerminateInstances"]);
  });

  test("read of a terminated instance says it is gone; a running one reports its inputs", async () => {
    const { provider } = testProvider();
    ec2.on(DescribeInstancesCommand, { InstanceIds: ["i-dead"] }).resolves({ Reservations: [{ Instances: [{ InstanceId: "i-dead", State: { Name: "terminated" } }] }] });
    ec2.on(DescribeInstancesCommand, { InstanceIds: ["i-live"] }).resolves({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: "i-live",
              State: { Name: "running" },
              ImageId: "ami-0abc1234",
              InstanceType: "t3.micro",
              SubnetId: "subnet-1",
              IamInstanceProfile: { Arn: "arn:aws:iam::123456789012:instance-profile/web-profile" },
              SecurityGroups: [{ GroupId: "sg-b" }, { GroupId: "sg-a" }],
              Tags: [{ Key: "role", Value: "ranker" }],
            },
          ],
        },
      ],
    });
    expect(await provider.read("i-dead", {}, {}, callContext(TYPE, "a"))).toBeUndefined();
    const recorded = await checked(provider, TYPE, { ...base, iamInstanceProfile: "web-profile", vpcSecurityGroupIds: ["sg-b", "sg-a"] });
    const live = await provider.read("i-live", recorded as never, {}, callContext(TYPE, "a"));
    expect(live?.inputs).toEqual(recorded);
    // Without a subnet or groups in the program, the ones EC2 chose are not drift.
    const bare = await checked(provider, TYPE, { ami: "ami-0abc1234", instanceType: "t3.micro", tags: { role: "ranker" }, iamInstanceProfile: "web-profile" });
    expect((await provider.read("i-live", bare as never, {}, callContext(TYPE, "a")))?.inputs).toEqual(bare);
  });

  test("cancelling a create stops its wait at once; the poller stops when nobody waits", async () => {
    ec2.on(RunInstancesCommand).resolves({ Instances: [{ InstanceId: "i-0slow" }] });
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [{ InstanceId: "i-0slow", State: { Name: "pending" } }] }] });
    const { provider } = testProvider();
    const ctx = callContext(TYPE, "slow");
    const inputs = await checked(provider, TYPE, base);
    const pending = provider.create(inputs as never, "t", ctx);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    ctx.controller.abort(new Error("cancelled by the user"));
    await expect(pending).rejects.toMatchObject({ code: "CANCELLED" });
    const describes = ec2.commandCalls(DescribeInstancesCommand).length;
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(ec2.commandCalls(DescribeInstancesCommand).length).toBe(describes);
  });
});
