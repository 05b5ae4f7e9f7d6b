import { DeleteRuleCommand, DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand, PutRuleCommand, PutTargetsCommand, RemoveTargetsCommand } from "@aws-sdk/client-eventbridge";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const ev = mockClient(EventBridgeClient);
beforeEach(() => ev.reset());
afterAll(() => ev.restore());

const RULE = "aws:cloudwatch/EventRule";
const TARGET = "aws:cloudwatch/EventTarget";
const PIPELINE = "arn:aws:sagemaker:us-west-2:123456789012:pipeline/retrain";
const pattern = { source: ["aws.s3"], "detail-type": ["Object Created"] };

describe("aws:cloudwatch/EventRule", () => {
  test("check wants a pattern or a schedule", async () => {
    const { provider } = testProvider();
    expect((await provider.check(RULE, { name: "r" } as never)).failures).toEqual([expect.objectContaining({ property: "eventPattern" })]);
  });

  test("create refuses to overwrite a rule of the same name (PutRule would)", async () => {
    ev.on(DescribeRuleCommand).resolves({ Name: "on-upload", Arn: "arn:r" });
    const { provider } = testProvider();
    const inputs = await checked(provider, RULE, { name: "on-upload", eventPattern: pattern });
    await expect(provider.create(inputs as never, "tok", callContext(RULE, "on-upload"))).rejects.toThrow('An EventBridge rule named "on-upload" [property "name"] already exists');
    expect(commandNames(ev)).toEqual(["DescribeRule"]);
  });

  test("create sends the pattern as JSON with the tags", async () => {
    ev.on(DescribeRuleCommand).rejects(awsError("ResourceNotFoundException", "Rule on-upload does not exist."));
    ev.on(PutRuleCommand).resolves({ RuleArn: "arn:r" });
    const { provider } = testProvider({ defaultTags: { team: "ml" } });
    const inputs = await checked(provider, RULE, { name: "on-upload", eventPattern: JSON.stringify(pattern) });
    const result = await provider.create(inputs as never, "tok", callContext(RULE, "on-upload"));
    expect(ev.commandCalls(PutRuleCommand)[0]?.args[0].input).toEqual({ Name: "on-upload", EventBusName: "default", EventPattern: JSON.stringify(pattern), State: "ENABLED", Tags: [{ Key: "team", Value: "ml" }] });
    expect(result).toMatchObject({ id: "on-upload", outputs: { arn: "arn:r", eventPattern: pattern } });
  });

  test("a rule that still has targets the stack does not manage is explained on delete", async () => {
    ev.on(DeleteRuleCommand).rejects(awsError("ValidationException", "Rule can't be deleted since it has targets."));
    const { provider } = testProvider();
    await expect(provider.delete("on-upload", {}, {}, callContext(RULE, "on-upload"))).rejects.toThrow("still has targets that this stack does not manage");
  });
});

describe("aws:cloudwatch/EventTarget", () => {
  const args = { rule: "on-upload", arn: PIPELINE, roleArn: "arn:aws:iam::123456789012:role/events", sagemakerPipelineParameters: [{ name: "Epochs", value: "1" }] };

  test("create waits for a fresh rule and reports a failed entry naming the property", async () => {
    ev.on(PutTargetsCommand).rejectsOnce(awsError("ResourceNotFoundException", "Rule on-upload does not exist.")).resolves({ FailedEntryCount: 0, FailedEntries: [] });
    const { provider } = testProvider();
    const inputs = await checked(provider, TARGET, { ...args, targetId: "pipeline" });
    const result = await provider.create(inputs as never, "tok", callContext(TARGET, "retrain"));
    expect(result.id).toBe("default/on-upload/pipeline");
    expect(ev.commandCalls(PutTargetsCommand)[0]?.args[0].input.Targets?.[0]).toMatchObject({ Id: "pipeline", Arn: PIPELINE, SageMakerPipelineParameters: { PipelineParameterList: [{ Name: "Epochs", Value: "1" }] } });
    ev.reset();
    ev.on(PutTargetsCommand).resolves({ FailedEntryCount: 1, FailedEntries: [{ TargetId: "pipeline", ErrorCode: "ValidationException", ErrorMessage: "bad target" }] });
    await expect(provider.create(inputs as never, "tok", callContext(TARGET, "retrain"))).rejects.toThrow('PutTargets failed [property "arn"]: ValidationException: bad target');
  });

  test("read finds the target among the rule's; a rule gone means the target is gone", async () => {
    ev.on(ListTargetsByRuleCommand).resolvesOnce({ Targets: [{ Id: "pipeline", Arn: PIPELINE, RoleArn: args.roleArn }] }).rejects(awsError("ResourceNotFoundException", "Rule on-upload does not exist."));
    const { provider } = testProvider();
    const found = await provider.read("default/on-upload/pipeline", {}, {}, callContext(TARGET, "retrain"));
    expect(found?.inputs).toMatchObject({ rule: "on-upload", arn: PIPELINE, targetId: "pipeline" });
    expect(await provider.read("default/on-upload/pipeline", {}, {}, callContext(TARGET, "retrain"))).toBeUndefined();
  });

  test("delete removes it by id and tolerates a rule already gone", async () => {
    ev.on(RemoveTargetsCommand).rejects(awsError("ResourceNotFoundException", "Rule on-upload does not exist."));
    const { provider } = testProvider();
    await provider.delete("default/on-upload/pipeline", {}, {}, callContext(TARGET, "retrain"));
    expect(ev.commandCalls(RemoveTargetsCommand)[0]?.args[0].input).toEqual({ Rule: "on-upload", EventBusName: "default", Ids: ["pipeline"] });
  });
});
