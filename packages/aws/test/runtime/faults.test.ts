import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { classifyAwsError } from "../../src/errors.js";
import { ClientFactory } from "../../src/runtime/client-factory.js";
import { parseFaultSpec } from "../../src/runtime/faults.js";
import { testSettings } from "../support/fakes.js";

/** A request handler that answers every request with an empty DescribeVpcs response and counts them. */
function countingHandler() {
  const handler = {
    requests: 0,
    metadata: { handlerProtocol: "http/1.1" },
    async handle() {
      handler.requests++;
      const body = '<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><vpcSet/></DescribeVpcsResponse>';
      const { Readable } = await import("node:stream");
      return { response: { statusCode: 200, headers: { "content-type": "text/xml" }, body: Readable.from([Buffer.from(body)]) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
  return handler;
}

async function ec2With(env: Record<string, string>) {
  const handle = await new ClientFactory(testSettings(), env).ec2();
  const handler = countingHandler();
  (handle.client.config as { requestHandler: unknown }).requestHandler = handler;
  return { client: handle.client, handler };
}

describe("fault injection (CAIRN_AWS_FAULTS)", () => {
  test("parses shares, a seed and a log file, and refuses anything else naming the variable", () => {
    expect(parseFaultSpec(undefined)).toBeUndefined();
    expect(parseFaultSpec("throttle=0.2,5xx=0.05,seed=7")).toEqual({ throttle: 0.2, serverError: 0.05, seed: 7 });
    expect(() => parseFaultSpec("throttle=20%")).toThrow(/CAIRN_AWS_FAULTS="throttle=20%" does not parse at "throttle=20%"/);
    expect(() => parseFaultSpec("throttle=0.7,5xx=0.5")).toThrow(/add up to more than 1/);
  });

  test("a throttled call never reaches the service and fails with the service's own throttling error, one SDK attempt only", async () => {
    const { client, handler } = await ec2With({ CAIRN_AWS_FAULTS: "throttle=1" });
    const error = await client.send(new DescribeVpcsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RequestLimitExceeded", $metadata: { httpStatusCode: 503 } });
    expect(classifyAwsError(error)).toBe("throttle");
    expect(handler.requests).toBe(0);
    client.destroy();
  });

  test("5xx faults are classified as transient; without faults every call goes out", async () => {
    const faulty = await ec2With({ CAIRN_AWS_FAULTS: "5xx=1" });
    const error = await faulty.client.send(new DescribeVpcsCommand({})).catch((e: unknown) => e);
    expect(classifyAwsError(error)).toBe("retry");
    const clean = await ec2With({});
    await clean.client.send(new DescribeVpcsCommand({}));
    expect(clean.handler.requests).toBe(1);
    faulty.client.destroy();
    clean.client.destroy();
  });

  test("with a seed the same calls fail on every run, near the asked share, and each call is logged", async () => {
    const log = join(tmpdir(), `cairn-faults-${process.pid}.jsonl`);
    const outcomes: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const { client } = await ec2With({ CAIRN_AWS_FAULTS: `throttle=0.2,5xx=0.05,seed=42${run === 0 ? `,log=${log}` : ""}` });
      const seen: string[] = [];
      for (let i = 0; i < 400; i++) seen.push(await client.send(new DescribeVpcsCommand({})).then(() => "ok", (e: Error) => e.name));
      outcomes.push(seen);
      client.destroy();
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
    const throttled = outcomes[0]!.filter((o) => o === "RequestLimitExceeded").length;
    const failed = outcomes[0]!.filter((o) => o === "InternalError").length;
    expect(throttled).toBeGreaterThan(50);
    expect(throttled).toBeLessThan(110);
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(40);
    const lines = (await readFile(log, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { api: string; fault: string | null });
    expect(lines).toHaveLength(400);
    expect(lines.filter((l) => l.fault === "throttle")).toHaveLength(throttled);
    expect(lines[0]!.api).toBe("DescribeVpcs");
    await rm(log, { force: true });
  });
});
