import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  TagResourceCommand,
} from "@aws-sdk/client-application-auto-scaling";
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DeleteAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeInstanceRefreshesCommand,
  StartInstanceRefreshCommand,
  UpdateAutoScalingGroupCommand,
} from "@aws-sdk/client-auto-scaling";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const as = mockClient(AutoScalingClient);
const aas = mockClient(ApplicationAutoScalingClient);
beforeEach(() => {
  as.reset();
  aas.reset();
});
afterAll(() => {
  as.restore();
  aas.restore();
});

const TYPE = "aws:autoscaling/Group";
const group = { AutoScalingGroupName: "rankers", AutoScalingGroupARN: "arn:asg", MinSize: 1, MaxSize: 3, DesiredCapacity: 1, DefaultCooldown: 300, AvailabilityZones: [], CreatedTime: new Date(), HealthCheckType: "EC2", Instances: [{ InstanceId: "i-1", LifecycleState: "InService" as const, AvailabilityZone: "us-west-2a", HealthStatus: "Healthy", ProtectedFromScaleIn: false }] };
const base = { name: "rankers", minSize: 1, maxSize: 3, vpcZoneIdentifiers: ["subnet-1"], launchTemplate: { id: "lt-1", version: 1 } };

describe("aws:autoscaling/Group", () => {
  test("create tags instances at launch and waits with the SDK's GroupInService waiter", async () => {
    as.on(CreateAutoScalingGroupCommand).resolves({});
    as.on(DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [group] });
    const { provider } = testProvider({ defaultTags: { team: "ml" } });
    const inputs = await checked(provider, TYPE, base);
    const result = await provider.create(inputs as never, "t", callContext(TYPE, "rankers"));
    expect(commandNames(as)).toEqual(["CreateAutoScalingGroup", "DescribeAutoScalingGroups", "DescribeAutoScalingGroups"]);
    expect(as.commandCalls(CreateAutoScalingGroupCommand)[0]?.args[0].input).toMatchObject({
      AutoScalingGroupName: "rankers",
      LaunchTemplate: { LaunchTemplateId: "lt-1", Version: "1" },
      VPCZoneIdentifier: "subnet-1",
      Tags: [{ ResourceId: "rankers", ResourceType: "auto-scaling-group", Key: "team", Value: "ml", PropagateAtLaunch: true }],
    });
    expect(result).toMatchObject({ id: "rankers", outputs: { arn: "arn:asg" } });
  });

  test("a new template version updates the group and runs an instance refresh until it succeeds", async () => {
    as.on(UpdateAutoScalingGroupCommand).resolves({});
    as.on(StartInstanceRefreshCommand).resolves({ InstanceRefreshId: "ir-1" });
    as.on(DescribeInstanceRefreshesCommand)
      .resolvesOnce({ InstanceRefreshes: [{ InstanceRefreshId: "ir-1", Status: "InProgress", PercentageComplete: 50 }] })
      .resolves({ InstanceRefreshes: [{ InstanceRefreshId: "ir-1", Status: "Successful" }] });
    as.on(DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [group] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { ...base, instanceRefresh: { minHealthyPercentage: 50 } });
    const news = await checked(provider, TYPE, { ...base, launchTemplate: { id: "lt-1", version: 2 }, instanceRefresh: { minHealthyPercentage: 50 } });
    expect(provider.diff(TYPE, "rankers", olds as never, news as never, {})).toEqual({ changes: ["launchTemplate"] });
    const ctx = callContext(TYPE, "rankers");
    await provider.update("rankers", olds as never, news as never, {}, ctx);
    expect(commandNames(as)).toEqual(["UpdateAutoScalingGroup", "StartInstanceRefresh", "DescribeInstanceRefreshes", "DescribeInstanceRefreshes", "DescribeAutoScalingGroups"]);
    expect(as.commandCalls(UpdateAutoScalingGroupCommand)[0]?.args[0].input).toMatchObject({ LaunchTemplate: { LaunchTemplateId: "lt-1", Version: "2" } });
    expect(as.commandCalls(StartInstanceRefreshCommand)[0]?.args[0].input).toEqual({ AutoScalingGroupName: "rankers", Strategy: "Rolling", Preferences: { MinHealthyPercentage: 50 } });
    expect(ctx.progressMessages[0]).toMatch(/^instance refresh InProgress \(50%\)/);
  });

  test("a refresh that fails fails the update with Auto Scaling's reason; a size change alone starts none", async () => {
    as.on(UpdateAutoScalingGroupCommand).resolves({});
    as.on(StartInstanceRefreshCommand).resolves({ InstanceRefreshId: "ir-1" });
    as.on(DescribeInstanceRefreshesCommand).resolves({ InstanceRefreshes: [{ InstanceRefreshId: "ir-1", Status: "Failed", StatusReason: "Instances failed to launch" }] });
    as.on(DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [group] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { ...base, instanceRefresh: {} });
    const news = await checked(provider, TYPE, { ...base, launchTemplate: { id: "lt-2", version: "$Latest" }, instanceRefresh: {} });
    await expect(provider.update("rankers", olds as never, news as never, {}, callContext(TYPE, "rankers"))).rejects.toThrow(/ended Failed: Instances failed to launch/);
    as.resetHistory();
    await provider.update("rankers", olds as never, { ...olds, maxSize: 5 } as never, {}, callContext(TYPE, "rankers"));
    expect(commandNames(as)).toEqual(["UpdateAutoScalingGroup", "DescribeAutoScalingGroups"]);
  });

  test("delete force-deletes, retries while a scaling activity is under way, and waits with GroupNotExists", async () => {
    as.on(DeleteAutoScalingGroupCommand).rejectsOnce(awsError("ScalingActivityInProgress", "An activity is in progress")).resolves({});
    as.on(DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [] });
    const { provider } = testProvider();
    await provider.delete("rankers", {}, {}, callContext(TYPE, "rankers"));
    expect(commandNames(as)).toEqual(["DeleteAutoScalingGroup", "DeleteAutoScalingGroup", "DescribeAutoScalingGroups"]);
    expect(as.commandCalls(DeleteAutoScalingGroupCommand)[0]?.args[0].input).toEqual({ AutoScalingGroupName: "rankers", ForceDelete: true });
  });

  test("check names sizes that cannot hold", async () => {
    const { provider } = testProvider();
    const result = await provider.check(TYPE, { ...base, minSize: 4, maxSize: 2, launchTemplate: { id: "lt-1", version: "newest" } });
    expect(result.failures).toEqual([
      { property: "launchTemplate.version", reason: 'expected a version number, "$Latest" or "$Default", got "newest"' },
      { property: "minSize", reason: "minSize 4 is above maxSize 2" },
    ]);
  });
});

describe("Application Auto Scaling", () => {
  const target = { serviceNamespace: "sagemaker", resourceId: "endpoint/ranker/variant/main", scalableDimension: "sagemaker:variant:DesiredInstanceCount", minCapacity: 1, maxCapacity: 4 };

  test("registering a variant retries while its endpoint is still being created", async () => {
    aas
      .on(RegisterScalableTargetCommand)
      .rejectsOnce(awsError("ValidationException", "Endpoint ranker is in Creating state; cannot register it"))
      .resolves({ ScalableTargetARN: "arn:target" });
    aas.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [{ ...target, ScalableTargetARN: "arn:target", ServiceNamespace: "sagemaker", ResourceId: target.resourceId, ScalableDimension: "sagemaker:variant:DesiredInstanceCount", MinCapacity: 1, MaxCapacity: 4, RoleARN: "arn:role", CreationTime: new Date() }] });
    const { provider } = testProvider();
    const inputs = await checked(provider, "aws:appautoscaling/Target", target);
    const result = await provider.create(inputs as never, "t", callContext("aws:appautoscaling/Target", "ranker"));
    expect(commandNames(aas)).toEqual(["RegisterScalableTarget", "RegisterScalableTarget", "DescribeScalableTargets"]);
    expect(result).toEqual({ id: "sagemaker/endpoint/ranker/variant/main/sagemaker:variant:DesiredInstanceCount", outputs: expect.objectContaining({ arn: "arn:target" }) });
  });

  test("a capacity change registers again in place, and tags change with TagResource", async () => {
    aas.on(RegisterScalableTargetCommand).resolves({ ScalableTargetARN: "arn:target" });
    aas.on(TagResourceCommand).resolves({});
    const { provider } = testProvider();
    const TYPE_T = "aws:appautoscaling/Target";
    const olds = await checked(provider, TYPE_T, target);
    const news = await checked(provider, TYPE_T, { ...target, maxCapacity: 8, tags: { team: "ml" } });
    expect(provider.diff(TYPE_T, "x", olds as never, news as never, {})).toEqual({ changes: ["maxCapacity", "tags"] });
    await provider.update("x", olds as never, news as never, { arn: "arn:target" }, callContext(TYPE_T, "ranker"));
    expect(commandNames(aas)).toEqual(["RegisterScalableTarget", "TagResource"]);
    expect(aas.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input).toMatchObject({ MaxCapacity: 8 });
  });

  test("a target-tracking policy is put; a change of target value puts it again in place", async () => {
    aas.on(PutScalingPolicyCommand).resolves({ PolicyARN: "arn:policy", Alarms: [{ AlarmName: "hi", AlarmARN: "arn:alarm" }] });
    const { provider } = testProvider();
    const TYPE_P = "aws:appautoscaling/Policy";
    const spec = { predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" } };
    const olds = await checked(provider, TYPE_P, { ...target, minCapacity: undefined, maxCapacity: undefined, targetTrackingScalingPolicyConfiguration: { targetValue: 200, ...spec } });
    const news = await checked(provider, TYPE_P, { ...target, minCapacity: undefined, maxCapacity: undefined, targetTrackingScalingPolicyConfiguration: { targetValue: 300, ...spec } });
    const created = await provider.create(olds as never, "t", callContext(TYPE_P, "invocations"));
    expect(created).toEqual({ id: "invocations", outputs: expect.objectContaining({ arn: "arn:policy", alarmArns: ["arn:alarm"] }) });
    expect(provider.diff(TYPE_P, "invocations", olds as never, news as never, {})).toEqual({ changes: ["targetTrackingScalingPolicyConfiguration"] });
    await provider.update("invocations", olds as never, news as never, {}, callContext(TYPE_P, "invocations"));
    expect(aas.commandCalls(PutScalingPolicyCommand)[1]?.args[0].input).toMatchObject({ PolicyName: "invocations", TargetTrackingScalingPolicyConfiguration: { TargetValue: 300 } });
  });
});
