/**
 * The command line as the debug log may show it: the value of
 * `cairn config set KEY VALUE --secret` is replaced by `[secret]` (every
 * word after the key that is not an option, so an option's value placed
 * there is hidden too rather than the secret shown).
 */
export function loggableArgv(argv: readonly string[]): string[] {
  const set = argv.findIndex((word, i) => word === "set" && argv[i - 1] === "config");
  if (set < 0 || !argv.includes("--secret")) return [...argv];
  let key = false;
  return argv.map((word, i) => {
    if (i <= set || word.startsWith("-")) return word;
    if (!key) {
      key = true;
      return word;
    }
    return "[secret]";
  });
}
