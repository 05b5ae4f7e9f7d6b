/** How {@link formatDuration} rounds. */
export interface DurationStyle {
  /**
   * Whole seconds below a minute ("0s", "45s"), for progress lines that
   * tick once a second; otherwise milliseconds below a second and tenths
   * below a minute ("420ms", "3.2s"). @default false
   */
  readonly wholeSeconds?: boolean;
}

/**
 * A duration for people: "420ms", "3.2s" (or "45s" with `wholeSeconds`),
 * "4m05s", "1h02m". The one formatter of every package, so a step's time
 * and a provider's progress read alike.
 */
export function formatDuration(ms: number, style: DurationStyle = {}): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (style.wholeSeconds === true) {
    if (totalSeconds < 60) return `${totalSeconds}s`;
  } else {
    if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
    if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  }
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)}m${String(totalSeconds % 60).padStart(2, "0")}s`;
  const minutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
