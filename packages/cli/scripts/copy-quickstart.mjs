// The quickstart's program has one source, examples/quickstart; the CLI's
// `init quickstart` template gets a copy of its TypeScript files at build time.
import { copyFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..");
const example = join(cli, "..", "..", "examples", "quickstart");
const template = join(cli, "templates", "quickstart");

for (const file of readdirSync(example).filter((name) => name.endsWith(".ts"))) {
  copyFileSync(join(example, file), join(template, file));
}
