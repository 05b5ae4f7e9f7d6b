import type { Command } from "commander";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";

/** One command as completion sees it: its words, flags and subcommands. */
export interface CompletionNode {
  readonly name: string;
  readonly description: string;
  /** Long and short flags, such as `--yes` and `-y`. */
  readonly flags: readonly string[];
  readonly children: readonly CompletionNode[];
}

/** The command tree of a commander program, for completion scripts. */
export function completionTree(command: Command): CompletionNode {
  const flags = command.options.flatMap((option) => [option.long, option.short].filter((flag): flag is string => flag !== undefined));
  return {
    name: command.name(),
    description: command.description().replace(/\s+/g, " "),
    flags: [...flags, "--help"],
    children: command.commands.filter((child) => child.name() !== "help").map(completionTree),
  };
}

const SHELLS = ["bash", "zsh", "fish"] as const;

/** `cairn completion <shell>`: prints the completion script of bash, zsh or fish. */
export async function completion(ctx: CommandContext, shell: string | undefined, root: Command): Promise<number> {
  if (shell === undefined || !(SHELLS as readonly string[]).includes(shell)) {
    throw new CliError("CLI_USAGE", `Name the shell: ${SHELLS.join(", ")}${shell === undefined ? "" : `; got "${shell}"`}.`, { exitCode: EXIT.usage });
  }
  const tree = completionTree(root);
  ctx.io.stdout.write(shell === "bash" ? bashScript(tree) : shell === "zsh" ? zshScript(tree) : fishScript(tree));
  return EXIT.ok;
}

const words = (list: readonly string[]): string => list.join(" ");

/** The words to offer after each command path (`""`, `stack`, `stack init`), as shell `case` arms. */
function cases(tree: CompletionNode, indent: string): string {
  const arms: string[] = [];
  const visit = (node: CompletionNode, path: string): void => {
    const globals = tree.flags.filter((flag) => flag !== "--version" && flag !== "-V" && !node.flags.includes(flag));
    const offered = [...node.children.map((child) => child.name), ...node.flags, ...(path === "" ? [] : globals)];
    arms.push(`${indent}"${path}") offered="${words(offered)}" ;;`);
    for (const child of node.children) visit(child, path === "" ? child.name : `${path} ${child.name}`);
  };
  visit(tree, "");
  return arms.join("\n");
}

/** The shell code that finds the command path among the words typed so far (skipping flags). */
const PATH_FINDER = `  local path="" word i
  for ((i = 1; i < cword; i++)); do
    word="\${words[i]}"
    case "$word" in -*) continue ;; esac
    case " $(__cairn_children "$path") " in *" $word "*) path="\${path:+$path }$word" ;; esac
  done`;

function childArms(tree: CompletionNode): string {
  const arms: string[] = [];
  const visit = (node: CompletionNode, path: string): void => {
    arms.push(`    "${path}") echo "${words(node.children.map((child) => child.name))}" ;;`);
    for (const child of node.children) visit(child, path === "" ? child.name : `${path} ${child.name}`);
  };
  visit(tree, "");
  return arms.join("\n");
}

function bashScript(tree: CompletionNode): string {
  return `# cairn completion for bash: add to ~/.bashrc
#   source <(cairn completion bash)
__cairn_children() {
  case "$1" in
${childArms(tree)}
  esac
}
_cairn() {
  local words=("\${COMP_WORDS[@]}") cword=$COMP_CWORD offered=""
${PATH_FINDER}
  case "$path" in
${cases(tree, "    ")}
  esac
  COMPREPLY=($(compgen -W "$offered" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _cairn cairn
`;
}

function zshScript(tree: CompletionNode): string {
  return `#compdef cairn
# cairn completion for zsh: add to ~/.zshrc
#   source <(cairn completion zsh)
__cairn_children() {
  case "$1" in
${childArms(tree)}
  esac
}
_cairn() {
  local -a words_=("\${(@)words}")
  local cword=$((CURRENT - 1)) offered=""
  local path="" word i
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words_[i]}"
    case "$word" in -*) continue ;; esac
    case " $(__cairn_children "$path") " in *" $word "*) path="\${path:+$path }$word" ;; esac
  done
  case "$path" in
${cases(tree, "    ")}
  esac
  compadd -- \${=offered}
}
compdef _cairn cairn
`;
}

function fishScript(tree: CompletionNode): string {
  const lines = ["# cairn completion for fish: save as ~/.config/fish/completions/cairn.fish", "#   cairn completion fish > ~/.config/fish/completions/cairn.fish", "complete -c cairn -f"];
  const quote = (text: string): string => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  const top = tree.children.map((child) => child.name);
  for (const child of tree.children) {
    lines.push(`complete -c cairn -n "not __fish_seen_subcommand_from ${words(top)}" -a ${child.name} -d ${quote(child.description)}`);
    const subs = child.children.map((sub) => sub.name);
    for (const sub of child.children) {
      lines.push(`complete -c cairn -n "__fish_seen_subcommand_from ${child.name}; and not __fish_seen_subcommand_from ${words(subs)}" -a ${sub.name} -d ${quote(sub.description)}`);
      for (const flag of sub.flags.filter((f) => f.startsWith("--"))) lines.push(`complete -c cairn -n "__fish_seen_subcommand_from ${child.name}; and __fish_seen_subcommand_from ${sub.name}" -l ${flag.slice(2)}`);
    }
    for (const flag of child.flags.filter((f) => f.startsWith("--"))) lines.push(`complete -c cairn -n "__fish_seen_subcommand_from ${child.name}" -l ${flag.slice(2)}`);
  }
  for (const flag of tree.flags.filter((f) => f.startsWith("--"))) lines.push(`complete -c cairn -l ${flag.slice(2)}`);
  return `${lines.join("\n")}\n`;
}
