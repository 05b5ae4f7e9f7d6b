import { CreateScheduleCommand, CreateScheduleGroupCommand, DeleteScheduleCommand, DeleteScheduleGroupCommand, GetScheduleCommand, GetScheduleGroupCommand, SchedulerClient, UpdateScheduleCommand } from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const sch = mockClient(SchedulerClient);
beforeEach(() => sch.reset());
afterAll(() => sch.restore());

const SCHEDULE = "aws:scheduler/Schedule";
const GROUP = "aws:scheduler/ScheduleGroup";
const PIPELINE = "arn:aws:sagemaker:us-west-2:123456789012:pipeline/retrain";
const ROLE = "arn:aws:iam::123456789012:role/scheduler";
const args = { name: "nightly", groupName: "training", scheduleExpression: "cron(0 3 * * ? *)", target: { arn: PIPELINE, roleArn: ROLE, sagemakerPipelineParameters: [{ name: "Epochs", value: "3" }] } };

describe("aws:scheduler/Schedule", () => {
  test("check rejects an expression that is not cron, rate or at", async () => {
    const { provider } = testProvider();
    const result = await provider.check(SCHEDULE, { ...args, scheduleExpression: "every night" } as never);
    expect(result.failures).toEqual([expect.objectContaining({ property: "scheduleExpression" })]);
  });

  test("create starts a pipeline with its parameters; the id is group/name", async () => {
    sch.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn:s" });
    sch.on(GetScheduleCommand).resolves({ Arn: "arn:s", Name: "nightly", GroupName: "training" });
    const { provider } = testProvider();
    const inputs = await checked(provider, SCHEDULE, args);
    const result = await provider.create(inputs as never, "tok", callContext(SCHEDULE, "nightly"));
    expect(result.id).toBe("training/nightly");
    expect(sch.commandCalls(CreateScheduleCommand)[0]?.args[0].input).toMatchObject({
      Name: "nightly",
      GroupName: "training",
      FlexibleTimeWindow: { Mode: "OFF" },
      State: "ENABLED",
      Target: { Arn: PIPELINE, RoleArn: ROLE, SageMakerPipelineParameters: { PipelineParameterList: [{ Name: "Epochs", Value: "3" }] } },
    });
  });

  test("an expression change updates in place with every setting; a group change replaces", async () => {
    sch.on(UpdateScheduleCommand).resolves({});
    const { provider } = testProvider();
    const olds = await checked(provider, SCHEDULE, args);
    const news = await checked(provider, SCHEDULE, { ...args, scheduleExpression: "rate(12 hours)" });
    expect(provider.diff(SCHEDULE, "training/nightly", olds as never, news as never, {})).toEqual({ changes: ["scheduleExpression"] });
    await provider.update("training/nightly", olds as never, news as never, { arn: "arn:s" }, callContext(SCHEDULE, "nightly"));
    expect(sch.commandCalls(UpdateScheduleCommand)[0]?.args[0].input).toMatchObject({ Name: "nightly", GroupName: "training", ScheduleExpression: "rate(12 hours)", Target: { Arn: PIPELINE } });
    const moved = await checked(provider, SCHEDULE, { ...args, groupName: "other" });
    expect(provider.diff(SCHEDULE, "training/nightly", olds as never, moved as never, {}).replaces).toEqual(["groupName"]);
  });

  test("deleting a schedule whose group is already gone succeeds", async () => {
    sch.on(DeleteScheduleCommand).rejects(awsError("ResourceNotFoundException", "Schedule group training does not exist.", 404));
    const { provider } = testProvider();
    await provider.delete("training/nightly", {}, {}, callContext(SCHEDULE, "nightly"));
    expect(commandNames(sch)).toEqual(["DeleteSchedule"]);
  });
});

describe("aws:scheduler/ScheduleGroup", () => {
  test("delete waits while the group is DELETING its schedules", async () => {
    sch.on(DeleteScheduleGroupCommand).resolves({});
    sch.on(GetScheduleGroupCommand).resolvesOnce({ Name: "training", State: "DELETING" }).rejects(awsError("ResourceNotFoundException", "Schedule group training does not exist.", 404));
    const { provider } = testProvider();
    await provider.delete("training", {}, {}, callContext(GROUP, "training"));
    expect(commandNames(sch)).toEqual(["DeleteScheduleGroup", "GetScheduleGroup", "GetScheduleGroup"]);
  });

  test("an explicit name taken already names the property", async () => {
    sch.on(CreateScheduleGroupCommand).rejects(awsError("ConflictException", "Schedule group training already exists.", 409));
    const { provider } = testProvider();
    const inputs = await checked(provider, GROUP, { name: "training" });
    await expect(provider.create(inputs as never, "tok", callContext(GROUP, "training"))).rejects.toThrow('[property "name"] already exists');
  });
});
