import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { EXAMPLE } from "./stacks.js";

function estimate(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(EXAMPLE, "cost", "estimate.mjs")], (error, stdout, stderr) => (error === null ? resolve(stdout) : reject(new Error(`${error.message}\n${stderr}`))));
  });
}

describe("the cost estimate", () => {
  it("in the README is what the stacks' config and the price table give", async () => {
    const readme = await readFile(join(EXAMPLE, "README.md"), "utf8");
    const pinned = /<!-- cost-estimate:start -->\n([\s\S]*?)<!-- cost-estimate:end -->/.exec(readme)?.[1];
    expect(pinned).toBe(await estimate());
  });

  it("prices every instance type the stacks use and states its source and date", async () => {
    const prices = JSON.parse(await readFile(join(EXAMPLE, "cost", "prices.json"), "utf8")) as { source: string; date: string };
    expect(prices.source).toMatch(/aws\.amazon\.com/);
    expect(prices.date).toMatch(/20\d\d/);
    // The script throws, naming the type, for any type without a price.
    expect((await estimate()).split("\n").filter((l) => l.startsWith("| dev") || l.startsWith("| staging") || l.startsWith("| prod"))).toHaveLength(3);
  });
});
