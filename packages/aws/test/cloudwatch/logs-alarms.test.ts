import { CloudWatchClient, DeleteAlarmsCommand, DescribeAlarmsCommand, ListTagsForResourceCommand as ListAlarmTags, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, CreateLogGroupCommand, DeleteRetentionPolicyCommand, DescribeLogGroupsCommand, ListTagsForResourceCommand, PutRetentionPolicyCommand, TagResourceCommand } from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const logs = mockClient(CloudWatchLogsClient);
const cw = mockClient(CloudWatchClient);
beforeEach(() => {
  logs.reset();
  cw.reset();
});
afterAll(() => {
  logs.restore();
  cw.restore();
});

const LOG_GROUP = "aws:cloudwatch/LogGroup";
const ALARM = "aws:cloudwatch/MetricAlarm";
const group = { logGroupName: "/ml/training", arn: "arn:aws:logs:us-west-2:123456789012:log-group:/ml/training:*", retentionInDays: 30 };

describe("aws:cloudwatch/LogGroup", () => {
  test("check accepts only the retention periods CloudWatch Logs offers", async () => {
    const { provider } = testProvider();
    expect((await provider.check(LOG_GROUP, { name: "/ml/training", retentionInDays: 10 } as never)).failures).toEqual([expect.objectContaining({ property: "retentionInDays" })]);
  });

  test("create makes the group with its tags, then sets its retention", async () => {
    logs.on(CreateLogGroupCommand).resolves({});
    logs.on(PutRetentionPolicyCommand).resolves({});
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [group] });
    const { provider } = testProvider({ defaultTags: { team: "ml" } });
    const inputs = await checked(provider, LOG_GROUP, { name: "/ml/training", retentionInDays: 30 });
    const result = await provider.create(inputs as never, "tok", callContext(LOG_GROUP, "training"));
    expect(commandNames(logs)).toEqual(["CreateLogGroup", "PutRetentionPolicy", "DescribeLogGroups"]);
    expect(logs.commandCalls(CreateLogGroupCommand)[0]?.args[0].input).toEqual({ logGroupName: "/ml/training", logGroupClass: "STANDARD", tags: { team: "ml" } });
    expect(result.outputs.arn).toBe("arn:aws:logs:us-west-2:123456789012:log-group:/ml/training");
  });

  test("removing the retention deletes the policy; a tag change tags by the ARN without :*", async () => {
    logs.onAnyCommand().resolves({});
    const { provider } = testProvider();
    const olds = await checked(provider, LOG_GROUP, { name: "/ml/training", retentionInDays: 30 });
    const news = await checked(provider, LOG_GROUP, { name: "/ml/training", tags: { team: "ml" } });
    await provider.update("/ml/training", olds as never, news as never, { arn: "arn:aws:logs:us-west-2:123456789012:log-group:/ml/training" }, callContext(LOG_GROUP, "training"));
    expect(commandNames(logs)).toEqual(["DeleteRetentionPolicy", "TagResource"]);
    expect(logs.commandCalls(DeleteRetentionPolicyCommand)).toHaveLength(1);
    expect(logs.commandCalls(TagResourceCommand)[0]?.args[0].input.resourceArn).toBe("arn:aws:logs:us-west-2:123456789012:log-group:/ml/training");
  });

  test("refresh finds the exact group among the prefix matches and reports its retention", async () => {
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ ...group, logGroupName: "/ml/training-old" }, { ...group, retentionInDays: 90 }] });
    logs.on(ListTagsForResourceCommand).resolves({ tags: {} });
    const { provider } = testProvider();
    const recorded = await checked(provider, LOG_GROUP, { name: "/ml/training", retentionInDays: 30 });
    const read = await provider.read("/ml/training", recorded as never, {}, callContext(LOG_GROUP, "training"));
    expect(read?.inputs?.retentionInDays).toBe(90);
  });
});

describe("aws:cloudwatch/MetricAlarm", () => {
  const args = { namespace: "AWS/SageMaker", metricName: "Invocation5XXErrors", statistic: "Sum", dimensions: { EndpointName: "ranker" }, period: 60, evaluationPeriods: 5, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold" };
  const alarm = { AlarmName: "endpoint-5xx", AlarmArn: "arn:aws:cloudwatch:us-west-2:123456789012:alarm:endpoint-5xx", MetricName: "Invocation5XXErrors", Namespace: "AWS/SageMaker", Statistic: "Sum" as const, Dimensions: [{ Name: "EndpointName", Value: "ranker" }], Period: 60, EvaluationPeriods: 5, Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" as const, ActionsEnabled: true, TreatMissingData: "missing" };

  test("check wants exactly one of statistic and extendedStatistic and a valid period", async () => {
    const { provider } = testProvider();
    const result = await provider.check(ALARM, { ...args, extendedStatistic: "p99", period: 45 } as never);
    expect(result.failures?.map((f) => f.property).sort()).toEqual(["period", "statistic"]);
  });

  test("create puts the alarm and waits for it with CloudWatch's waiter", async () => {
    cw.on(DescribeAlarmsCommand).resolvesOnce({ MetricAlarms: [] }).resolves({ MetricAlarms: [alarm] });
    cw.on(PutMetricAlarmCommand).resolves({});
    const { provider } = testProvider();
    const inputs = await checked(provider, ALARM, { ...args, name: "endpoint-5xx" });
    const result = await provider.create(inputs as never, "tok", callContext(ALARM, "endpoint-5xx"));
    expect(commandNames(cw)).toEqual(["DescribeAlarms", "PutMetricAlarm", "DescribeAlarms", "DescribeAlarms"]);
    expect(cw.commandCalls(PutMetricAlarmCommand)[0]?.args[0].input).toMatchObject({ AlarmName: "endpoint-5xx", Dimensions: [{ Name: "EndpointName", Value: "ranker" }], TreatMissingData: "missing" });
    expect(result.outputs.arn).toBe(alarm.AlarmArn);
  });

  test("a threshold change is an update in place; refresh reports it", async () => {
    cw.on(PutMetricAlarmCommand).resolves({});
    cw.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ ...alarm, Threshold: 5 }] });
    cw.on(ListAlarmTags).resolves({ Tags: [] });
    const { provider } = testProvider();
    const olds = await checked(provider, ALARM, { ...args, name: "endpoint-5xx" });
    const news = await checked(provider, ALARM, { ...args, name: "endpoint-5xx", threshold: 5 });
    expect(provider.diff(ALARM, "endpoint-5xx", olds as never, news as never, {})).toEqual({ changes: ["threshold"] });
    await provider.update("endpoint-5xx", olds as never, news as never, { arn: alarm.AlarmArn }, callContext(ALARM, "endpoint-5xx"));
    expect(commandNames(cw)).toEqual(["PutMetricAlarm"]);
    const read = await provider.read("endpoint-5xx", olds as never, {}, callContext(ALARM, "endpoint-5xx"));
    expect(read?.inputs).toEqual({ ...olds, threshold: 5 });
  });

  test("delete needs no waiter: DeleteAlarms is synchronous and ignores a missing alarm", async () => {
    cw.on(DeleteAlarmsCommand).resolves({});
    const { provider } = testProvider();
    await provider.delete("endpoint-5xx", {}, {}, callContext(ALARM, "endpoint-5xx"));
    expect(commandNames(cw)).toEqual(["DeleteAlarms"]);
  });

  test("throttled alarm creates are classified for the engine to retry", () => {
    const { provider } = testProvider();
    expect(provider.classifyError(awsError("Throttling", "Rate exceeded"))).toBe("throttle");
    expect(provider.limits(ALARM, "create")).toEqual({ key: "cloudwatch:PutMetricAlarm", rate: { burst: 3, perSecond: 3 } });
  });
});
