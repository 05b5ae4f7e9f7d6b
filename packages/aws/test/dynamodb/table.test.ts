import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const db = mockClient(DynamoDBClient);
beforeEach(() => db.reset());
afterAll(() => db.restore());

const TYPE = "aws:dynamodb/Table";
const ARN = "arn:aws:dynamodb:us-west-2:123456789012:table/features";
const base = { name: "features", hashKey: "entityId", attributes: [{ name: "entityId", type: "S" }] };
const active = (extra: Record<string, unknown> = {}) => ({
  Table: { TableName: "features", TableArn: ARN, TableStatus: "ACTIVE", KeySchema: [{ AttributeName: "entityId", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "entityId", AttributeType: "S" }], BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" }, ...extra },
});

describe("aws:dynamodb/Table", () => {
  test("check names every property at fault: undeclared keys, unused attributes, capacity without provisioned billing", async () => {
    const { provider } = testProvider();
    const result = await provider.check(TYPE, { hashKey: "id", rangeKey: "ts", attributes: [{ name: "id", type: "S" }, { name: "extra", type: "N" }], readCapacity: 5 } as never);
    expect(result.failures?.map((f) => f.property).sort()).toEqual(["attributes", "rangeKey", "readCapacity"]);
  });

  test("create sends the whole table at once, waits for ACTIVE with DynamoDB's waiter, then turns on TTL and recovery", async () => {
    db.on(CreateTableCommand).resolves({});
    db.on(DescribeTableCommand).resolves(active());
    db.on(UpdateTimeToLiveCommand).resolves({});
    db.on(UpdateContinuousBackupsCommand).resolves({});
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { ...base, ttl: { attributeName: "expiresAt" }, pointInTimeRecovery: { enabled: true }, streamEnabled: true, streamViewType: "NEW_IMAGE", tags: { team: "ml" } });
    const result = await provider.create(inputs as never, "tok", callContext(TYPE, "features"));
    expect(commandNames(db)).toEqual(["CreateTable", "DescribeTable", "UpdateTimeToLive", "UpdateContinuousBackups", "DescribeTable"]);
    expect(db.commandCalls(CreateTableCommand)[0]?.args[0].input).toEqual({
      TableName: "features",
      AttributeDefinitions: [{ AttributeName: "entityId", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "entityId", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
      Tags: [{ Key: "team", Value: "ml" }],
    });
    expect(result).toMatchObject({ id: "features", outputs: { arn: ARN, name: "features" } });
  });

  test("the waiter keeps looking while the table is CREATING, and a fresh table's not-found counts as not yet", async () => {
    db.on(CreateTableCommand).resolves({});
    db.on(DescribeTableCommand)
      .rejectsOnce(awsError("ResourceNotFoundException", "Requested resource not found", 400))
      .resolvesOnce(active({ TableStatus: "CREATING" }))
      .resolves(active());
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, base);
    await provider.create(inputs as never, "tok", callContext(TYPE, "features"));
    expect(commandNames(db)).toEqual(["CreateTable", "DescribeTable", "DescribeTable", "DescribeTable", "DescribeTable"]);
  }, 15_000);

  test("an explicit name that exists already is an error that names the property and how to adopt it", async () => {
    db.on(CreateTableCommand).rejects(awsError("ResourceInUseException", "Table already exists: features"));
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, base);
    await expect(provider.create(inputs as never, "tok", callContext(TYPE, "features"))).rejects.toThrow('A DynamoDB table named "features" [property "name"] already exists. Adopt it with the import option');
  });

  test("a billing mode change is an update in place; a new sort key or a key type change replaces the table", async () => {
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, base);
    const billing = await checked(provider, TYPE, { ...base, billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 5 });
    expect(provider.diff(TYPE, "features", olds as never, billing as never, {})).toEqual({ changes: ["billingMode", "readCapacity", "writeCapacity"] });
    const sortKey = await checked(provider, TYPE, { ...base, rangeKey: "ts", attributes: [...base.attributes, { name: "ts", type: "N" }] });
    expect(provider.diff(TYPE, "features", olds as never, sortKey as never, {})).toMatchObject({ replaces: ["rangeKey"], deleteBeforeReplace: true });
    const keyType = await checked(provider, TYPE, { ...base, attributes: [{ name: "entityId", type: "N" }] });
    expect(provider.diff(TYPE, "features", olds as never, keyType as never, {}).replaces).toEqual(["attributes"]);
  });

  test("update switches billing to PROVISIONED with the indexes' capacity, then adds an index alone and waits for it", async () => {
    db.on(UpdateTableCommand).resolves({});
    const gsi = { IndexName: "byTeam", IndexStatus: "ACTIVE" };
    db.on(DescribeTableCommand)
      .resolvesOnce(active())
      .resolvesOnce(active({ GlobalSecondaryIndexes: [{ ...gsi, IndexStatus: "CREATING" }] }))
      .resolves(active({ GlobalSecondaryIndexes: [gsi] }));
    const { provider, clock } = testProvider();
    const olds = await checked(provider, TYPE, base);
    const news = await checked(provider, TYPE, {
      ...base,
      billingMode: "PROVISIONED",
      readCapacity: 5,
      writeCapacity: 5,
      attributes: [...base.attributes, { name: "team", type: "S" }],
      globalSecondaryIndexes: [{ name: "byTeam", hashKey: "team", readCapacity: 1, writeCapacity: 1 }],
    });
    await provider.update("features", olds as never, news as never, { arn: ARN }, callContext(TYPE, "features"));
    expect(commandNames(db)).toEqual(["UpdateTable", "DescribeTable", "UpdateTable", "DescribeTable", "DescribeTable", "DescribeTable"]);
    const [billing, create] = db.commandCalls(UpdateTableCommand).map((c) => c.args[0].input);
    expect(billing).toEqual({ TableName: "features", BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } });
    expect(create?.GlobalSecondaryIndexUpdates?.[0]?.Create).toMatchObject({ IndexName: "byTeam", ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } });
    expect(clock.sleeps.length).toBe(1);
  });

  test("throttling of a follow-up call is retried with backoff, not surfaced", async () => {
    db.on(UpdateTimeToLiveCommand).rejectsOnce(awsError("ThrottlingException", "Rate exceeded")).resolves({});
    db.on(DescribeTableCommand).resolves(active());
    db.on(TagResourceCommand).resolves({});
    const { provider, clock } = testProvider();
    const olds = await checked(provider, TYPE, base);
    const news = await checked(provider, TYPE, { ...base, ttl: { attributeName: "expiresAt" }, tags: { team: "ml" } });
    await provider.update("features", olds as never, news as never, { arn: ARN }, callContext(TYPE, "features"));
    expect(commandNames(db)).toEqual(["UpdateTimeToLive", "UpdateTimeToLive", "DescribeTable", "TagResource"]);
    expect(clock.sleeps.length).toBe(1);
    expect(provider.classifyError(awsError("ThrottlingException"))).toBe("throttle");
  });

  test("delete retries while the table is busy, then waits until DynamoDB no longer finds it", async () => {
    db.on(DeleteTableCommand).rejectsOnce(awsError("ResourceInUseException", "Attempt to change a resource which is still in use")).resolves({});
    db.on(DescribeTableCommand).resolvesOnce(active({ TableStatus: "DELETING" })).rejects(awsError("ResourceNotFoundException", "Requested resource not found"));
    const { provider } = testProvider();
    await provider.delete("features", {}, {}, callContext(TYPE, "features"));
    expect(commandNames(db)).toEqual(["DeleteTable", "DeleteTable", "DescribeTable", "DescribeTable"]);
  }, 15_000);

  test("refresh reads TTL, recovery and tags and reports them property by property", async () => {
    db.on(DescribeTableCommand).resolves(active());
    db.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: { TimeToLiveStatus: "DISABLED" } });
    db.on(DescribeContinuousBackupsCommand).resolves({ ContinuousBackupsDescription: { ContinuousBackupsStatus: "ENABLED", PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "ENABLED" } } });
    db.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: "team", Value: "data" }] });
    const { provider } = testProvider();
    const recorded = await checked(provider, TYPE, { ...base, ttl: { attributeName: "expiresAt" }, tags: { team: "ml" } });
    const read = await provider.read("features", recorded as never, {}, callContext(TYPE, "features"));
    expect(read?.inputs).toMatchObject({ pointInTimeRecovery: { enabled: true }, tags: { team: "data" } });
    expect(read?.inputs?.ttl).toBeUndefined();
    expect(read?.inputs).toMatchObject({ hashKey: "entityId", billingMode: "PAY_PER_REQUEST", attributes: base.attributes });
  });

  test("a table deleted outside Cairn reads as gone after the not-found is confirmed", async () => {
    db.on(DescribeTableCommand).rejects(awsError("ResourceNotFoundException", "Requested resource not found"));
    const { provider } = testProvider();
    expect(await provider.read("features", {}, {}, callContext(TYPE, "features"))).toBeUndefined();
    expect(db.commandCalls(DescribeTableCommand).length).toBeGreaterThan(1);
  });
});
