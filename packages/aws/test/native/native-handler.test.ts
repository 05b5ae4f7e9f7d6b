import {
  CloudControlClient,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
} from "@aws-sdk/client-cloudcontrol";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

// Responses follow the shapes of the Cloud Control API reference: a ProgressEvent
// (TypeName, Identifier, RequestToken, Operation, OperationStatus, EventTime,
// StatusMessage, ErrorCode) from every mutating call and from
// GetResourceRequestStatus; a ResourceDescription (Identifier, Properties as a
// JSON string) from GetResource and ListResources.
const cc = mockClient(CloudControlClient);
beforeEach(() => cc.reset());
afterAll(() => cc.restore());

const TYPE = "aws:native.dynamodb/Table";
const CFN = "AWS::DynamoDB::Table";
const ARN = "arn:aws:dynamodb:us-west-2:123456789012:table/orders";

const event = (Operation: string, OperationStatus: string, extra: object = {}) => ({
  ProgressEvent: { TypeName: CFN, RequestToken: "req-1", Operation, OperationStatus, EventTime: new Date(0), ...extra },
});
const described = (props: object) => ({ TypeName: CFN, ResourceDescription: { Identifier: "orders", Properties: JSON.stringify(props) } });
const TABLE = {
  TableName: "orders",
  BillingMode: "PAY_PER_REQUEST",
  KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
  AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
  Arn: ARN,
  StreamArn: undefined,
};
const ARGS = {
  tableName: "orders",
  billingMode: "PAY_PER_REQUEST",
  keySchema: [{ attributeName: "id", keyType: "HASH" }],
  attributeDefinitions: [{ attributeName: "id", attributeType: "S" }],
};

describe("the Cloud Control handler", () => {
  test("create sends the desired state in CloudFormation's names with the engine's token, follows the request to SUCCESS and reads the resource", async () => {
    cc.on(CreateResourceCommand).resolves(event("CREATE", "IN_PROGRESS"));
    cc.on(GetResourceRequestStatusCommand)
      .resolvesOnce(event("CREATE", "IN_PROGRESS", { StatusMessage: "Table is being created" }))
      .resolves(event("CREATE", "SUCCESS", { Identifier: "orders" }));
    cc.on(GetResourceCommand).resolves(described(TABLE));
    const { provider } = testProvider({ defaultTags: { team: "data" } });
    const ctx = callContext(TYPE, "orders");
    const inputs = await checked(provider, TYPE, ARGS);
    const result = await provider.create(inputs as never, "tok_en-1", ctx);

    expect(commandNames(cc)).toEqual(["CreateResource", "GetResourceRequestStatus", "GetResourceRequestStatus", "GetResource"]);
    const sent = cc.commandCalls(CreateResourceCommand)[0]!.args[0].input;
    expect(sent.TypeName).toBe(CFN);
    expect(sent.ClientToken).toBe("tok/en-1");
    expect(JSON.parse(sent.DesiredState!)).toEqual({
      TableName: "orders",
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      Tags: [{ Key: "team", Value: "data" }],
    });
    expect(cc.commandCalls(GetResourceRequestStatusCommand)[0]!.args[0].input).toEqual({ RequestToken: "req-1" });
    expect(ctx.progressMessages).toEqual(["IN_PROGRESS (0s elapsed)", expect.stringMatching(/^IN_PROGRESS: Table is being created \(\d+s elapsed\)$/)]);
    expect(result.id).toBe("orders");
    expect(result.outputs).toMatchObject({ arn: ARN, tableName: "orders", keySchema: [{ attributeName: "id", keyType: "HASH" }] });
  });

  test("update sends one JSON Patch operation per changed property, in CloudFormation's names, and nothing for unchanged ones", async () => {
    cc.on(UpdateResourceCommand).resolves(event("UPDATE", "IN_PROGRESS"));
    cc.on(GetResourceRequestStatusCommand).resolves(event("UPDATE", "SUCCESS", { Identifier: "orders" }));
    cc.on(GetResourceCommand).resolves(described({ ...TABLE, BillingMode: "PROVISIONED" }));
    const { provider } = testProvider();
    const olds = { ...ARGS, deletionProtectionEnabled: true, tags: [{ key: "env", value: "dev" }] };
    const news = { ...ARGS, billingMode: "PROVISIONED", provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 }, tags: [{ key: "env", value: "prod" }] };
    expect(await provider.diff(TYPE, "orders", olds as never, news as never, {})).toEqual({
      changes: ["billingMode", "deletionProtectionEnabled", "provisionedThroughput", "tags"],
    });
    const outputs = await provider.update("orders", olds as never, news as never, {}, callContext(TYPE, "orders"));

    expect(commandNames(cc)).toEqual(["UpdateResource", "GetResourceRequestStatus", "GetResource"]);
    const sent = cc.commandCalls(UpdateResourceCommand)[0]!.args[0].input;
    expect(sent).toMatchObject({ TypeName: CFN, Identifier: "orders" });
    expect(JSON.parse(sent.PatchDocument!)).toEqual([
      { op: "replace", path: "/BillingMode", value: "PROVISIONED" },
      { op: "remove", path: "/DeletionProtectionEnabled" },
      { op: "add", path: "/ProvisionedThroughput", value: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } },
      { op: "replace", path: "/Tags", value: [{ Key: "env", Value: "prod" }] },
    ]);
    expect(outputs).toMatchObject({ billingMode: "PROVISIONED", arn: ARN });
  });

  test("a change to a create-only property replaces; keeping the table's name makes the replacement delete first", async () => {
    const { provider } = testProvider();
    const news = { ...ARGS, keySchema: [{ attributeName: "pk", keyType: "HASH" }] };
    expect(await provider.diff(TYPE, "orders", ARGS as never, news as never, {})).toEqual({
      changes: ["keySchema"],
      replaces: ["keySchema"],
      deleteBeforeReplace: true,
    });
    const renamed = { ...news, tableName: "orders-v2" };
    expect(await provider.diff(TYPE, "orders", ARGS as never, renamed as never, {})).toEqual({
      changes: ["keySchema", "tableName"],
      replaces: ["keySchema", "tableName"],
    });
  });

  test("a replacement creates the new resource and then deletes the old one, each followed to its end", async () => {
    cc.on(CreateResourceCommand).resolves(event("CREATE", "SUCCESS", { Identifier: "orders-v2" }));
    cc.on(GetResourceCommand).resolves(described({ ...TABLE, TableName: "orders-v2" }));
    cc.on(DeleteResourceCommand).resolves(event("DELETE", "IN_PROGRESS", { Identifier: "orders" }));
    cc.on(GetResourceRequestStatusCommand).resolves(event("DELETE", "SUCCESS", { Identifier: "orders" }));
    const { provider } = testProvider();
    const created = await provider.create({ ...ARGS, tableName: "orders-v2" } as never, "t2", callContext(TYPE, "orders"));
    await provider.delete("orders", ARGS as never, {}, callContext(TYPE, "orders"));
    expect(created.id).toBe("orders-v2");
    expect(commandNames(cc)).toEqual(["CreateResource", "GetResource", "DeleteResource", "GetResourceRequestStatus"]);
    expect(cc.commandCalls(DeleteResourceCommand)[0]!.args[0].input).toEqual({ TypeName: CFN, Identifier: "orders" });
  });

  test("delete of a resource that is already gone succeeds, whether the call or the request says NotFound", async () => {
    cc.on(DeleteResourceCommand).rejectsOnce(awsError("ResourceNotFoundException", "not found", 404)).resolves(event("DELETE", "IN_PROGRESS"));
    cc.on(GetResourceRequestStatusCommand).resolves(event("DELETE", "FAILED", { ErrorCode: "NotFound", StatusMessage: "Table not found" }));
    const { provider } = testProvider();
    await provider.delete("orders", ARGS as never, {}, callContext(TYPE, "orders"));
    await provider.delete("orders", ARGS as never, {}, callContext(TYPE, "orders"));
    expect(commandNames(cc)).toEqual(["DeleteResource", "DeleteResource", "GetResourceRequestStatus"]);
  });

  test("a FAILED progress event fails the operation with the handler's error code and message", async () => {
    cc.on(CreateResourceCommand).resolves(event("CREATE", "IN_PROGRESS"));
    cc.on(GetResourceRequestStatusCommand).resolves(
      event("CREATE", "FAILED", { ErrorCode: "AlreadyExists", StatusMessage: "Resource of type 'AWS::DynamoDB::Table' with identifier 'orders' already exists." }),
    );
    const { provider } = testProvider();
    await expect(provider.create(ARGS as never, "t", callContext(TYPE, "orders"))).rejects.toThrow(
      `aws:native.dynamodb/Table "orders" failed while waiting for SUCCESS of the create request: AlreadyExists: Resource of type 'AWS::DynamoDB::Table' with identifier 'orders' already exists. (request req-1)`,
    );
    expect(commandNames(cc)).toEqual(["CreateResource", "GetResourceRequestStatus"]);
  });

  test("a request still in progress when the operation's time is up fails with TIMEOUT and its last status", async () => {
    cc.on(DeleteResourceCommand).resolves(event("DELETE", "IN_PROGRESS"));
    cc.on(GetResourceRequestStatusCommand).resolves(event("DELETE", "IN_PROGRESS", { StatusMessage: "Deleting replicas" }));
    const { provider } = testProvider();
    expect(provider.schema(TYPE)?.timeouts).toEqual({ create: 3_600_000, update: 3_600_000, delete: 3_600_000 });
    const ctx = callContext(TYPE, "orders", { timeoutMs: 60_000 });
    await expect(provider.delete("orders", ARGS as never, {}, ctx)).rejects.toMatchObject({
      code: "TIMEOUT",
      message: expect.stringContaining("did not reach SUCCESS of the delete request within 1m00s; last status: IN_PROGRESS: Deleting replicas."),
    });
  });

  test("a throttled status poll is retried with backoff and the wait goes on", async () => {
    cc.on(CreateResourceCommand).resolves(event("CREATE", "IN_PROGRESS"));
    cc.on(GetResourceRequestStatusCommand)
      .rejectsOnce(awsError("ThrottlingException", "Rate exceeded"))
      .resolves(event("CREATE", "SUCCESS", { Identifier: "orders" }));
    cc.on(GetResourceCommand).resolves(described(TABLE));
    const { provider, clock } = testProvider();
    const result = await provider.create(ARGS as never, "t", callContext(TYPE, "orders"));
    expect(result.id).toBe("orders");
    expect(commandNames(cc)).toEqual(["CreateResource", "GetResourceRequestStatus", "GetResourceRequestStatus", "GetResource"]);
    expect(clock.sleeps.length).toBe(2);
  });

  test("a create interrupted by a crash is finished with the same token: Cloud Control answers with the first request, and no second table is made", async () => {
    // The first run sent CreateResource and died while waiting; the engine resumes
    // the pending create with the token it recorded before the call.
    cc.on(CreateResourceCommand).resolves(event("CREATE", "IN_PROGRESS"));
    cc.on(GetResourceRequestStatusCommand).resolves(event("CREATE", "SUCCESS", { Identifier: "orders" }));
    cc.on(GetResourceCommand).resolves(described(TABLE));
    const { provider } = testProvider();
    expect(provider.schema(TYPE)?.idempotentCreate).toBe(true);
    const crashed = callContext(TYPE, "orders");
    const first = provider.create(ARGS as never, "recorded_token", crashed);
    crashed.controller.abort();
    await expect(first).rejects.toThrow();
    const resumed = await provider.create(ARGS as never, "recorded_token", callContext(TYPE, "orders"));
    const tokens = cc.commandCalls(CreateResourceCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens).toEqual(["recorded/token", "recorded/token"]);
    expect(resumed.id).toBe("orders");
  });

  test("a resumed create with changed inputs, which Cloud Control refuses for its token, says what to do", async () => {
    cc.on(CreateResourceCommand).rejects(awsError("ClientTokenConflictException", "The specified client token has already been used in another resource request."));
    const { provider } = testProvider();
    await expect(provider.create(ARGS as never, "recorded_token", callContext(TYPE, "orders"))).rejects.toThrow(
      /create refused \(ClientTokenConflictException\): an interrupted create of this resource was sent with other inputs/,
    );
  });

  test("import looks the id up with GetResource, then through the pages of ListResources", async () => {
    cc.on(GetResourceCommand).rejects(awsError("ResourceNotFoundException", "not found", 404));
    cc.on(ListResourcesCommand)
      .resolvesOnce({ TypeName: CFN, ResourceDescriptions: [{ Identifier: "other", Properties: "{}" }], NextToken: "p2" })
      .resolvesOnce({ TypeName: CFN, ResourceDescriptions: [{ Identifier: "orders", Properties: JSON.stringify(TABLE) }] });
    const { provider } = testProvider();
    const found = await provider.read("orders", {}, {}, callContext(TYPE, "orders"));
    expect(commandNames(cc)).toEqual(["GetResource", "ListResources", "ListResources"]);
    expect(cc.commandCalls(ListResourcesCommand)[1]!.args[0].input).toEqual({ TypeName: CFN, NextToken: "p2" });
    expect(found?.id).toBe("orders");
    expect(found?.inputs).toEqual(ARGS);
    expect(found?.outputs).toMatchObject({ arn: ARN });
  });

  test("import by one part of a compound identifier finds the one resource that has it; two that have it are an error listing both", async () => {
    cc.on(GetResourceCommand).rejects(awsError("ResourceNotFoundException", "not found", 404));
    cc.on(ListResourcesCommand)
      .resolvesOnce({ TypeName: CFN, ResourceDescriptions: [{ Identifier: "orders|eu", Properties: JSON.stringify(TABLE) }, { Identifier: "other|eu", Properties: "{}" }] })
      .resolves({ TypeName: CFN, ResourceDescriptions: [{ Identifier: "orders|eu", Properties: "{}" }, { Identifier: "orders|us", Properties: "{}" }] });
    const { provider } = testProvider();
    expect((await provider.read("orders", {}, {}, callContext(TYPE, "orders")))?.id).toBe("orders|eu");
    await expect(provider.read("orders", {}, {}, callContext(TYPE, "orders"))).rejects.toThrow(
      'aws:native.dynamodb/Table "orders": "orders" matches 2 AWS::DynamoDB::Table resources ("orders|eu", "orders|us"); import one by its full identifier.',
    );
  });

  test("import of a type that cannot be listed without a parent reports the id as not found", async () => {
    cc.on(GetResourceCommand).rejects(awsError("ResourceNotFoundException", "not found", 404));
    cc.on(ListResourcesCommand).rejects(awsError("InvalidRequestException", "Missing or invalid ResourceModel property"));
    const { provider } = testProvider();
    expect(await provider.read("orders", {}, {}, callContext(TYPE, "orders"))).toBeUndefined();
  });

  test("a create whose read fails afterwards still records the resource, from the final progress event's model", async () => {
    cc.on(CreateResourceCommand).resolves(event("CREATE", "SUCCESS", { Identifier: "orders", ResourceModel: JSON.stringify(TABLE) }));
    cc.on(GetResourceCommand).rejects(awsError("UnsupportedActionException", "Resource type does not support READ"));
    const { provider } = testProvider();
    const result = await provider.create(ARGS as never, "t", callContext(TYPE, "orders"));
    expect(result).toMatchObject({ id: "orders", outputs: { arn: ARN } });
  });

  test("refresh keeps a write-only property's recorded value (the cloud never reports it) and keeps it secret", async () => {
    cc.on(GetResourceCommand).resolves(described({ ...TABLE, BillingMode: "PROVISIONED" }));
    const { provider } = testProvider();
    expect(provider.schema(TYPE)?.secretOutputs).toEqual(["importSourceSpecification"]);
    const source = { inputFormat: "CSV", s3BucketSource: { s3Bucket: "seed" } };
    const recorded = { ...ARGS, importSourceSpecification: source };
    const found = await provider.read("orders", recorded as never, { arn: ARN } as never, callContext(TYPE, "orders"));
    expect(found?.inputs).toEqual({ ...recorded, billingMode: "PROVISIONED" });
  });

  test("refresh records what the cloud reports of what the program set, without the defaults the cloud adds inside it", async () => {
    const reported = { ...TABLE, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false, RecoveryPeriodInDays: 35 }, TableClass: "STANDARD" };
    cc.on(GetResourceCommand).resolves(described(reported));
    const { provider } = testProvider();
    const recorded = { ...ARGS, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } };
    const found = await provider.read("orders", recorded as never, { arn: ARN } as never, callContext(TYPE, "orders"));
    expect(found?.inputs).toEqual({ ...ARGS, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: false } });
    expect(found?.outputs).toMatchObject({ tableClass: "STANDARD", pointInTimeRecoverySpecification: { recoveryPeriodInDays: 35 } });
  });

  test("check names every bad property with its path: unknown names, missing required ones, wrong types", async () => {
    const { provider } = testProvider();
    const result = await provider.check(TYPE, { attributeDefinitions: [{ attributeName: 7 }], billingMod: "x", colour: "red", deletionProtectionEnabled: "yes" } as never);
    expect(result.failures).toEqual([
      { property: "attributeDefinitions.0.attributeName", reason: "expected a string, got 7" },
      { property: "attributeDefinitions.0.attributeType", reason: "is required" },
      { property: "billingMod", reason: "is not a property; did you mean billingMode?" },
      { property: "colour", reason: expect.stringMatching(/^is not a property; expected one of attributeDefinitions, billingMode, .*, …$/) },
      { property: "deletionProtectionEnabled", reason: 'expected a boolean, got "yes"' },
      { property: "keySchema", reason: "is required" },
    ]);
  });

  test("an unknown native type fails check with its token", async () => {
    const { provider } = testProvider();
    const result = await provider.check("aws:native.dynamodb/Tabel", {} as never);
    expect(result.failures?.[0]?.reason).toMatch(/no native type aws:native\.dynamodb\/Tabel \(AWS::DynamoDB has no Tabel\)/);
  });
});
