import type { AwsContext } from "../../src/runtime/context.js";

const SERVICES = ["s3", "ec2", "sagemaker", "iam", "dynamodb", "ecr", "eventbridge", "scheduler", "cloudwatch-logs", "cloudwatch", "route-53", "secrets-manager", "kms"];

describe("the data, scheduling and operations services", () => {
  test("importing the package loads no SDK client; the first call of one service loads that one alone", async () => {
    const loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      for (const name of SERVICES) {
        jest.doMock(`@aws-sdk/client-${name}`, () => {
          loaded.push(name);
          return jest.requireActual(`@aws-sdk/client-${name}`);
        });
      }
      const aws = await import("../../src/index.js");
      const provider = await aws.cairnPackage.configure({ values: { region: "us-west-2" }, projectDir: "/p" });
      expect((provider as { types: string[] }).types).toEqual(expect.arrayContaining(["aws:dynamodb/Table", "aws:ecr/Repository", "aws:sagemaker/Pipeline", "aws:scheduler/Schedule", "aws:cloudwatch/EventTarget", "aws:route53/Record", "aws:secretsmanager/Secret", "aws:kms/Alias", "aws:iam/Policy"]));
      expect(loaded).toEqual([]);
      const { ClientFactory } = await import("../../src/runtime/client-factory.js");
      const { kms } = await import("../../src/kms/client.js");
      const clients = new ClientFactory({ region: "us-west-2", endpoints: {}, defaultTags: {}, projectDir: "/p" }, {});
      await kms({ clients } as unknown as AwsContext);
      await kms({ clients } as unknown as AwsContext);
      await clients.destroy();
    });
    expect(loaded).toEqual(["kms"]);
  });
});
