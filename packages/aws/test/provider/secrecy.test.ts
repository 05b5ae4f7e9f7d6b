import { reveal, SecretValue, sealInputs, sealOutputs, type PropertyMap } from "@cairn/core";
import { checked, testProvider } from "../support/fakes.js";

/** A value as printed: secrets as "[secret]". */
const shown = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Seals outputs the way the engine does after a create of `type`. */
function sealedAs(type: string, outputs: PropertyMap, inputs: PropertyMap): unknown {
  const { provider } = testProvider();
  const schema = provider.schema(type);
  return shown(sealOutputs(outputs, inputs, { ...(schema?.derivedFrom === undefined ? {} : { derivedFrom: schema.derivedFrom }), ...(schema?.secretOutputs === undefined ? {} : { secret: schema.secretOutputs }) }));
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
});
