import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const REPO = join(__dirname, "..", "..", "..");
// A command or flag of the cairn CLI, as a message would name it.
const CLI_WORDS = /\bcairn (state|stack|config|up|preview|refresh|import|destroy|cancel)\b|--(target|replace|force|secret|save-plan|plan|stack)\b/;
// Raised where no CLI renders hints (a program run by plain node, the bin's uncaught-exception report): the command is the useful advice there.
const ALLOWED = new Set(["packages/core/src/resource/resource.ts:NO_PROGRAM_SCOPE", "packages/core/src/program/config.ts:NO_PROGRAM_SCOPE", "packages/core/src/program/stack-info.ts:NO_PROGRAM_SCOPE"]);

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith(".ts")) yield path;
  }
}

test("messages of the core and the providers name no CLI command or flag: they carry hints the CLI words", () => {
  const found: string[] = [];
  for (const pkg of ["core", "aws", "local"]) {
    for (const file of sources(join(REPO, "packages", pkg, "src"))) {
      const name = relative(REPO, file);
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.trim();
          if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*") || !CLI_WORDS.test(code)) return;
          const near = readFileSync(file, "utf8").split("\n").slice(Math.max(0, i - 3), i + 1).join("\n");
          const allowed = [...ALLOWED].some((entry) => entry.startsWith(`${name}:`) && near.includes(entry.split(":")[1]!));
          if (!allowed) found.push(`${name}:${i + 1}: ${code}`);
        });
    }
  }
  expect(found).toEqual([]);
});
