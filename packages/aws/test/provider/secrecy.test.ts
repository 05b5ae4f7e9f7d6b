import { reveal, SecretValue, type PropertyMap } from "@cairn/core/provider";
import { sealInputs, sealOutputs } from "@cairn/core/testing";
import { checked, testProvider } from "../support/fakes.js";

/** A value as printed: secrets as "[secret]". */
const shown = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Seals outputs the way the engine does after a create of `type`. */
function sealedAs(type: string, outputs: PropertyMap, inputs: PropertyMap): unknown {
  const { provider } = testProvider();
  const schema = provider.schema(type);
  return shown(
    sealOutputs(outputs, inputs, {
      ...(schema?.derivedFrom === undefined ? {} : { derivedFrom: schema.derivedFrom }),
      ...(schema?.secretOutputs === undefined ? {} : { secret: schema.secretOutputs }),
      ...(schema?.writeOnlyInputs === undefined ? {} : { writeOnly: schema.writeOnlyInputs }),
    }),
  );
}

/** Checks `raw` as the engine does: the checked inputs keep the marks of the raw ones. */
async function checkedSealed(type: string, raw: PropertyMap): Promise<PropertyMap> {
  const { provider } = testProvider();
  return sealInputs((await checked(provider, type, reveal(raw))) as PropertyMap, raw);
}

describe("what AWS types declare about secret inputs", () => {
  test("a SageMaker model with a secret container variable keeps its name and ARN readable, and the variable secret", async () => {
    const { provider } = testProvider();
    const raw: PropertyMap = {
      executionRoleArn: "arn:aws:iam::123456789012:role/sm",
      primaryContainer: { image: "img", environment: { API_KEY: new SecretValue("k-123456"), MODE: "fast" } },
    };
    const inputs = sealInputs((await checked(provider, "aws:sagemaker/Model", reveal(raw))) as PropertyMap, raw);
    const outputs = { ...reveal<PropertyMap>(inputs), name: "model-1", arn: "arn:aws:sagemaker:us-west-2:123456789012:model/model-1" };
    expect(sealedAs("aws:sagemaker/Model", outputs, inputs)).toMatchObject({
      name: "model-1",
      arn: "arn:aws:sagemaker:us-west-2:123456789012:model/model-1",
      primaryContainer: { image: "img", environment: { API_KEY: "[secret]", MODE: "fast" } },
    });
  });

  test("an S3 object with secret content keeps its bucket, key and tags readable; its ETag, a digest of the content, is secret", () => {
    const inputs: PropertyMap = { bucket: "b", key: "k.json", content: new SecretValue("{}"), contentType: "application/json", tags: { team: "ml" } };
    expect(sealedAs("aws:s3/BucketObject", { ...reveal<PropertyMap>(inputs), etag: "abc", versionId: "v1" }, inputs)).toEqual({
      bucket: "b",
      key: "k.json",
      content: "[secret]",
      contentType: "application/json",
      tags: { team: "ml" },
      etag: "[secret]",
      versionId: "v1",
    });
  });

  test("an instance whose user data is secret keeps its cloud-assigned outputs readable; an undeclared output stays secret", () => {
    const inputs: PropertyMap = { ami: "ami-1", instanceType: "t3.micro", userData: new SecretValue("#!/bin/sh\nexport TOKEN=abc123"), tags: {} };
    const outputs = { ...reveal<PropertyMap>(inputs), instanceId: "i-1", privateIp: "10.0.0.5", somethingNew: "x" };
    expect(sealedAs("aws:ec2/Instance", outputs, inputs)).toMatchObject({ ami: "ami-1", userData: "[secret]", instanceId: "i-1", privateIp: "10.0.0.5", somethingNew: "[secret]" });
  });

  test("a bucket with a secret tag keeps its name and ARN readable", () => {
    const inputs: PropertyMap = { bucket: "data", versioning: false, tags: { owner: new SecretValue("someone@example.com") } };
    const outputs = { ...reveal<PropertyMap>(inputs), arn: "arn:aws:s3:::data", region: "us-west-2", bucketDomainName: "data.s3.amazonaws.com" };
    expect(sealedAs("aws:s3/Bucket", outputs, inputs)).toMatchObject({ bucket: "data", arn: "arn:aws:s3:::data", region: "us-west-2", tags: { owner: "[secret]" } });
  });

  test("every hand-written type declares what its outputs derive from, naming only inputs it declares", () => {
    const { provider } = testProvider();
    const handWritten = provider.types.filter((type) => !type.startsWith("aws:native."));
    expect(handWritten.length).toBeGreaterThan(40);
    const undeclared = handWritten.filter((type) => provider.schema(type)?.derivedFrom === undefined);
    expect(undeclared).toEqual([]);
    // Each input repeats under its own name, so a source that is not a key is a misspelt input.
    const unknownSources = handWritten.flatMap((type) => {
      const derived = provider.schema(type)?.derivedFrom ?? {};
      return Object.values(derived)
        .flat()
        .filter((source) => !(source in derived))
        .map((source) => `${type}: ${source}`);
    });
    expect(unknownSources).toEqual([]);
  });

  test("a DynamoDB table with a secret tag keeps its name, ARN and stream readable, and the tag secret", async () => {
    const raw: PropertyMap = { name: "jobs", hashKey: "id", attributes: [{ name: "id", type: "S" }], streamEnabled: true, streamViewType: "NEW_IMAGE", tags: { owner: new SecretValue("someone@example.com") } };
    const inputs = await checkedSealed("aws:dynamodb/Table", raw);
    const arn = "arn:aws:dynamodb:us-west-2:123456789012:table/jobs";
    const outputs = { ...reveal<PropertyMap>(inputs), arn, streamArn: `${arn}/stream/2026-11-30T00:00:00.000`, streamLabel: "2026-11-30T00:00:00.000" };
    expect(sealedAs("aws:dynamodb/Table", outputs, inputs)).toMatchObject({ name: "jobs", arn, streamArn: `${arn}/stream/2026-11-30T00:00:00.000`, streamLabel: "2026-11-30T00:00:00.000", hashKey: "id", tags: { owner: "[secret]" } });
  });

  test("a table whose generated name comes from a secret prefix keeps the name and ARN secret", async () => {
    const inputs = await checkedSealed("aws:dynamodb/Table", { namePrefix: new SecretValue("acme-"), hashKey: "id", attributes: [{ name: "id", type: "S" }] });
    const outputs = { ...reveal<PropertyMap>(inputs), name: "acme-1a2b3c", arn: "arn:aws:dynamodb:us-west-2:123456789012:table/acme-1a2b3c" };
    expect(sealedAs("aws:dynamodb/Table", outputs, inputs)).toMatchObject({ name: "[secret]", arn: "[secret]", namePrefix: "[secret]", hashKey: "id" });
  });

  test("a NAT gateway with a secret tag keeps its cloud-assigned outputs readable; a secret subnet makes its VPC secret", async () => {
    const raw: PropertyMap = { subnetId: "subnet-1", allocationId: "eipalloc-1", tags: { cost: new SecretValue("project-x") } };
    const inputs = await checkedSealed("aws:ec2/NatGateway", raw);
    const computed = { vpcId: "vpc-1", publicIp: "203.0.113.7", privateIp: "10.0.1.9", networkInterfaceId: "eni-1", arn: "arn:aws:ec2:us-west-2:123456789012:natgateway/nat-1" };
    expect(sealedAs("aws:ec2/NatGateway", { ...reveal<PropertyMap>(inputs), ...computed }, inputs)).toMatchObject({ ...computed, subnetId: "subnet-1", tags: { cost: "[secret]" } });

    const hidden = await checkedSealed("aws:ec2/NatGateway", { subnetId: new SecretValue("subnet-1"), allocationId: "eipalloc-1" });
    expect(sealedAs("aws:ec2/NatGateway", { ...reveal<PropertyMap>(hidden), ...computed }, hidden)).toMatchObject({ vpcId: "[secret]", subnetId: "[secret]", publicIp: "203.0.113.7", arn: computed.arn });
  });

  test("a Secrets Manager secret keeps its value secret and its name and ARN readable", async () => {
    const raw: PropertyMap = { name: "db/password", secretString: new SecretValue("hunter2-hunter2"), tags: { team: "ml" } };
    const inputs = await checkedSealed("aws:secretsmanager/Secret", raw);
    const arn = "arn:aws:secretsmanager:us-west-2:123456789012:secret:db/password-AbCdEf";
    const sealed = sealedAs("aws:secretsmanager/Secret", { ...reveal<PropertyMap>(inputs), name: "db/password", arn }, inputs);
    expect(sealed).toMatchObject({ name: "db/password", arn, secretString: "[secret]", tags: { team: "ml" } });
    expect(JSON.stringify(sealed)).not.toContain("hunter2");
  });

  test("a key pair with a secret public key keeps its fingerprint and key type secret, its name, id and ARN readable", async () => {
    const publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyMaterialForTests me@host";
    const inputs = await checkedSealed("aws:ec2/KeyPair", { keyName: "deploy", publicKey: new SecretValue(publicKey) });
    const outputs = { ...reveal<PropertyMap>(inputs), keyName: "deploy", keyPairId: "key-1", fingerprint: "ab:cd", keyType: "ed25519", arn: "arn:aws:ec2:us-west-2::key-pair/deploy" };
    expect(sealedAs("aws:ec2/KeyPair", outputs, inputs)).toMatchObject({ keyName: "deploy", keyPairId: "key-1", arn: outputs.arn, publicKey: "[secret]", fingerprint: "[secret]", keyType: "[secret]" });
  });
});
