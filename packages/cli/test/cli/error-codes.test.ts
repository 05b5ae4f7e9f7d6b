import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CairnError } from "@cairn/core";
import { EXIT, EXIT_OF_CODE, type CliErrorCode } from "../../src/cli/cli-error.js";
import { describeError } from "../../src/cli/report-error.js";

const REPO = join(__dirname, "..", "..", "..", "..");
const read = (path: string): string => readFileSync(join(REPO, path), "utf8");

/** The members of a string-literal union type, read from its source. */
function unionMembers(source: string, typeName: string): string[] {
  const start = source.indexOf(`export type ${typeName} =`);
  const body = source.slice(start, source.indexOf(";", start));
  return [...body.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]!);
}

/** The codes in the first column of a document's tables, with the row's other cells. */
function documentedRows(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").slice(1, -1).map((cell) => cell.trim());
    if (cells.length < 2) continue;
    for (const match of cells[0]!.matchAll(/`([A-Z][A-Z_]+)`/g)) rows.set(match[1]!, cells.slice(1));
  }
  return rows;
}

const coreCodes = [...unionMembers(read("packages/core/src/errors.ts"), "ErrorCode"), "INTERNAL"];
const cliCodes = unionMembers(read("packages/cli/src/cli/cli-error.ts"), "CliErrorCode") as CliErrorCode[];
const cliDoc = read("docs/cli.md");
const cliTable = documentedRows(cliDoc.slice(cliDoc.indexOf("## Error codes"), cliDoc.indexOf("## Ctrl-C")));
const troubleshooting = documentedRows(read("docs/troubleshooting.md"));

describe("the error codes the docs list are exactly the codes the code has", () => {
  test("every code of the engine is explained in docs/troubleshooting.md, and nothing else is", () => {
    const documented = [...troubleshooting.keys()].filter((code) => !code.startsWith("CLI_"));
    expect([...documented].sort()).toEqual([...new Set(coreCodes)].sort());
  });

  test("every code of the command line is in docs/cli.md's table, with the exit code it really has", () => {
    expect([...cliTable.keys()].sort()).toEqual([...cliCodes].sort());
    for (const code of cliCodes) expect([code, Number(cliTable.get(code)![0])]).toEqual([code, EXIT_OF_CODE[code]]);
  });

  test("the CLI codes docs/troubleshooting.md mentions exist", () => {
    for (const code of troubleshooting.keys()) if (code.startsWith("CLI_")) expect(cliCodes).toContain(code);
  });

  test("every engine code exits with 1, as the docs say", () => {
    for (const code of coreCodes.filter((c) => c !== "INTERNAL")) {
      expect(describeError(new CairnError(code as never, "x")).exitCode).toBe(EXIT.failed);
    }
    expect(describeError(Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" }))).toMatchObject({ code: "INTERNAL", exitCode: EXIT.failed });
  });
});
