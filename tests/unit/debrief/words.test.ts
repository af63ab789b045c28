/**
 * No raw string key in the debrief: every event the timeline can list has its sentence, every
 * status it prints has its word, and every prompt key the generator can produce is in both
 * string tables (as a plain string or a plural family).
 */
import { describe, expect, it } from "vitest";
import { KIND_OF, KINDS, PROMPT_KEYS } from "../../../shared/debrief/index.ts";
import { stringTable } from "../../support/strings.ts";

const tables = { en: stringTable("en"), zh: stringTable("zh") };
const lookup = (table: object, key: string): unknown => key.split(".").reduce<unknown>((x, k) => (x && typeof x === "object" ? (x as Record<string, unknown>)[k] : undefined), table);
const has = (key: string) => {
  for (const [lang, table] of Object.entries(tables)) {
    const last = key.split(".").at(-1)!;
    const parent = key.split(".").slice(0, -1).join(".");
    expect(lookup(table, key) ?? lookup(table, `${parent}.${last}_other`), `${lang}: ${key}`).toEqual(expect.any(String));
  }
};

describe("the debrief's words", () => {
  it("every event type has a kind and a sentence in both languages", () => {
    for (const type of Object.keys(KIND_OF)) has(`debrief.event.${type}`);
    for (const kind of KINDS) has(`debrief.kind.${kind}`);
  });

  it("every status truth vs record prints has its word", () => {
    for (const status of ["pending", "evidence_requested", "approved", "rejected", "reversed", "upheld"]) has(`debrief.truth.status.${status}`);
  });

  it("every prompt key the generator can produce is in both tables", () => {
    // PROMPT_KEYS is the type of the generator's keys, so a key outside it does not compile
    for (const key of PROMPT_KEYS) has(`debrief.prompt.${key}`);
  });
});
