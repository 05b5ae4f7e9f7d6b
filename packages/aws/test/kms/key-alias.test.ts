import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, EnableKeyRotationCommand, KMSClient, ListAliasesCommand, ScheduleKeyDeletionCommand, UpdateAliasCommand } from "@aws-sdk/client-kms";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const kms = mockClient(KMSClient);
beforeEach(() => kms.reset());
afterAll(() => kms.restore());

const KEY = "aws:kms/Key";
const ALIAS = "aws:kms/Alias";
const meta = { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab", Arn: "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", KeyState: "Enabled" as const, Enabled: true };

describe("aws:kms/Key", () => {
  test("create makes the key with its tags, then turns rotation on, retrying while the new key is not visible", async () => {
    kms.on(CreateKeyCommand).resolves({ KeyMetadata: meta });
    kms.on(EnableKeyRotationCommand).rejectsOnce(awsError("NotFoundException", "Key does not exist")).resolves({});
    const { provider } = testProvider({ defaultTags: { team: "ml" } });
    const inputs = await checked(provider, KEY, { description: "state", enableKeyRotation: true });
    const result = await provider.create(inputs as never, "tok", callContext(KEY, "state"));
    expect(commandNames(kms)).toEqual(["CreateKey", "EnableKeyRotation", "EnableKeyRotation"]);
    expect(kms.commandCalls(CreateKeyCommand)[0]?.args[0].input.Tags).toEqual([{ TagKey: "team", TagValue: "ml" }]);
    expect(result).toMatchObject({ id: meta.KeyId, outputs: { keyId: meta.KeyId, arn: meta.Arn } });
  });

  test("destroy schedules deletion after the window; a key pending deletion reads as gone", async () => {
    kms.on(ScheduleKeyDeletionCommand).resolves({});
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { ...meta, KeyState: "PendingDeletion" } });
    const { provider } = testProvider();
    await provider.delete(meta.KeyId, { deletionWindowInDays: 7 }, {}, callContext(KEY, "state"));
    expect(kms.commandCalls(ScheduleKeyDeletionCommand)[0]?.args[0].input).toEqual({ KeyId: meta.KeyId, PendingWindowInDays: 7 });
    expect(await provider.read(meta.KeyId, {}, {}, callContext(KEY, "state"))).toBeUndefined();
  });

  test("the key spec replaces; rotation changes in place; key management APIs keep to 5 per second", async () => {
    const { provider } = testProvider();
    const olds = await checked(provider, KEY, {});
    expect(provider.diff(KEY, "k", olds as never, (await checked(provider, KEY, { keySpec: "RSA_2048" })) as never, {}).replaces).toEqual(["keySpec"]);
    expect(provider.diff(KEY, "k", olds as never, (await checked(provider, KEY, { enableKeyRotation: true })) as never, {}).replaces).toBeUndefined();
    expect(provider.limits(KEY, "create")).toEqual({ key: "kms:CreateKey", rate: { burst: 5, perSecond: 5 } });
  });
});

describe("aws:kms/Alias", () => {
  test("create retries while a new key is not visible; retargeting is an update in place", async () => {
    kms.on(CreateAliasCommand).rejectsOnce(awsError("NotFoundException", "Key does not exist")).resolves({});
    kms.on(UpdateAliasCommand).resolves({});
    kms.on(ListAliasesCommand).resolves({ Aliases: [{ AliasName: "alias/cairn-state", AliasArn: "arn:aws:kms:us-west-2:123456789012:alias/cairn-state", TargetKeyId: meta.KeyId }] });
    const { provider } = testProvider();
    const inputs = await checked(provider, ALIAS, { name: "alias/cairn-state", targetKeyId: meta.KeyId });
    const result = await provider.create(inputs as never, "tok", callContext(ALIAS, "state"));
    expect(commandNames(kms)).toEqual(["CreateAlias", "CreateAlias", "ListAliases"]);
    expect(result.outputs.targetKeyArn).toBe(meta.Arn);
    const news = await checked(provider, ALIAS, { name: "alias/cairn-state", targetKeyId: "other" });
    expect(provider.diff(ALIAS, "alias/cairn-state", inputs as never, news as never, {})).toEqual({ changes: ["targetKeyId"] });
  });

  test("check refuses names under alias/aws/", async () => {
    const { provider } = testProvider();
    expect((await provider.check(ALIAS, { name: "alias/aws/s3", targetKeyId: "k" } as never)).failures).toEqual([expect.objectContaining({ property: "name" })]);
  });
});
