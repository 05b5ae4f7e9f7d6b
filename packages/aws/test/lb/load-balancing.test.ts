import {
  CreateLoadBalancerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DeregisterTargetsCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyRuleCommand,
  SetRulePrioritiesCommand,
  SetSubnetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const elb = mockClient(ElasticLoadBalancingV2Client);
beforeEach(() => elb.reset());
afterAll(() => elb.restore());

const LB_ARN = "arn:aws:elasticloadbalancing:us-west-2:1:loadbalancer/app/serving-1/50dc6c495c0c9188";
const active = { LoadBalancerArn: LB_ARN, LoadBalancerName: "serving-1", DNSName: "serving-1.elb.example", CanonicalHostedZoneId: "Z35", VpcId: "vpc-1", State: { Code: "active" as const } };

describe("aws:lb/LoadBalancer", () => {
  const TYPE = "aws:lb/LoadBalancer";

  test("create waits with the SDK's LoadBalancerAvailable waiter", async () => {
    elb.on(CreateLoadBalancerCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: LB_ARN, State: { Code: "provisioning" } }] });
    elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [active] });
    const { provider } = testProvider({ defaultTags: { team: "ml" } });
    const inputs = await checked(provider, TYPE, { name: "serving-1", subnets: ["subnet-b", "subnet-a"] });
    const result = await provider.create(inputs as never, "t", callContext(TYPE, "serving"));
    expect(commandNames(elb)).toEqual(["CreateLoadBalancer", "DescribeLoadBalancers", "DescribeLoadBalancers"]);
    expect(elb.commandCalls(CreateLoadBalancerCommand)[0]?.args[0].input).toMatchObject({
      Name: "serving-1",
      Type: "application",
      Scheme: "internet-facing",
      Subnets: ["subnet-a", "subnet-b"],
      Tags: [{ Key: "team", Value: "ml" }],
    });
    expect(result).toMatchObject({ id: LB_ARN, outputs: { dnsName: "serving-1.elb.example", zoneId: "Z35", arnSuffix: "app/serving-1/50dc6c495c0c9188" } });
  });

  test("subnets change in place; the scheme replaces", async () => {
    elb.on(SetSubnetsCommand).resolves({});
    elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [active] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { subnets: ["subnet-a", "subnet-b"] });
    const news = await checked(provider, TYPE, { subnets: ["subnet-a", "subnet-c"] });
    expect(provider.diff(TYPE, LB_ARN, olds as never, news as never, {})).toEqual({ changes: ["subnets"] });
    expect(provider.diff(TYPE, LB_ARN, olds as never, { ...olds, internal: true } as never, {}).replaces).toEqual(["internal"]);
    await provider.update(LB_ARN, olds as never, news as never, {}, callContext(TYPE, "serving"));
    expect(commandNames(elb)).toEqual(["SetSubnets", "DescribeLoadBalancers"]);
  });

  test("delete waits with the SDK's LoadBalancersDeleted waiter; one already gone is deleted", async () => {
    elb.on(DeleteLoadBalancerCommand).resolves({});
    elb.on(DescribeLoadBalancersCommand).rejects(awsError("LoadBalancerNotFoundException", "One or more load balancers not found"));
    const { provider } = testProvider();
    await provider.delete(LB_ARN, {}, {}, callContext(TYPE, "serving"));
    expect(commandNames(elb)).toEqual(["DeleteLoadBalancer", "DescribeLoadBalancers"]);
  });
});

describe("target groups, rules and attachments", () => {
  const TG_ARN = "arn:aws:elasticloadbalancing:us-west-2:1:targetgroup/rankers/73e2d6bc24d8a067";

  test("a target group's delete is retried while a listener still forwards to it", async () => {
    elb.on(DeleteTargetGroupCommand).rejectsOnce(awsError("ResourceInUseException", "Target group is currently in use by a listener or a rule")).resolves({});
    const { provider } = testProvider();
    const ctx = callContext("aws:lb/TargetGroup", "rankers");
    await provider.delete(TG_ARN, {}, {}, ctx);
    expect(commandNames(elb)).toEqual(["DeleteTargetGroup", "DeleteTargetGroup"]);
    expect(ctx.limited).toEqual(["elbv2:DeleteTargetGroup"]);
  });

  test("a target group needs a port, protocol and VPC unless it targets a Lambda function", async () => {
    const { provider } = testProvider();
    const result = await provider.check("aws:lb/TargetGroup", { port: 80 });
    expect(result.failures).toEqual([
      { property: "protocol", reason: 'is required for targetType "instance"' },
      { property: "vpcId", reason: 'is required for targetType "instance"' },
    ]);
    expect((await provider.check("aws:lb/TargetGroup", { targetType: "lambda" })).failures).toEqual([]);
  });

  test("a rule's priority and path change in place: SetRulePriorities, then ModifyRule", async () => {
    elb.on(SetRulePrioritiesCommand).resolves({});
    elb.on(ModifyRuleCommand).resolves({});
    const { provider } = testProvider();
    const TYPE = "aws:lb/ListenerRule";
    const base = { listenerArn: "arn:listener", actions: [{ type: "forward", targetGroupArn: TG_ARN }] };
    const olds = await checked(provider, TYPE, { ...base, priority: 10, conditions: [{ pathPattern: { values: ["/rank/*"] } }] });
    const news = await checked(provider, TYPE, { ...base, priority: 20, conditions: [{ pathPattern: { values: ["/v2/rank/*"] } }] });
    expect(provider.diff(TYPE, "arn:rule", olds as never, news as never, {})).toEqual({ changes: ["conditions", "priority"] });
    await provider.update("arn:rule", olds as never, news as never, {}, callContext(TYPE, "rank"));
    expect(commandNames(elb)).toEqual(["SetRulePriorities", "ModifyRule"]);
    expect(elb.commandCalls(ModifyRuleCommand)[0]?.args[0].input).toEqual({
      RuleArn: "arn:rule",
      Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/v2/rank/*"] } }],
      Actions: [{ Type: "forward", Order: 1, TargetGroupArn: TG_ARN }],
    });
  });

  test("an action without what its type needs fails check, naming the property", async () => {
    const { provider } = testProvider();
    const result = await provider.check("aws:lb/Listener", { loadBalancerArn: LB_ARN, port: 80, defaultActions: [{ type: "forward" }] });
    expect(result.failures).toEqual([{ property: "defaultActions.0.targetGroupArn", reason: 'a "forward" action needs targetGroupArn' }]);
  });

  test("deregistering a target waits while it drains, and is done when its target group is gone", async () => {
    elb.on(DeregisterTargetsCommand).resolves({});
    elb
      .on(DescribeTargetHealthCommand)
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: { Id: "i-1", Port: 8080 }, TargetHealth: { State: "draining" } }] })
      .rejects(awsError("TargetGroupNotFoundException", "One or more target groups not found"));
    const { provider, clock } = testProvider();
    const inputs = { targetGroupArn: TG_ARN, targetId: "i-1", port: 8080 };
    const ctx = callContext("aws:lb/TargetGroupAttachment", "ranker-1");
    await provider.delete(`${TG_ARN},i-1,8080`, inputs, {}, ctx);
    expect(commandNames(elb)).toEqual(["DeregisterTargets", "DescribeTargetHealth", "DescribeTargetHealth"]);
    expect(ctx.progressMessages[0]).toMatch(/^draining/);
    expect(clock.sleeps.length).toBe(1);
    expect(elb.commandCalls(DeregisterTargetsCommand)[0]?.args[0].input).toEqual({ TargetGroupArn: TG_ARN, Targets: [{ Id: "i-1", Port: 8080 }] });
  });
});
