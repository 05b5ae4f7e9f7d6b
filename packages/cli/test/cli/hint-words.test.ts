import { CairnError, hintSentence, hintText, type Hint } from "@cairn/core";
import { cliHintText, inCliWords } from "../../src/cli/hint-words.js";
import { describeError } from "../../src/cli/report-error.js";
import { jsonErrorLine } from "../../src/display/json-view.js";
import { withFailureCodes } from "../../src/operations/views.js";

const URN = "urn:cairn:dev::proj::fake:index/Thing::db";

describe("hints in the CLI's words", () => {
  test.each<[string, Hint, string, string]>([
    ["unlock", { kind: "unlock", stack: "dev", force: true }, "Wait for it to finish, or if it crashed, %s", "Wait for it to finish, or if it crashed, run: cairn state unlock --stack dev --force"],
    ["create a stack", { kind: "create-stack", stack: "dev" }, "Stack missing. %S", "Stack missing. Create it with: cairn stack init dev"],
    ["set a key", { kind: "set-config", key: "replicas", secret: false, example: "<number>" }, "Missing. %S", "Missing. Set it with: cairn config set replicas <number>"],
    ["set a secret", { kind: "set-config", key: "dbPassword", secret: true }, "Missing. %S", "Missing. Set it with: cairn config set dbPassword --secret"],
    ["unprotect", { kind: "unprotect", urn: URN }, "Remove the protect option, or %s", `Remove the protect option, or run: cairn state unprotect '${URN}'`],
    ["unprotect or force", { kind: "unprotect", urn: URN, orForce: true }, `${URN} is protected. %S`, `${URN} is protected. Run cairn state unprotect first, or use --force.`],
    ["a flag with its value", { kind: "option", option: "target", value: "web" }, "%S names no resource.", "--target web names no resource."],
    ["a flag", { kind: "option", option: "force" }, "Import with %s.", "Import with --force."],
    ["list resources", { kind: "list-resources" }, "No resource x. %S", "No resource x. See: cairn state list"],
    ["save a plan", { kind: "save-plan" }, "Stale. %S", "Stale. Run preview --save-plan again."],
    ["forget a resource", { kind: "forget-resource" }, "(remove one, or %s)", "(remove one, or drop it from state with `cairn state delete`)"],
  ])("%s: the core's words are replaced by the command", (_name, hint, template, expected) => {
    const core = template.replace("%s", hintText(hint)).replace("%S", hintSentence(hint));
    expect(core).not.toMatch(/cairn |--[a-z]/);
    expect(inCliWords(core, [hint])).toBe(expected);
  });

  test("several hints of one kind are worded in order, each with its own data", () => {
    const a: Hint = { kind: "unprotect", urn: "urn:a" };
    const b: Hint = { kind: "unprotect", urn: "urn:b" };
    const core = `A: or ${hintText(a)}\nB: or ${hintText(b)}`;
    expect(inCliWords(core, [a, b])).toBe("A: or run: cairn state unprotect 'urn:a'\nB: or run: cairn state unprotect 'urn:b'");
  });

  test("a message without the hint's words is left as it is", () => {
    expect(inCliWords("Something else.", [{ kind: "save-plan" }])).toBe("Something else.");
    expect(cliHintText({ kind: "save-plan" })).toBe("run preview --save-plan again.");
  });

  test("an error's message is printed in CLI words, and --json carries the hints as data", () => {
    const hint: Hint = { kind: "create-stack", stack: "dev" };
    const error = new CairnError("STACK_NOT_FOUND", `Stack "dev" does not exist. ${hintSentence(hint)}`, { hints: [hint] });
    const described = describeError(error);
    expect(described.message).toBe('Stack "dev" does not exist. Create it with: cairn stack init dev');
    expect(jsonErrorLine(error, described)).toMatchObject({ message: described.message, hints: [hint] });
  });
});

describe("step failures in the CLI's words", () => {
  test("a failed step's message names the command, its hints stay as data, and an uncoded one is PROVIDER_ERROR", () => {
    const refresh: Hint = { kind: "refresh" };
    const result = withFailureCodes({
      failures: [
        { urn: URN, op: "create" as const, message: `db did not reach InService within 20m. It may still get there: ${hintText(refresh)}, or allow more time.`, code: "TIMEOUT", hints: [refresh] },
        { urn: URN, op: "delete" as const, message: "boom" },
      ],
    });
    expect(result.failures).toEqual([
      { urn: URN, op: "create", message: "db did not reach InService within 20m. It may still get there: run `cairn refresh` later, or allow more time.", code: "TIMEOUT", hints: [refresh] },
      { urn: URN, op: "delete", message: "boom", code: "PROVIDER_ERROR" },
    ]);
  });

  test.each<[Hint, string]>([
    [{ kind: "config-key", key: "aws:region", example: "us-west-2" }, "Set one with `cairn config set aws:region us-west-2`, AWS_REGION, or a profile's region."],
    [{ kind: "import-resource", type: "aws:iam/Role", id: "ops" }, "Adopt it with `cairn import aws:iam/Role <name> ops`, or choose another name."],
    [{ kind: "deploy" }, "Set forceDestroy: true (and run `cairn up`) to delete them."],
  ])("%o is worded as before", (hint, expected) => {
    const core = expected
      .replace("`cairn config set aws:region us-west-2`", hintText(hint))
      .replace("`cairn import aws:iam/Role <name> ops`", hintText(hint))
      .replace("and run `cairn up`", hintText(hint));
    expect(core).not.toContain("cairn");
    expect(inCliWords(core, [hint])).toBe(expected);
  });
});
