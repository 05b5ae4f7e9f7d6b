import { fitLine, LiveArea, visibleLength } from "../../src/display/live-area.js";
import { loadEastAsianWidth, plainWidth, textWidth, type WidthOf } from "../../src/display/text-width.js";

let wide: WidthOf;
beforeAll(async () => {
  wide = await loadEastAsianWidth();
});

describe("terminal width of text", () => {
  test.each<[string, string, number]>([
    ["ASCII", "bucket-a", 8],
    ["CJK ideographs take two columns each", "日本語", 6],
    ["Hangul syllables", "한국", 4],
    ["fullwidth Latin", "ＡＢ", 4],
    ["an emoji", "🚀", 2],
    ["an emoji with a skin tone is one character", "👍🏽", 2],
    ["a family joined by zero-width joiners is one character", "👨‍👩‍👧", 2],
    ["a flag", "🇯🇵", 2],
    ["a letter with a combining accent", "e\u0301", 1],
    ["a zero-width space", "a\u200bb", 2],
    ["mixed", "up 日本 ok ✅", 13],
  ])("%s", (_name, text, width) => {
    expect(plainWidth(text, wide)).toBe(width);
  });

  test("colour and cursor codes take no columns", () => {
    expect(textWidth("\x1b[1m\x1b[32m日本\x1b[39m\x1b[22m", wide)).toBe(4);
    expect(visibleLength("\x1b]8;;https://example.com\x07link\x1b]8;;\x07")).toBe(4);
  });

  test("before the East Asian Width table is loaded, CJK counts one column and emoji still two", () => {
    expect(plainWidth("日本 🚀")).toBe(5);
  });
});

describe("fitLine", () => {
  test("a line that fits is left as it is", () => {
    expect(fitLine("\x1b[32mok\x1b[39m", 10)).toBe("\x1b[32mok\x1b[39m");
  });

  test("an ASCII line is cut to the width, ending with an ellipsis, colour codes kept whole", () => {
    expect(fitLine("\x1b[32mabcdefghij\x1b[39m", 6)).toBe("\x1b[32mabcde…\x1b[0m");
  });

  test("wide characters count two columns and are never split in half", () => {
    const cut = fitLine("名前: 日本語のバケット", 10, wide);
    expect(cut).toBe("名前: 日…\x1b[0m");
    expect(visibleLength(cut, wide)).toBeLessThanOrEqual(10);
    expect(fitLine("ab日本", 4, wide)).toBe("ab…\x1b[0m");
  });

  test("an emoji is kept whole or left out whole", () => {
    expect(fitLine("✅ 👨‍👩‍👧 done and more", 6)).toBe("✅ 👨‍👩‍👧…\x1b[0m");
    expect(fitLine("abcd👨‍👩‍👧", 5)).toBe("abcd…\x1b[0m");
  });
});

describe("the live area", () => {
  test("once started, it cuts lines of CJK to the terminal's columns", async () => {
    let written = "";
    const area = new LiveArea({ write: (text: string) => void (written += text) } as never, 20);
    await area.onReady();
    area.draw(["資源名: 機械学習プラットフォームのバケット"]);
    const line = written.split("\n")[0]!;
    expect(visibleLength(line, wide)).toBeLessThanOrEqual(20);
    expect(line).toBe("資源名: 機械学習プ…\x1b[0m");
  });
});
