/** The string tables: both languages carry every key, nothing is empty, every reason is translated. */
import { describe, expect, it } from "vitest";
import i18next from "i18next";
import { AREAS, stringTable } from "../support/strings.ts";
import { REASONS } from "../../shared/reasons.ts";
import { MEASURES } from "../../shared/scenario/index.ts";
import { SIMULATOR_ONLY_MEASURES } from "../../shared/district/compare.ts";
import { ANY_ROUTE, ROUTES } from "../../shared/protocol/http.ts";
import { PAGE_REASONS } from "../../client/net/pageReasons.ts";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/clientBuild.ts";

function flatten(table: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(table)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, flatten(value as object, path));
  }
  return out;
}

const enKeys = flatten(stringTable("en"));
const zhKeys = flatten(stringTable("zh"));

describe("string tables", () => {
  it("are split into areas that never share a top-level key, the same areas in both languages", () => {
    expect(Object.keys(AREAS.zh).sort()).toEqual(Object.keys(AREAS.en).sort());
    expect(Object.keys(AREAS.en)).toContain("core");
    for (const lang of ["en", "zh"] as const) {
      const seen = new Map<string, string>();
      for (const [area, table] of Object.entries(AREAS[lang])) {
        for (const key of Object.keys(table)) {
          expect(seen.get(key), `${lang}/${area}.json repeats "${key}"`).toBeUndefined();
          seen.set(key, area);
        }
      }
    }
  });

  it("have the same keys in English and Simplified Chinese", () => {
    expect(Object.keys(zhKeys).sort()).toEqual(Object.keys(enKeys).sort());
  });

  it("have no empty strings and keep the same placeholders", () => {
    for (const [key, text] of Object.entries(enKeys)) {
      expect(text.trim(), key).not.toBe("");
      expect(zhKeys[key]?.trim(), key).not.toBe("");
      const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(placeholders(zhKeys[key]!), key).toEqual(placeholders(text));
    }
  });

  it("give every plural family its general form in both languages", () => {
    for (const keys of [enKeys, zhKeys]) {
      for (const key of Object.keys(keys).filter((k) => /_(zero|one|two|few|many)$/.test(k))) {
        const base = key.replace(/_(zero|one|two|few|many)$/, "");
        // the general form: key_other, or the bare key (i18next falls back to it)
        expect(keys[`${base}_other`] ?? keys[base], `${base}_other`).toBeTruthy();
      }
    }
  });

  it("translate every reason in the table, every reason an HTTP route declares and those a page gives itself", () => {
    const declared = [...ANY_ROUTE, ...Object.values(ROUTES).flatMap((route) => route.reasons)];
    for (const reason of declared) expect(REASONS, `an HTTP route answers ${reason}`).toContain(reason);
    for (const reason of [...REASONS, ...PAGE_REASONS]) {
      expect(enKeys[`reason.${reason}`]?.trim(), `en: reason.${reason}`).toBeTruthy();
      expect(zhKeys[`reason.${reason}`]?.trim(), `zh: reason.${reason}`).toBeTruthy();
    }
  });

  it("name every experience measure in the scenario lab, and every one a real game has in the event debrief, in both languages", () => {
    for (const m of MEASURES) {
      expect(enKeys[`lab.measure.${m}`], m).toBeTruthy();
      expect(zhKeys[`lab.measure.${m}`], m).toBeTruthy();
      if (SIMULATOR_ONLY_MEASURES.includes(m)) continue;
      expect(enKeys[`eventDebrief.figure.measure.${m}`], m).toBeTruthy();
      expect(zhKeys[`eventDebrief.figure.measure.${m}`], m).toBeTruthy();
    }
  });

  it("pick the form that agrees with the count (the event debrief's truth, sentence by sentence)", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: "en", resources: { en: { translation: stringTable("en") }, zh: { translation: stringTable("zh") } }, interpolation: { escapeValue: false } });
    const truth = (key: string, count: number, lng = "en") => i18n.t(`eventDebrief.truth.${key}`, { lng, count, recorded: 1, falseEntries: 0, cameraFalse: 0, falsePublished: 0, wrongful: 0, lifted: 0, stayed: 0, reversed: 1, upheld: 0, byPolicy: 0, pending: 0 });
    expect(truth("deeds", 1)).toBe("1 deed was done (recorded by a true entry: 1).");
    expect(truth("deeds", 7)).toBe("7 deeds were done (recorded by a true entry: 1).");
    expect(truth("entries", 1)).toMatch(/^1 journal entry was written \(/);
    expect(truth("listings", 0)).toBe("Nobody was blacklisted.");
    expect(truth("listings", 1)).toMatch(/^1 blacklisting \(/);
    expect(truth("appeals", 1)).toMatch(/^1 appeal \(reversed by an official: 1,/);
    expect(truth("appeals", 0)).toBe("No appeals were filed.");
    expect(truth("appeals", 3, "zh")).toMatch(/^共 3 个申诉/);
  });

  it("cover every data-i18n key used in the pages", () => {
    const files = (readdirSync(join(ROOT, "client"), { recursive: true }) as string[]).filter((f) => /\.(html|ts)$/.test(f));
    for (const file of files) {
      const text = readFileSync(join(ROOT, "client", file), "utf8");
      const keys = [...text.matchAll(/data-i18n(?:-title)?="([\w.]+)"|\bt\("([\w.]+)"/g)].map((m) => m[1] ?? m[2]);
      // a counted string is a plural family (key_one, key_other, maybe key_zero): i18next picks the form
      for (const key of keys) expect(enKeys[key!] ?? enKeys[`${key}_other`], `${file}: ${key}`).toBeTruthy();
    }
  });
});
