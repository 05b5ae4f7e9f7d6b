import { ClientFactory } from "../../src/runtime/client-factory.js";
import { testSettings } from "../support/fakes.js";

describe("client factory", () => {
  test("clients are made once, on first use, with the provider's region, profile and endpoint", async () => {
    const factory = new ClientFactory(testSettings({ region: "eu-central-1", profile: "ml", endpoint: "http://127.0.0.1:5000" }), {});
    const first = await factory.ec2();
    const again = await factory.ec2();
    expect(again.client).toBe(first.client);
    expect(await first.client.config.region()).toBe("eu-central-1");
    expect((await first.client.config.endpoint?.())?.hostname).toBe("127.0.0.1");
    await factory.destroy();
  });

  test("S3 uses path-style addressing and checksums only when required once an endpoint is overridden", async () => {
    const custom = await new ClientFactory(testSettings({ endpoints: { s3: "http://127.0.0.1:4569" } }), {}).s3();
    expect(custom.client.config.forcePathStyle).toBe(true);
    expect(await custom.client.config.requestChecksumCalculation()).toBe("WHEN_REQUIRED");
    const fromEnv = await new ClientFactory(testSettings(), { AWS_ENDPOINT_URL: "http://127.0.0.1:5000" }).s3();
    expect(fromEnv.client.config.forcePathStyle).toBe(true);
    const plain = await new ClientFactory(testSettings(), {}).s3();
    expect(plain.client.config.forcePathStyle).toBe(false);
    for (const handle of [custom, fromEnv, plain]) handle.client.destroy();
  });

  test("static keys replace the credential chain only when given", async () => {
    const withKeys = await new ClientFactory(testSettings({ accessKey: "AKIAEXAMPLE", secretKey: "secret" }), {}).iam();
    expect(await withKeys.client.config.credentials()).toMatchObject({ accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret" });
    withKeys.client.destroy();
  });

  test("the SDK makes one attempt per call, even with aws:maxAttempts set: the provider's call runtime owns retries", async () => {
    const handle = await new ClientFactory(testSettings({ maxAttempts: 5 }), {}).s3();
    expect(await handle.client.config.maxAttempts()).toBe(1);
    handle.client.destroy();
  });
});
