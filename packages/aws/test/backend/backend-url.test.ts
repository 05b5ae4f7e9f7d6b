import { openS3StateStore, parseS3BackendUrl } from "../../src/backend/index.js";

describe("s3:// backend URLs", () => {
  test("a bucket and prefix, with the AWS settings as query parameters", () => {
    expect(parseS3BackendUrl("s3://acme-cairn-state/teams/ml?region=us-west-2&profile=ops&lockTable=cairn-locks")).toEqual({
      bucket: "acme-cairn-state",
      prefix: "teams/ml",
      region: "us-west-2",
      profile: "ops",
      lockTable: "cairn-locks",
    });
    expect(parseS3BackendUrl("s3://state")).toEqual({ bucket: "state", prefix: "" });
    expect(parseS3BackendUrl("s3://state/p/?endpoint=http://127.0.0.1:5000&pathStyle=false")).toEqual({
      bucket: "state",
      prefix: "p",
      endpoint: "http://127.0.0.1:5000",
      forcePathStyle: false,
    });
  });

  test.each([
    ["file:///tmp/x", "is not an s3:// URL"],
    ["s3://Bad_Bucket/x", "names no valid bucket"],
    ["s3://state/x?colour=red", 'unknown setting "colour"'],
    ["s3://state/x?pathStyle=yes", "expected true or false"],
    ["s3://state/x?endpoint=localhost:5000", "expected an http(s) URL"],
    ["not a url", "is not a URL"],
  ])("%s is refused: %s", (url, message) => {
    expect(() => parseS3BackendUrl(url)).toThrow(message);
    expect(() => parseS3BackendUrl(url)).toThrow(expect.objectContaining({ code: "CONFIG_INVALID" }));
  });

  test("openS3StateStore names itself by bucket and prefix and loads no SDK until used", () => {
    const store = openS3StateStore("s3://state/teams/ml/?region=us-west-2");
    expect(store.url).toBe("s3://state/teams/ml");
    expect(openS3StateStore("s3://state").url).toBe("s3://state");
  });
});
