import { describe, expect, it } from "vitest";
import { checkNicknameShape, cleanNickname, nicknameKey, suggestNickname, NICKNAME_MAX } from "../../../shared/lobby/nickname.ts";
import { checkNickname } from "../../../shared/lobby/nicknamePolicy.ts";
import { isJoinCode, normalizeJoinCode, JOIN_CODE_ALPHABET } from "../../../shared/lobby/joinCode.ts";

describe("nicknames", () => {
  it("cleans spacing and normalises Unicode", () => {
    expect(cleanNickname("  Mei   Lin ")).toBe("Mei Lin");
    expect(cleanNickname("Jose\u0301")).toBe("José");
    expect(cleanNickname("new\nline\tand tab")).toBe("new line and tab");
  });

  it("accepts letters of any script, digits and a little punctuation", () => {
    for (const ok of ["Mei", "李华", "O'Neil", "ana-maría", "x_9", "Zoë 2", "Ли"]) expect(checkNickname(ok)).toMatchObject({ ok: true });
  });

  it("refuses each bad shape with its own reason", () => {
    expect(checkNicknameShape("a")).toEqual({ ok: false, problem: "nickname_too_short" });
    expect(checkNicknameShape("   ")).toEqual({ ok: false, problem: "nickname_too_short" });
    expect(checkNicknameShape("a".repeat(NICKNAME_MAX + 1))).toEqual({ ok: false, problem: "nickname_too_long" });
    expect(checkNicknameShape("李".repeat(NICKNAME_MAX))).toMatchObject({ ok: true }); // counted in characters, not bytes
    for (const bad of ["<script>", "a@b", "-lead", "emoji😀", "zero\u200bwidth", "rtl\u202eoverride"]) {
      expect(checkNicknameShape(bad), bad).toEqual({ ok: false, problem: "nickname_characters" });
    }
  });

  it("filters offensive names in English (with disguises) and Chinese, without false alarms", () => {
    for (const bad of ["fuck", "Sh1t head", "b1tch", "a55", "4ss", "傻逼", "你 妈 的"]) expect(checkNickname(bad), bad).toEqual({ ok: false, problem: "nickname_offensive" });
    for (const fine of ["Scunthorpe", "Cassie", "Hancock", "Bass", "Guest 455", "Room 717", "4455"]) expect(checkNickname(fine), fine).toMatchObject({ ok: true });
  });

  it("compares names without case or width", () => {
    expect(nicknameKey("MEI")).toBe(nicknameKey("mei"));
    expect(nicknameKey("ＭＥＩ")).toBe(nicknameKey("mei"));
  });

  it("compares look-alike letters as one name (Cyrillic, Greek, digits), and keeps different names apart", () => {
    const same: [string, string][] = [
      ["\u0410lice", "Alice"], // Cyrillic А
      ["Ali\u0441e", "alice"], // Cyrillic с
      ["\u0391lice", "Alice"], // Greek Α
      ["\u041c\u0435\u0456", "Mei"], // Cyrillic М, е, і
      ["A1ice", "Alice"],
      ["AIice", "Alice"],
      ["B0b", "Bob"],
      ["Rnary", "Mary"],
      ["\u0397elen", "Helen"], // Greek Η
      ["Ｏｌｉ", "Oli"], // fullwidth
    ];
    for (const [a, b] of same) expect(nicknameKey(a), `${a} vs ${b}`).toBe(nicknameKey(b));
    for (const [a, b] of <[string, string][]>[["Alice", "Alicia"], ["Mei", "May"], ["李华", "李蕐"], ["Bob", "Rob"], ["Ann", "Anne"]]) expect(nicknameKey(a), `${a} vs ${b}`).not.toBe(nicknameKey(b));
    expect(suggestNickname("\u0410lice", ["Alice"])).toBe("\u0410lice 2");
  });

  it("suggests the first free numbered variant that still fits", () => {
    expect(suggestNickname("Mei", ["Mei"])).toBe("Mei 2");
    expect(suggestNickname("Mei", ["Mei", "mei 2"])).toBe("Mei 3");
    const long = "abcdefghijklmnop";
    const suggestion = suggestNickname(long, [long]);
    expect([...suggestion].length).toBeLessThanOrEqual(NICKNAME_MAX);
    expect(checkNicknameShape(suggestion)).toMatchObject({ ok: true });
  });
});

describe("join codes", () => {
  it("use no ambiguous characters", () => {
    for (const c of "01OIL") expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it("normalise what students type", () => {
    expect(normalizeJoinCode(" k7m-pq2 ")).toBe("K7MPQ2");
    expect(isJoinCode("K7MPQ2")).toBe(true);
    expect(isJoinCode("K7MPQ")).toBe(false);
    expect(isJoinCode("K7MPQO")).toBe(false); // O is not in the alphabet
    expect(isJoinCode(123456)).toBe(false);
  });
});
