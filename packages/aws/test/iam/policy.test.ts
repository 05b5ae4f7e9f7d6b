import { AttachRolePolicyCommand, CreatePolicyCommand, CreatePolicyVersionCommand, DeletePolicyCommand, DeletePolicyVersionCommand, DetachRolePolicyCommand, GetPolicyCommand, IAMClient, ListAttachedRolePoliciesCommand, ListPolicyVersionsCommand } from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const iam = mockClient(IAMClient);
beforeEach(() => iam.reset());
afterAll(() => iam.restore());

const POLICY = "aws:iam/Policy";
const ATTACHMENT = "aws:iam/RolePolicyAttachment";
const ARN = "arn:aws:iam::123456789012:policy/read-data";
const doc = (actions: string[]) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] });

describe("aws:iam/Policy", () => {
  test("create returns the ARN as the id", async () => {
    iam.on(CreatePolicyCommand).resolves({ Policy: { PolicyName: "read-data", Arn: ARN, PolicyId: "ANPA1" } });
    const { provider } = testProvider();
    const inputs = await checked(provider, POLICY, { name: "read-data", policy: JSON.stringify(doc(["s3:GetObject"])) });
    const result = await provider.create(inputs as never, "tok", callContext(POLICY, "read-data"));
    expect(result).toMatchObject({ id: ARN, outputs: { policyId: "ANPA1" } });
  });

  test("a changed document becomes the default version, after the oldest other version makes room", async () => {
    const versions = [1, 2, 3, 4, 5].map((n) => ({ VersionId: `v${n}`, IsDefaultVersion: n === 5, CreateDate: new Date(2026, 0, n) }));
    iam.on(ListPolicyVersionsCommand).resolves({ Versions: versions });
    iam.on(DeletePolicyVersionCommand).resolves({});
    iam.on(CreatePolicyVersionCommand).resolves({});
    iam.on(GetPolicyCommand).resolves({ Policy: { PolicyName: "read-data", Arn: ARN } });
    const { provider } = testProvider();
    const olds = await checked(provider, POLICY, { name: "read-data", policy: doc(["s3:GetObject"]) });
    const news = await checked(provider, POLICY, { name: "read-data", policy: doc(["s3:GetObject", "s3:ListBucket"]) });
    await provider.update(ARN, olds as never, news as never, {}, callContext(POLICY, "read-data"));
    expect(commandNames(iam)).toEqual(["ListPolicyVersions", "DeletePolicyVersion", "CreatePolicyVersion", "GetPolicy"]);
    expect(iam.commandCalls(DeletePolicyVersionCommand)[0]?.args[0].input.VersionId).toBe("v1");
    expect(iam.commandCalls(CreatePolicyVersionCommand)[0]?.args[0].input.SetAsDefault).toBe(true);
  });

  test("a policy still attached outside the stack is explained on delete", async () => {
    iam.on(ListPolicyVersionsCommand).resolves({ Versions: [{ VersionId: "v1", IsDefaultVersion: true }] });
    iam.on(DeletePolicyCommand).rejects(awsError("DeleteConflict", "Cannot delete a policy attached to entities.", 409));
    const { provider } = testProvider();
    await expect(provider.delete(ARN, {}, {}, callContext(POLICY, "read-data"))).rejects.toThrow("still attached to a role, user or group this stack does not manage");
  });
});

describe("aws:iam/RolePolicyAttachment", () => {
  test("attaching retries while a fresh role is not visible; the id is role/ARN", async () => {
    iam.on(AttachRolePolicyCommand).rejectsOnce(awsError("NoSuchEntity", "The role with name trainer cannot be found.", 404)).resolves({});
    const { provider } = testProvider();
    const inputs = await checked(provider, ATTACHMENT, { role: "trainer", policyArn: ARN });
    const result = await provider.create(inputs as never, "tok", callContext(ATTACHMENT, "a"));
    expect(commandNames(iam)).toEqual(["AttachRolePolicy", "AttachRolePolicy"]);
    expect(result.id).toBe(`trainer/${ARN}`);
  });

  test("read finds the attachment; a detached policy reads as gone; detaching twice is fine", async () => {
    iam.on(ListAttachedRolePoliciesCommand).resolvesOnce({ AttachedPolicies: [{ PolicyArn: ARN }] }).resolves({ AttachedPolicies: [] });
    iam.on(DetachRolePolicyCommand).rejects(awsError("NoSuchEntity", "Policy is not attached", 404));
    const { provider } = testProvider();
    expect(await provider.read(`trainer/${ARN}`, {}, {}, callContext(ATTACHMENT, "a"))).toMatchObject({ inputs: { role: "trainer", policyArn: ARN } });
    expect(await provider.read(`trainer/${ARN}`, {}, {}, callContext(ATTACHMENT, "a"))).toBeUndefined();
    await provider.delete(`trainer/${ARN}`, {}, {}, callContext(ATTACHMENT, "a"));
  });
});
