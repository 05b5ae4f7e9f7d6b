import type { CallContext } from "@cairn/core/provider";

/** A CallContext for calling the local provider directly in tests. */
export function callContext(type: string, signal: AbortSignal = new AbortController().signal): CallContext & { progressLines: string[] } {
  const progressLines: string[] = [];
  return {
    urn: `urn:cairn:test::test::${type}::r`,
    type,
    name: "r",
    signal,
    timeoutMs: 60_000,
    progress: (message) => progressLines.push(message),
    markSecret: () => undefined,
    limit: (_limits, call) => call(),
    progressLines,
  };
}
