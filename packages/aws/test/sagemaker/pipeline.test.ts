import { CreatePipelineCommand, DeletePipelineCommand, DescribePipelineCommand, ListTagsCommand, SageMakerClient, UpdatePipelineCommand } from "@aws-sdk/client-sagemaker";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const sm = mockClient(SageMakerClient);
beforeEach(() => sm.reset());
afterAll(() => sm.restore());

const TYPE = "aws:sagemaker/Pipeline";
const ROLE = "arn:aws:iam::123456789012:role/pipeline";
const definition = { Version: "2020-12-01", Steps: [{ Name: "Train", Type: "Training", Arguments: {} }] };
const described = { PipelineName: "retrain", PipelineArn: "arn:aws:sagemaker:us-west-2:123456789012:pipeline/retrain", PipelineDefinition: JSON.stringify(definition), RoleArn: ROLE, PipelineStatus: "Active" as const };

describe("aws:sagemaker/Pipeline", () => {
  test("create retries while SageMaker cannot assume a fresh role, with one request token, and confirms the pipeline", async () => {
    sm.on(CreatePipelineCommand).rejectsOnce(awsError("ValidationException", "Could not assume role arn:aws:iam::123456789012:role/pipeline")).resolves({});
    sm.on(DescribePipelineCommand).rejectsOnce(awsError("ResourceNotFound", "Pipeline not found")).resolves(described);
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "retrain", roleArn: ROLE, definition: JSON.stringify(definition) });
    const result = await provider.create(inputs as never, "tok", callContext(TYPE, "retrain"));
    expect(commandNames(sm)).toEqual(["CreatePipeline", "CreatePipeline", "DescribePipeline", "DescribePipeline"]);
    const tokens = sm.commandCalls(CreatePipelineCommand).map((c) => c.args[0].input.ClientRequestToken);
    expect(new Set(tokens).size).toBe(1);
    expect(JSON.parse(sm.commandCalls(CreatePipelineCommand)[0]!.args[0].input.PipelineDefinition!)).toEqual(definition);
    expect(result).toMatchObject({ id: "retrain", outputs: { arn: described.PipelineArn, definition } });
  });

  test("a changed definition updates in place; a new name replaces", async () => {
    sm.on(UpdatePipelineCommand).resolves({});
    sm.on(DescribePipelineCommand).resolves(described);
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { name: "retrain", roleArn: ROLE, definition });
    const news = await checked(provider, TYPE, { name: "retrain", roleArn: ROLE, definition: { ...definition, Parameters: [] } });
    expect(provider.diff(TYPE, "retrain", olds as never, news as never, {})).toEqual({ changes: ["definition"] });
    await provider.update("retrain", olds as never, news as never, { arn: described.PipelineArn }, callContext(TYPE, "retrain"));
    expect(commandNames(sm)).toEqual(["UpdatePipeline", "DescribePipeline"]);
    const renamed = await checked(provider, TYPE, { name: "retrain-2", roleArn: ROLE, definition });
    expect(provider.diff(TYPE, "retrain", olds as never, renamed as never, {}).replaces).toEqual(["name"]);
  });

  test("delete polls until the pipeline is gone (SageMaker has no waiter for pipelines)", async () => {
    sm.on(DeletePipelineCommand).resolves({});
    sm.on(DescribePipelineCommand).resolvesOnce({ ...described, PipelineStatus: "Deleting" }).rejects(awsError("ResourceNotFound", "Pipeline retrain does not exist"));
    const { provider, clock } = testProvider();
    const ctx = callContext(TYPE, "retrain");
    await provider.delete("retrain", {}, {}, ctx);
    expect(commandNames(sm)).toEqual(["DeletePipeline", "DescribePipeline", "DescribePipeline"]);
    expect(clock.sleeps).toHaveLength(1);
    expect(ctx.progressMessages[0]).toMatch(/^Deleting/);
  });

  test("refresh keeps the program's definition when SageMaker returns the same document", async () => {
    sm.on(DescribePipelineCommand).resolves(described);
    sm.on(ListTagsCommand).resolves({ Tags: [] });
    const { provider } = testProvider();
    const recorded = await checked(provider, TYPE, { name: "retrain", roleArn: ROLE, definition: JSON.stringify(definition) });
    const read = await provider.read("retrain", recorded as never, {}, callContext(TYPE, "retrain"));
    expect(read?.inputs).toEqual(recorded);
  });
});
