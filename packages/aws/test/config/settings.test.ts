import { UNKNOWN } from "@cairn/core/provider";
import { parseSettings } from "../../src/config/settings.js";

describe("provider settings", () => {
  test("stack config gives strings; JSON values and booleans are parsed", () => {
    const settings = parseSettings(
      { region: "eu-west-1", profile: "ml", endpoint: "http://127.0.0.1:5000", defaultTags: '{"team":"ml"}', endpoints: '{"s3":"http://127.0.0.1:4569"}', s3ForcePathStyle: "true", maxAttempts: "5" },
      "/project",
    );
    expect(settings).toEqual({
      region: "eu-west-1",
      profile: "ml",
      endpoint: "http://127.0.0.1:5000",
      endpoints: { s3: "http://127.0.0.1:4569" },
      defaultTags: { team: "ml" },
      s3ForcePathStyle: true,
      maxAttempts: 5,
      projectDir: "/project",
    });
  });

  test("an explicit provider gives typed values, and values not known yet are ignored", () => {
    expect(parseSettings({ region: "us-west-2", defaultTags: { team: "ml" }, profile: UNKNOWN }, "/p")).toMatchObject({ region: "us-west-2", defaultTags: { team: "ml" }, profile: undefined });
  });

  test("every problem is reported at once, naming the aws: key", () => {
    expect(() => parseSettings({ region: "Oregon", regoin: "us-west-2", defaultTags: "{team", accessKey: "AKIA" }, "/p")).toThrow(
      [
        "Invalid AWS provider configuration:",
        '  - "aws:regoin" is not an AWS provider setting; expected one of aws:region, aws:profile, aws:endpoint, aws:endpoints, aws:defaultTags, aws:s3ForcePathStyle, aws:accessKey, aws:secretKey, aws:sessionToken, aws:maxAttempts',
        '  - "aws:region" must be a region such as us-west-2, got "Oregon"',
        '  - "aws:defaultTags" must be JSON, got "{team"',
        '  - "aws:accessKey" and "aws:secretKey" must be set together',
      ].join("\n"),
    );
  });
});
