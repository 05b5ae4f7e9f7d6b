/**
 * The passphrase a file named by `CAIRN_PASSPHRASE_FILE` holds: its text
 * without the one line break an editor or `echo` leaves at its end.
 */
export function passphraseInFile(text: string): string {
  return text.replace(/\r?\n$/, "");
}
