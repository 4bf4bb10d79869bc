import { describe, expect, it } from "vitest";
import { ByteIndex, byteOffset } from "../../src/lib/spans";

const enc = new TextEncoder();

/** Reference: the string index whose UTF-8 prefix has exactly `byte` bytes (boundaries only). */
function reference(text: string): Map<number, number> {
  const m = new Map<number, number>();
  let i = 0;
  for (const ch of text) {
    m.set(enc.encode(text.slice(0, i)).length, i);
    i += ch.length;
  }
  m.set(enc.encode(text).length, text.length);
  return m;
}

describe("ByteIndex", () => {
  it("maps every character boundary of mixed-width text back to its string index", () => {
    const text = "GENÈVE — “Élise” said 🇫🇷 ok, 東京 and 🚢 again.";
    const idx = new ByteIndex(text);
    expect(idx.byteLength).toBe(enc.encode(text).length);
    for (const [byte, index] of reference(text)) expect(idx.toIndex(byte)).toBe(index);
  });

  it("cuts out exactly what the byte span covers, across checkpoint gaps", () => {
    // 3,000 repetitions puts spans far past several 1,024-unit checkpoints.
    const unit = "é“x”🚢 ";
    const text = unit.repeat(3000) + "TARGET sentence." + unit.repeat(10);
    const start = enc.encode(text.slice(0, text.indexOf("TARGET"))).length;
    const end = start + enc.encode("TARGET sentence.").length;
    expect(new ByteIndex(text).slice([start, end])).toBe("TARGET sentence.");
  });

  it("agrees with TextEncoder at random boundaries of a long random text", () => {
    const alphabet = ["a", " ", "é", "—", "“", "”", "🚢", "東", "\n"];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let text = "";
    for (let i = 0; i < 5000; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
    const idx = new ByteIndex(text);
    const ref = reference(text);
    const bytes = [...ref.keys()];
    for (let k = 0; k < 500; k++) {
      const b = bytes[Math.floor(rand() * bytes.length)];
      expect(idx.toIndex(b)).toBe(ref.get(b));
    }
  });

  it("snaps offsets inside a character to its start and clamps out-of-range offsets", () => {
    const text = "aé🚢b"; // bytes: a=1, é=2, 🚢=4, b=1
    const idx = new ByteIndex(text);
    expect(idx.toIndex(2)).toBe(1); // inside é
    expect(idx.toIndex(4)).toBe(2); // inside 🚢
    expect(idx.toIndex(-5)).toBe(0);
    expect(idx.toIndex(999)).toBe(text.length);
    expect(idx.toRange([7, 3])).toEqual([4, 4]); // reversed span never goes backwards
  });

  it("byteOffset is the inverse on boundaries", () => {
    const text = "“Köhler” 🚢 said";
    for (let i = 0; i <= text.length; i++) {
      if (i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
      expect(new ByteIndex(text).toIndex(byteOffset(text, i))).toBe(i);
    }
  });
});
