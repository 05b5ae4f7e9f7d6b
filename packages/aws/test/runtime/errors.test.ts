import { CairnError } from "@cairn/core";
import { AwsCallError, awsErrorName, awsMessage, classifyAwsError } from "../../src/errors.js";
import { awsError } from "../support/fakes.js";

describe("AWS errors", () => {
  const cases: [string, number, "throttle" | "retry" | "fatal"][] = [
    ["ThrottlingException", 400, "throttle"],
    ["Throttling", 400, "throttle"],
    ["RequestLimitExceeded", 503, "throttle"],
    ["SlowDown", 503, "throttle"],
    ["TooManyRequestsException", 429, "throttle"],
    ["InternalError", 500, "retry"],
    ["ServiceUnavailable", 503, "retry"],
    ["ConcurrentModification", 409, "retry"],
    ["SomethingNew", 502, "retry"],
    ["ValidationException", 400, "fatal"],
    ["AccessDenied", 403, "fatal"],
    ["NoSuchBucket", 404, "fatal"],
  ];
  test.each(cases)("%s (HTTP %d) is classified %s, also when wrapped twice", (name, status, expected) => {
    const raw = awsError(name, "message", status);
    const wrapped = new CairnError("PROVIDER_ERROR", "outer", { cause: new AwsCallError("SomeApi", raw) });
    expect(classifyAwsError(raw)).toBe(expected);
    expect(classifyAwsError(wrapped)).toBe(expected);
    expect(awsErrorName(wrapped)).toBe(name);
  });

  test("a dropped connection is retried; a timeout or cancellation of ours is not", () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(classifyAwsError(reset)).toBe("retry");
    expect(classifyAwsError(new CairnError("TIMEOUT", "late"))).toBe("fatal");
    expect(classifyAwsError(new CairnError("CANCELLED", "stop"))).toBe("fatal");
  });

  test("a body that is not an AWS response is described by its HTTP status", () => {
    const html = Object.assign(new SyntaxError(`Unexpected token '<', "<!doctype "... is not valid JSON\n  Deserialization error: ...`), { $metadata: { httpStatusCode: 500 } });
    expect(awsMessage(new AwsCallError("DeleteModelPackageGroup", html))).toBe(
      `HTTP 500 with a body that is not an AWS response (Unexpected token '<', "<!doctype "... is not valid JSON)`,
    );
    expect(classifyAwsError(html)).toBe("retry");
  });

  test("a message-less error is described by its code and status", () => {
    expect(awsMessage(awsError("NotFound", "UnknownError", 404))).toBe("NotFound: HTTP 404 with no message from AWS");
  });
});
