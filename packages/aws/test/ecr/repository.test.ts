import { CreateRepositoryCommand, DeleteLifecyclePolicyCommand, DeleteRepositoryCommand, DescribeRepositoriesCommand, ECRClient, GetLifecyclePolicyCommand, ListTagsForResourceCommand, PutImageScanningConfigurationCommand, PutLifecyclePolicyCommand } from "@aws-sdk/client-ecr";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const ecr = mockClient(ECRClient);
beforeEach(() => ecr.reset());
afterAll(() => ecr.restore());

const TYPE = "aws:ecr/Repository";
const repo = { repositoryName: "trainer", repositoryArn: "arn:aws:ecr:us-west-2:123456789012:repository/trainer", repositoryUri: "123456789012.dkr.ecr.us-west-2.amazonaws.com/trainer", registryId: "123456789012", imageTagMutability: "MUTABLE" as const, imageScanningConfiguration: { scanOnPush: false }, encryptionConfiguration: { encryptionType: "AES256" as const } };
const lifecycle = { rules: [{ rulePriority: 1, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 10 }, action: { type: "expire" } }] };

describe("aws:ecr/Repository", () => {
  test("create makes the repository, then puts its lifecycle policy, retrying while the new repository is not visible", async () => {
    ecr.on(CreateRepositoryCommand).resolves({ repository: repo });
    ecr.on(PutLifecyclePolicyCommand).rejectsOnce(awsError("RepositoryNotFoundException", "The repository does not exist")).resolves({});
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "trainer", lifecyclePolicy: JSON.stringify(lifecycle) });
    const result = await provider.create(inputs as never, "tok", callContext(TYPE, "trainer"));
    expect(commandNames(ecr)).toEqual(["CreateRepository", "PutLifecyclePolicy", "PutLifecyclePolicy"]);
    expect(JSON.parse(ecr.commandCalls(PutLifecyclePolicyCommand)[0]!.args[0].input.lifecyclePolicyText!)).toEqual(lifecycle);
    expect(result).toMatchObject({ id: "trainer", outputs: { repositoryUrl: repo.repositoryUri, lifecyclePolicy: lifecycle } });
  });

  test("a policy given as text or as an object is the same input; encryption changes replace, scanning changes in place", async () => {
    const { provider } = testProvider();
    const text = await checked(provider, TYPE, { name: "trainer", lifecyclePolicy: JSON.stringify(lifecycle) });
    const object = await checked(provider, TYPE, { name: "trainer", lifecyclePolicy: lifecycle });
    expect(provider.diff(TYPE, "trainer", text as never, object as never, {})).toEqual({ changes: [] });
    const kms = await checked(provider, TYPE, { name: "trainer", lifecyclePolicy: lifecycle, encryptionType: "KMS" });
    expect(provider.diff(TYPE, "trainer", object as never, kms as never, {})).toMatchObject({ replaces: ["encryptionType"] });
    const scan = await checked(provider, TYPE, { name: "trainer", lifecyclePolicy: lifecycle, scanOnPush: true });
    expect(provider.diff(TYPE, "trainer", object as never, scan as never, {}).replaces).toBeUndefined();
  });

  test("update changes scanning and removes the lifecycle policy in place", async () => {
    ecr.onAnyCommand().resolves({});
    ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [repo] });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { name: "trainer", lifecyclePolicy: lifecycle });
    const news = await checked(provider, TYPE, { name: "trainer", scanOnPush: true });
    await provider.update("trainer", olds as never, news as never, { arn: repo.repositoryArn }, callContext(TYPE, "trainer"));
    expect(commandNames(ecr)).toEqual(["PutImageScanningConfiguration", "DeleteLifecyclePolicy", "DescribeRepositories"]);
    expect(ecr.commandCalls(PutImageScanningConfigurationCommand)[0]?.args[0].input.imageScanningConfiguration).toEqual({ scanOnPush: true });
    expect(ecr.commandCalls(DeleteLifecyclePolicyCommand)).toHaveLength(1);
  });

  test("deleting a repository that still holds images explains forceDelete", async () => {
    ecr.on(DeleteRepositoryCommand).rejects(awsError("RepositoryNotEmptyException", "The repository cannot be deleted because it still contains images"));
    const { provider } = testProvider();
    await expect(provider.delete("trainer", { forceDelete: false }, {}, callContext(TYPE, "trainer"))).rejects.toThrow("still holds images. Delete them, or set forceDelete: true");
  });

  test("refresh reports a lifecycle policy removed outside Cairn", async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [repo] });
    ecr.on(GetLifecyclePolicyCommand).rejects(awsError("LifecyclePolicyNotFoundException", "Lifecycle policy does not exist"));
    ecr.on(ListTagsForResourceCommand).resolves({ tags: [] });
    const { provider } = testProvider();
    const recorded = await checked(provider, TYPE, { name: "trainer", lifecyclePolicy: lifecycle });
    const read = await provider.read("trainer", recorded as never, {}, callContext(TYPE, "trainer"));
    expect(read?.inputs?.lifecyclePolicy).toBeUndefined();
    expect(read?.inputs).toMatchObject({ name: "trainer", scanOnPush: false });
  });
});
