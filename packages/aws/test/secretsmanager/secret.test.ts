import { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const sm = mockClient(SecretsManagerClient);
beforeEach(() => sm.reset());
afterAll(() => sm.restore());

const TYPE = "aws:secretsmanager/Secret";
const ARN = "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-password-AbCdEf";

describe("aws:secretsmanager/Secret", () => {
  test("the value is declared a secret output, so it is sealed in state whatever the program passed", () => {
    const { provider } = testProvider();
    expect(provider.schema(TYPE)?.secretOutputs).toEqual(["secretString"]);
  });

  test("create sends the value with a request token derived from the create's token, so a retry makes no second version", async () => {
    sm.on(CreateSecretCommand).resolves({ ARN, Name: "db-password" });
    sm.on(DescribeSecretCommand).resolves({ ARN, Name: "db-password" });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "db-password", secretString: "hunter2" });
    const result = await provider.create(inputs as never, "tok", callContext(TYPE, "db"));
    const sent = sm.commandCalls(CreateSecretCommand)[0]!.args[0].input;
    expect(sent).toMatchObject({ Name: "db-password", SecretString: "hunter2" });
    expect(sent.ClientRequestToken).toHaveLength(36);
    expect(result.id).toBe(ARN);
  });

  test("a name still in its recovery window is explained", async () => {
    sm.on(CreateSecretCommand).rejects(awsError("ResourceExistsException", "You can't create this secret because a secret with this name is already scheduled for deletion."));
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "db-password", secretString: "x" });
    await expect(provider.create(inputs as never, "tok", callContext(TYPE, "db"))).rejects.toThrow("scheduled for deletion: restore it");
  });

  test("a new value is a new version in place", async () => {
    sm.on(PutSecretValueCommand).resolves({});
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { name: "db-password", secretString: "one" });
    const news = await checked(provider, TYPE, { name: "db-password", secretString: "two" });
    await provider.update(ARN, olds as never, news as never, { name: "db-password", arn: ARN }, callContext(TYPE, "db"));
    expect(commandNames(sm)).toEqual(["PutSecretValue"]);
  });

  test("refresh of an adopted secret never copies its value into state", async () => {
    sm.on(DescribeSecretCommand).resolves({ ARN, Name: "db-password" });
    sm.on(GetSecretValueCommand).resolves({ SecretString: "outside" });
    const { provider } = testProvider();
    const read = await provider.read(ARN, {}, {}, callContext(TYPE, "db"));
    expect(read?.inputs?.secretString).toBeUndefined();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  test("a secret scheduled for deletion reads as gone; delete honours a recovery window of 0", async () => {
    sm.on(DescribeSecretCommand).resolves({ ARN, Name: "db-password", DeletedDate: new Date() });
    sm.on(DeleteSecretCommand).resolves({});
    const { provider } = testProvider();
    expect(await provider.read(ARN, {}, {}, callContext(TYPE, "db"))).toBeUndefined();
    await provider.delete(ARN, { recoveryWindowInDays: 0 }, {}, callContext(TYPE, "db"));
    expect(sm.commandCalls(DeleteSecretCommand)[0]?.args[0].input).toEqual({ SecretId: ARN, ForceDeleteWithoutRecovery: true });
  });
});
