import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..", "..", "..");
const NATIVE = join(REPO, "packages", "aws", "native");

describe("the generated declarations", () => {
  test("of every service type-check together, without skipLibCheck", async () => {
    if (!existsSync(join(NATIVE, "catalog.js"))) throw new Error("packages/aws/native is missing: run `npm run build` first (npm test does).");
    const services = readdirSync(join(NATIVE, "services")).filter((name) => name.endsWith(".d.ts")).map((name) => name.slice(0, -5));
    const dir = mkdtempSync(join(tmpdir(), "cairn-native-types-"));
    try {
      symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
      const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: ["node"] };
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
      writeFileSync(join(dir, "index.ts"), services.map((s, i) => `import * as s${i} from "@cairn/aws/native/${s}";\nexport { s${i} };\n`).join(""));
      const output = await new Promise<string>((resolve) =>
        execFile(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { maxBuffer: 64 * 1024 * 1024 }, (_error, stdout) => resolve(stdout)),
      );
      // Only the generated files are ours to judge; the AWS SDK's own declarations are not.
      const ours = output.split("\n").filter((line) => line.includes("packages/aws/native/"));
      expect(services.length).toBeGreaterThan(300);
      expect(ours).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
