import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { awsError, callContext, checked, commandNames, testProvider } from "../support/fakes.js";

const iam = mockClient(IAMClient);
beforeEach(() => iam.reset());
afterAll(() => iam.restore());

const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }] };
const readOnly = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" }] };
const role = { RoleName: "trainer", Arn: "arn:aws:iam::123456789012:role/trainer", RoleId: "AROA1", Path: "/", CreateDate: new Date("2026-01-01T00:00:00Z"), AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)), MaxSessionDuration: 3600 };

describe("aws:iam/Role", () => {
  const TYPE = "aws:iam/Role";

  test("check accepts the trust policy as JSON text and keeps it as an object", async () => {
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { assumeRolePolicy: JSON.stringify(trust), managedPolicyArns: ["arn:b", "arn:a"] });
    expect(inputs).toMatchObject({ assumeRolePolicy: trust, managedPolicyArns: ["arn:a", "arn:b"], path: "/", maxSessionDuration: 3600 });
  });

  test("create waits until IAM shows the role, then attaches policies and puts inline ones", async () => {
    iam.on(CreateRoleCommand).resolves({});
    iam.on(GetRoleCommand).rejectsOnce(awsError("NoSuchEntity", "The role with name trainer cannot be found.", 404)).resolves({ Role: role });
    iam.on(AttachRolePolicyCommand).resolves({});
    iam.on(PutRolePolicyCommand).resolves({});
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "trainer", assumeRolePolicy: trust, managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"], inlinePolicies: { read: readOnly }, tags: { team: "ml" } });
    const result = await provider.create(inputs as never, "t", callContext(TYPE, "trainer"));
    expect(commandNames(iam)).toEqual(["CreateRole", "GetRole", "GetRole", "AttachRolePolicy", "PutRolePolicy"]);
    expect(iam.commandCalls(CreateRoleCommand)[0]?.args[0].input).toEqual({
      RoleName: "trainer",
      Path: "/",
      AssumeRolePolicyDocument: JSON.stringify(trust),
      MaxSessionDuration: 3600,
      Tags: [{ Key: "team", Value: "ml" }],
    });
    expect(result).toMatchObject({ id: "trainer", outputs: { arn: "arn:aws:iam::123456789012:role/trainer", uniqueId: "AROA1", createDate: "2026-01-01T00:00:00.000Z" } });
  });

  test("an explicit name that exists already is an error naming the property", async () => {
    iam.on(CreateRoleCommand).rejects(awsError("EntityAlreadyExists", "Role with name trainer already exists.", 409));
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "trainer", assumeRolePolicy: trust });
    await expect(provider.create(inputs as never, "t", callContext(TYPE, "trainer"))).rejects.toThrow('An IAM role named "trainer" [property "name"] already exists.');
  });

  test("update changes the trust policy and swaps managed policies", async () => {
    iam.onAnyCommand().resolves({});
    iam.on(GetRoleCommand).resolves({ Role: role });
    const { provider } = testProvider();
    const olds = await checked(provider, TYPE, { name: "trainer", assumeRolePolicy: trust, managedPolicyArns: ["arn:old"] });
    const otherTrust = { ...trust, Statement: [{ ...trust.Statement[0], Principal: { Service: "ec2.amazonaws.com" } }] };
    const news = await checked(provider, TYPE, { name: "trainer", assumeRolePolicy: otherTrust, managedPolicyArns: ["arn:new"] });
    await provider.update("trainer", olds as never, news as never, {}, callContext(TYPE, "trainer"));
    expect(commandNames(iam)).toEqual(["UpdateAssumeRolePolicy", "AttachRolePolicy", "DetachRolePolicy", "GetRole"]);
    expect(iam.commandCalls(UpdateAssumeRolePolicyCommand)[0]?.args[0].input.PolicyDocument).toBe(JSON.stringify(otherTrust));
  });

  test("delete detaches managed policies and deletes inline ones before deleting the role", async () => {
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [{ PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }] });
    iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: ["read"] });
    iam.on(DetachRolePolicyCommand).resolves({});
    iam.on(DeleteRolePolicyCommand).resolves({});
    iam.on(DeleteRoleCommand).resolves({});
    const { provider } = testProvider();
    await provider.delete("trainer", {}, {}, callContext(TYPE, "trainer"));
    expect(commandNames(iam)).toEqual(["ListAttachedRolePolicies", "DetachRolePolicy", "ListRolePolicies", "DeleteRolePolicy", "DeleteRole"]);
  });

  test("read keeps the program's spelling of a policy IAM returns in another shape", async () => {
    const asIamReturnsIt = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: ["*"] }] };
    iam.on(GetRoleCommand).resolves({ Role: role });
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
    iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: ["read"] });
    iam.on(GetRolePolicyCommand).resolves({ PolicyDocument: encodeURIComponent(JSON.stringify(asIamReturnsIt)) });
    const { provider } = testProvider();
    const recorded = await checked(provider, TYPE, { name: "trainer", assumeRolePolicy: trust, inlinePolicies: { read: readOnly } });
    const read = await provider.read("trainer", recorded as never, {}, callContext(TYPE, "trainer"));
    expect(read?.inputs).toEqual(recorded);
  });

  test("a role deleted outside Cairn reads as gone", async () => {
    iam.on(GetRoleCommand).rejects(awsError("NoSuchEntity", "The role with name trainer cannot be found.", 404));
    const { provider } = testProvider();
    expect(await provider.read("trainer", {}, {}, callContext(TYPE, "trainer"))).toBeUndefined();
  });
});

describe("aws:iam/InstanceProfile", () => {
  const TYPE = "aws:iam/InstanceProfile";

  test("create adds the role, retrying while a fresh role is not visible to IAM yet", async () => {
    iam.onAnyCommand().resolves({});
    iam.on(AddRoleToInstanceProfileCommand).rejectsOnce(awsError("NoSuchEntity", "The role with name web cannot be found.", 404)).resolves({});
    iam
      .on(GetInstanceProfileCommand)
      .resolvesOnce({ InstanceProfile: { InstanceProfileName: "web-profile", Arn: "arn:p", InstanceProfileId: "AIPA1", Path: "/", Roles: [], CreateDate: new Date() } })
      .resolves({ InstanceProfile: { InstanceProfileName: "web-profile", Arn: "arn:p", InstanceProfileId: "AIPA1", Path: "/", Roles: [role], CreateDate: new Date() } });
    const { provider } = testProvider();
    const inputs = await checked(provider, TYPE, { name: "web-profile", role: "web" });
    const result = await provider.create(inputs as never, "t", callContext(TYPE, "web"));
    expect(commandNames(iam)).toEqual(["CreateInstanceProfile", "GetInstanceProfile", "AddRoleToInstanceProfile", "AddRoleToInstanceProfile", "GetInstanceProfile"]);
    expect(result.outputs).toMatchObject({ arn: "arn:p", name: "web-profile" });
  });

  test("delete removes the role before deleting the profile", async () => {
    iam.onAnyCommand().resolves({});
    iam.on(GetInstanceProfileCommand).resolves({ InstanceProfile: { InstanceProfileName: "p", Arn: "arn:p", InstanceProfileId: "A", Path: "/", Roles: [role], CreateDate: new Date() } });
    const { provider } = testProvider();
    await provider.delete("p", {}, {}, callContext(TYPE, "p"));
    expect(commandNames(iam)).toEqual(["GetInstanceProfile", "RemoveRoleFromInstanceProfile", "DeleteInstanceProfile"]);
  });
});
