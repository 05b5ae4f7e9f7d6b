import type { Command } from "commander";
import type { CliIO } from "../../src/cli/io.js";
import { commandTree, main } from "../../src/main.js";

/** An IO that collects what the CLI prints, as CI would have it. */
function capture(): { io: CliIO; text(): string } {
  let out = "";
  const stream = { write: (chunk: string) => (out += chunk) };
  const io: CliIO = { stdout: stream, stderr: stream, stdin: process.stdin, env: {}, interactive: false, live: false, color: false, columns: 100 };
  return { io, text: () => out };
}

/** Every command path of the whole tree: ["up"], ["stack", "init"], ... */
function paths(command: Command, prefix: readonly string[] = []): string[][] {
  return command.commands.flatMap((child) => [[...prefix, child.name()], ...paths(child, [...prefix, child.name()])]);
}

/** The help a command of the whole tree prints. */
function wholeHelp(path: readonly string[]): string {
  const { io } = capture();
  let command = commandTree(io);
  for (const name of path) command = command.commands.find((child) => child.name() === name)!;
  return command.helpInformation();
}

async function helpOf(argv: readonly string[]): Promise<string> {
  const { io, text } = capture();
  expect(await main(argv, io)).toBe(0);
  return text();
}

describe("commands built only when the command line names them", () => {
  test("cairn --help lists every command exactly as the whole command tree does", async () => {
    const overview = await helpOf(["--help"]);
    expect(overview.startsWith(wholeHelp([]))).toBe(true);
    expect(overview).toMatch(/^ {2}up\|update \[options\] +plan, confirm/m);
    expect(overview).toMatch(/^ {2}import \[options\] \[type\] \[name\] \[id\] /m);
    expect(overview).not.toMatch(/--outline/);
  });

  test("every command's --help, and help <command>, is the whole tree's help for it", async () => {
    const all = paths(commandTree(capture().io));
    expect(all.length).toBeGreaterThan(35);
    for (const path of all) {
      expect(await helpOf([...path, "--help"])).toBe(wholeHelp(path) + (await afterText(path)));
    }
    expect(await helpOf(["help", "up"])).toBe(await helpOf(["up", "--help"]));
    expect(await helpOf(["-s", "dev", "update", "-h"])).toBe(await helpOf(["up", "--help"]));
  });

  test("a mistyped command is still answered with the nearest command's name", async () => {
    const { io, text } = capture();
    expect(await main(["upp"], io)).toBe(2);
    expect(text()).toMatch(/Did you mean up\?/);
  });
});

/** The text commander prints after a command's options (its examples): helpInformation() leaves it out. */
async function afterText(path: readonly string[]): Promise<string> {
  const { io, text } = capture();
  let command = commandTree(io);
  for (const name of path) command = command.commands.find((child) => child.name() === name)!;
  command.outputHelp();
  return text().slice(command.helpInformation().length);
}
