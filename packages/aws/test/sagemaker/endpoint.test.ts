import { classifyAwsError } from "../../src/errors.js";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListTagsCommand,
  SageMakerClient,
  UpdateEndpointCommand,
} from "@aws-sdk/client-sagemaker";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const sm = mockClient(SageMakerClient);
beforeEach(() => sm.reset());
afterAll(() => sm.restore());

const ROLE = "arn:aws:iam::123456789012:role/sagemaker";
const endpoint = (status: string, extra: object = {}) => ({ EndpointName: "ranker", EndpointArn: "arn:aws:sagemaker:us-west-2:123456789012:endpoint/ranker", EndpointConfigName: "cfg-1", EndpointStatus: status, ...extra });

describe("aws:sagemaker/Endpoint", () => {
  const TYPE = "aws:sagemaker/Endpoint";

  test("create waits from Creating to InService, reporting each status, with a 60-minute default limit", async () => {
    sm.on(CreateEndpointCommand).resolves({ EndpointArn: "arn" });
    sm.on(DescribeEndpointCommand)
      .resolvesOnce(endpoint("Creating"))
      .resolvesOnce(endpoint("Creating"))
      .resolves(endpoint("InService"));
    const { provider, clock } = testProvider();
    expect(provider.schema(TYPE)?.timeouts?.create).toBe(60 * 60_000);
    const ctx = callContext(TYPE, "ranker", { timeoutMs: 60 * 60_000 });
    const inputs = await checked(provider, TYPE, { name: "ranker", endpointConfigName: "cfg-1", tags: { team: "ml" } });
    const result = await provider.create(inputs as never, "t", ctx);
    expect(commandNames(sm)).toEqual(["CreateEndpoint", "DescribeEndpoint", "DescribeEndpoint", "DescribeEndpoint"]);
    expect(sm.commandCalls(CreateEndpointCommand)[0]?.args[0].input).toEqual({ EndpointName: "ranker", EndpointConfigName: "cfg-1", Tags: [{ Key: "team", Value: "ml" }] });
    expect(ctx.progressMessages).toEqual(["Creating (0s elapsed)", expect.stringMatching(/^Creating \(\d+s elapsed\)$/)]);
    expect(result.outputs).toMatchObject({ endpointStatus: "InService", arn: "arn:aws:sagemaker:us-west-2:123456789012:endpoint/ranker" });
    // Polls back off: 5 s at first, then more.
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(2_500);
    expect(clock.sleeps[1]).toBeGreaterThan(clock.sleeps[0]!);
  });

  test("an endpoint that goes Failed fails the create with SageMaker's reason, and the failed endpoint is deleted", async () => {
    sm.on(CreateEndpointCommand).resolves({});
    sm.on(DescribeEndpointCommand)
      .resolvesOnce(endpoint("Creating"))
      .resolves(endpoint("Failed", { FailureReason: "The primary container for production variant main did not pass the ping health check." }));
    sm.on(DeleteEndpointCommand).resolves({});
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "ranker", endpointConfigName: "cfg-1" });
    await expect(provider.create(inputs as never, "t", callContext(TYPE, "ranker"))).rejects.toThrow(
      'aws:sagemaker/Endpoint "ranker" failed while waiting for InService: status Failed: The primary container for production variant main did not pass the ping health check. (the failed endpoint ranker was deleted)',
    );
    expect(commandNames(sm)).toEqual(["CreateEndpoint", "DescribeEndpoint", "DescribeEndpoint", "DeleteEndpoint"]);
  });

  test("a describe throttled during the wait is retried with backoff", async () => {
    sm.on(CreateEndpointCommand).resolves({});
    sm.on(DescribeEndpointCommand)
      .rejectsOnce(awsError("ThrottlingException", "Rate exceeded"))
      .resolves(endpoint("InService"));
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "ranker", endpointConfigName: "cfg-1" });
    await provider.create(inputs as never, "t", callContext(TYPE, "ranker"));
    expect(commandNames(sm)).toEqual(["CreateEndpoint", "DescribeEndpoint", "DescribeEndpoint"]);
  });

  test("an endpoint still Creating when the time is up fails with TIMEOUT and the last status", async () => {
    sm.on(CreateEndpointCommand).resolves({});
    sm.on(DescribeEndpointCommand).resolves(endpoint("Creating"));
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "ranker", endpointConfigName: "cfg-1" });
    const error = await provider.create(inputs as never, "t", callContext(TYPE, "ranker", { timeoutMs: 5 * 60_000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TIMEOUT" });
    expect(String(error)).toContain('aws:sagemaker/Endpoint "ranker" did not reach InService within 5m00s; last status: Creating.');
    expect(classifyAwsError(error)).toBe("fatal");
  });

  test("pointing a live endpoint at a new config uses UpdateEndpoint and waits through Updating", async () => {
    sm.on(UpdateEndpointCommand).resolves({});
    sm.on(DescribeEndpointCommand)
      .resolvesOnce(endpoint("Updating"))
      .resolves(endpoint("InService", { EndpointConfigName: "cfg-2" }));
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { name: "ranker", endpointConfigName: "cfg-1" });
    const news = await checked(provider, TYPE, { name: "ranker", endpointConfigName: "cfg-2" });
    expect(provider.diff(TYPE, "ranker", olds as never, news as never, {})).toEqual({ changes: ["endpointConfigName"] });
    const outputs = await provider.update("ranker", olds as never, news as never, { arn: "arn" }, callContext(TYPE, "ranker"));
    expect(commandNames(sm)).toEqual(["UpdateEndpoint", "DescribeEndpoint", "DescribeEndpoint"]);
    expect(outputs).toMatchObject({ endpointConfigName: "cfg-2", endpointStatus: "InService" });
  });

  test("an update SageMaker rolled back is a failure naming both configs", async () => {
    sm.on(UpdateEndpointCommand).resolves({});
    sm.on(DescribeEndpointCommand).resolves(endpoint("InService", { FailureReason: "Insufficient capacity for ml.g5.48xlarge." }));
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { name: "ranker", endpointConfigName: "cfg-1" });
    const news = await checked(provider, TYPE, { name: "ranker", endpointConfigName: "cfg-2" });
    await expect(provider.update("ranker", olds as never, news as never, { arn: "arn" }, callContext(TYPE, "ranker"))).rejects.toThrow(
      "the update to endpoint config cfg-2 was rolled back; it still serves cfg-1: Insufficient capacity for ml.g5.48xlarge.",
    );
  });

  test("delete waits until the endpoint is gone", async () => {
    sm.on(DeleteEndpointCommand).resolves({});
    sm.on(DescribeEndpointCommand)
      .resolvesOnce(endpoint("Deleting"))
      .rejects(awsError("ValidationException", "Could not find endpoint \"ranker\"."));
    const { provider } = testProvider();
    await provider.delete("ranker", {}, {}, callContext(TYPE, "ranker"));
    expect(commandNames(sm)).toEqual(["DeleteEndpoint", "DescribeEndpoint", "DescribeEndpoint"]);
  });
});

describe("aws:sagemaker/EndpointConfig and Model", () => {
  test("an endpoint config that says not-found right after its create is looked for again", async () => {
    sm.on(CreateEndpointConfigCommand).resolves({ EndpointConfigArn: "arn:cfg" });
    sm.on(DescribeEndpointConfigCommand)
      .rejectsOnce(awsError("ValidationException", 'Could not find endpoint configuration "cfg-1".'))
      .resolves({ EndpointConfigName: "cfg-1", EndpointConfigArn: "arn:cfg", ProductionVariants: [] });
    const { provider } = testProvider();
    const TYPE = "aws:sagemaker/EndpointConfig";
    const inputs = await checked(provider, TYPE, { name: "cfg-1", productionVariants: [{ variantName: "main", modelName: "ranker", instanceType: "ml.m5.large" }] });
    expect(inputs.productionVariants).toEqual([{ variantName: "main", modelName: "ranker", instanceType: "ml.m5.large", initialInstanceCount: 1, initialVariantWeight: 1 }]);
    const result = await provider.create(inputs as never, "t", callContext(TYPE, "cfg"));
    expect(commandNames(sm)).toEqual(["CreateEndpointConfig", "DescribeEndpointConfig", "DescribeEndpointConfig"]);
    expect(result.outputs.arn).toBe("arn:cfg");
  });

  test("a model whose new role SageMaker cannot assume yet is created again once IAM has propagated", async () => {
    sm.on(CreateModelCommand)
      .rejectsOnce(awsError("ValidationException", "Could not assume role arn:aws:iam::123456789012:role/sagemaker. Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role."))
      .resolves({ ModelArn: "arn:model" });
    sm.on(DescribeModelCommand).resolves({ ModelName: "ranker", ModelArn: "arn:model" });
    const { provider } = testProvider();
    const TYPE = "aws:sagemaker/Model";
    const inputs = await checked(provider, TYPE, { name: "ranker", executionRoleArn: ROLE, primaryContainer: { image: "123.dkr.ecr.us-west-2.amazonaws.com/ranker:1", modelDataUrl: "s3://b/model.tar.gz" } });
    await provider.create(inputs as never, "t", callContext(TYPE, "ranker"));
    expect(commandNames(sm)).toEqual(["CreateModel", "CreateModel", "DescribeModel"]);
  });

  test("a model with a bad image fails naming the property and SageMaker's message", async () => {
    sm.on(CreateModelCommand).rejects(awsError("ValidationException", "Requested image 123.dkr.ecr.us-west-2.amazonaws.com/nope:1 not found."));
    const { provider } = testProvider();
    const TYPE = "aws:sagemaker/Model";
    const inputs = await checked(provider, TYPE, { name: "ranker", executionRoleArn: ROLE, primaryContainer: { image: "123.dkr.ecr.us-west-2.amazonaws.com/nope:1" } });
    await expect(provider.create(inputs as never, "t", callContext(TYPE, "ranker"))).rejects.toThrow(
      'aws:sagemaker/Model "ranker": create failed (CreateModel) [property "primaryContainer"]: ValidationException: Requested image 123.dkr.ecr.us-west-2.amazonaws.com/nope:1 not found.',
    );
  });

  test("changing the container replaces the model; changing tags updates it", async () => {
    const { provider } = testProvider();
    const TYPE = "aws:sagemaker/Model";
    const base = { executionRoleArn: ROLE, primaryContainer: { image: "img:1" } };
    const olds = await checked(provider, TYPE, base);
    expect(provider.diff(TYPE, "m", olds as never, (await checked(provider, TYPE, { ...base, primaryContainer: { image: "img:2" } })) as never, {})).toEqual({
      changes: ["primaryContainer"],
      replaces: ["primaryContainer"],
    });
    expect(provider.diff(TYPE, "m", olds as never, (await checked(provider, TYPE, { ...base, tags: { v: "2" } })) as never, {})).toEqual({ changes: ["tags"] });
  });

  test("refresh reads a model declared with an empty environment as declared: SageMaker leaves the empty map out", async () => {
    const TYPE = "aws:sagemaker/Model";
    const image = "123.dkr.ecr.us-west-2.amazonaws.com/ranker:1";
    sm.on(DescribeModelCommand).resolves({ ModelName: "ranker", ModelArn: "arn:model", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: image }, EnableNetworkIsolation: false });
    sm.on(ListTagsCommand).resolves({ Tags: [] });
    const { provider } = testProvider();
    const empty = await checked(provider, TYPE, { name: "ranker", executionRoleArn: ROLE, primaryContainer: { image, environment: {} } });
    expect((await provider.read("ranker", empty as never, {}, callContext(TYPE, "ranker")))?.inputs).toEqual(empty);
    // One that declared variables and reads back none did change, and says so.
    const declared = await checked(provider, TYPE, { name: "ranker", executionRoleArn: ROLE, primaryContainer: { image, environment: { MODE: "fast" } } });
    const read = await provider.read("ranker", declared as never, {}, callContext(TYPE, "ranker"));
    expect((read?.inputs as { primaryContainer: { environment?: unknown } }).primaryContainer.environment).toBeUndefined();
  });
});
