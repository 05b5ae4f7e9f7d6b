import { testProgram } from "@cairn/core/testing";
import { ModelRegistry, type ModelRegistryArgs } from "../src/index.js";

// Outputs the way AWS would give them, from the logical name.
const mocks = {
  newResource: ({ type, name }: { type: string; name: string }) => {
    const arn = `arn:aws:${type.split(":")[1]!.split("/")[0]}:us-west-2:123456789012:${name}`;
    if (type === "aws:s3/Bucket") return { id: `${name}-a1b2`, outputs: { bucket: `${name}-a1b2`, arn: `arn:aws:s3:::${name}-a1b2` } };
    if (type === "aws:sagemaker/ModelPackageGroup") return { id: name, outputs: { name, arn: `arn:aws:sagemaker:us-west-2:123456789012:model-package-group/${name}` } };
    return { id: name, outputs: { name, arn } };
  },
};

const registry = (args: ModelRegistryArgs = {}, protect = false) =>
  testProgram(
    () => {
      const r = new ModelRegistry("registry", { tags: { team: "ranking" }, ...args }, { protect });
      return { artifactsUri: r.artifactsUri, modelRoleArn: r.modelRoleArn, deployerRoleArn: r.deployerRoleArn, group: r.modelPackageGroupName, table: r.tableName };
    },
    { mocks },
  );

describe("ModelRegistry", () => {
  it("keeps every artifact version, expires old versions after 90 days and refuses to delete a non-empty bucket by default", async () => {
    const result = await registry();
    expect(result.resource("registry-artifacts").inputs).toEqual({
      versioning: true,
      lifecycleRules: [{ id: "expire-old-versions", noncurrentVersionExpirationDays: 90 }],
      forceDestroy: false,
      tags: { team: "ranking" },
    });
    expect(result.outputs.artifactsUri).toBe("s3://registry-artifacts-a1b2/models/");
    const dev = await registry({ forceDestroy: true, noncurrentVersionExpirationDays: 7 });
    expect(dev.resource("registry-artifacts").inputs).toMatchObject({ forceDestroy: true, lifecycleRules: [{ noncurrentVersionExpirationDays: 7 }] });
  });

  it("keys the metadata table by model and version, indexes it by stage and keeps point-in-time recovery", async () => {
    const table = (await registry()).resource("registry-metadata");
    expect(table.type).toBe("aws:dynamodb/Table");
    expect(table.inputs).toMatchObject({
      hashKey: "modelName",
      rangeKey: "version",
      globalSecondaryIndexes: [{ name: "by-stage", hashKey: "stage", rangeKey: "modelName" }],
      pointInTimeRecovery: { enabled: true },
    });
    // Every attribute a key uses, and no other: DynamoDB refuses anything else.
    expect((table.inputs.attributes as { name: string }[]).map((a) => a.name).sort()).toEqual(["modelName", "stage", "version"]);
  });

  it("lets the deployer create configs and update endpoints, pass only the model role, and read only this registry", async () => {
    const result = await registry({ deployerPrincipals: ["arn:aws:iam::123456789012:role/ci"] });
    const deployer = result.resource("registry-deployer").inputs;
    const statements = (deployer.inlinePolicies as { deploy: { Statement: { Action: string | string[]; Resource: unknown }[] } }).deploy.Statement;
    const byAction = (action: string) => statements.find((s) => ([] as string[]).concat(s.Action).includes(action))?.Resource;
    expect(byAction("sagemaker:UpdateEndpoint")).toBe("*");
    expect(byAction("iam:PassRole")).toBe("arn:aws:iam:us-west-2:123456789012:registry-model");
    expect(byAction("s3:GetObject")).toEqual(["arn:aws:s3:::registry-artifacts-a1b2", "arn:aws:s3:::registry-artifacts-a1b2/*"]);
    expect(byAction("sagemaker:UpdateModelPackage")).toEqual([
      "arn:aws:sagemaker:us-west-2:123456789012:model-package-group/registry-models",
      "arn:aws:sagemaker:us-west-2:123456789012:model-package/registry-models/*",
    ]);
    expect(deployer.assumeRolePolicy).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: ["sagemaker.amazonaws.com", "lambda.amazonaws.com"] }, Action: "sts:AssumeRole" },
        { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:role/ci"] }, Action: "sts:AssumeRole" },
      ],
    });
    expect(result.resource("registry-model").inputs.assumeRolePolicy).toMatchObject({ Statement: [{ Principal: { Service: ["sagemaker.amazonaws.com"] } }] });
  });

  it("passes protect on to every resource, so a prod stack cannot delete the registry", async () => {
    const result = await registry({}, true);
    const children = result.childrenOf(result.resource("registry").urn);
    expect(children.map((c) => c.type).sort()).toEqual(["aws:dynamodb/Table", "aws:iam/Role", "aws:iam/Role", "aws:s3/Bucket", "aws:sagemaker/ModelPackageGroup"]);
    expect(children.every((c) => c.protect)).toBe(true);
    expect((await registry()).resources.some((r) => r.protect)).toBe(false);
  });
});
