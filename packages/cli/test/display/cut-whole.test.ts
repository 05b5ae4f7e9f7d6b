import { cutWhole, formatValue } from "../../src/display/format-value.js";

describe("cutting long values", () => {
  it("never ends inside an escape sequence or a surrogate pair, at any length", () => {
    const text = JSON.stringify("ab\ncd\u001bef\"gh\\ij😀k");
    for (let n = 1; n < text.length; n++) {
      const cut = cutWhole(text, n);
      expect(text.startsWith(cut)).toBe(true);
      expect(cut.length).toBeLessThanOrEqual(n);
      expect(n - cut.length).toBeLessThanOrEqual(5);
      // Closing the cut text as a JSON string must parse: no half escape is left.
      expect(() => JSON.parse(`${cut}"`)).not.toThrow();
      const last = cut.charCodeAt(cut.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
  });

  it("formatValue cuts a long string with an escape at the edge before the escape", () => {
    const value = `${"x".repeat(17)}\n${"y".repeat(50)}`;
    expect(formatValue(value, { maxLength: 20 })).toBe(`"${"x".repeat(17)}…`);
  });
});
