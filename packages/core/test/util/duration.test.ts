import { formatDuration } from "@cairn/core/provider";

describe("formatDuration", () => {
  test("a step's time reads in milliseconds, tenths, then minutes and hours", () => {
    expect([420, 3_240, 65_000, 3_723_000].map((ms) => formatDuration(ms))).toEqual(["420ms", "3.2s", "1m05s", "1h02m"]);
  });

  test("progress that ticks once a second reads in whole seconds", () => {
    expect([0, 1_400, 45_000, 59_500, 252_000].map((ms) => formatDuration(ms, { wholeSeconds: true }))).toEqual(["0s", "1s", "45s", "1m00s", "4m12s"]);
  });
});
