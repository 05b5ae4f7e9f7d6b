/** KMS: keys and aliases, and the `awskms://` secrets provider for stacks. */
export { Key, type KeyArgs } from "./key.js";
export { Alias, type AliasArgs } from "./alias.js";
