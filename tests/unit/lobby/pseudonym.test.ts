import { describe, expect, it } from "vitest";
import { pseudonymAt, pseudonyms } from "../../../shared/lobby/pseudonym.ts";

describe("pseudonyms", () => {
  it("are stable by joining order and unique for a large workshop, in both languages", () => {
    const seats = Array.from({ length: 250 }, (_, i) => `s${i}`);
    const names = pseudonyms(seats);
    expect(names.get("s0")).toEqual({ en: "Heron", zh: "苍鹭" });
    expect(pseudonyms(seats).get("s137")).toEqual(names.get("s137"));
    expect(new Set([...names.values()].map((n) => n.en)).size).toBe(250);
    expect(new Set([...names.values()].map((n) => n.zh)).size).toBe(250);
    expect(pseudonymAt(40)).toEqual({ en: "Heron 2", zh: "苍鹭2" });
  });
});
