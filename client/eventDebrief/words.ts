/** How the event debrief words its data: a prompt's key and values in the reader's language, a street's name. */
import { local, t } from "../i18n.ts";
import type { ComparePrompt, PromptParam } from "../../shared/district/comparePrompts.ts";
import type { LocalText } from "../../shared/lang.ts";

/** A prompt's or a rule row's value in the reader's language. */
export function param(p: PromptParam): string | number {
  if (typeof p === "number" || typeof p === "string") return p;
  if ("key" in p) {
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(p.params ?? {})) values[k] = typeof v === "number" ? v : local(v);
    return t(p.key, values);
  }
  return local(p as LocalText);
}

export function promptText(p: ComparePrompt): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params)) values[k] = param(v);
  return t(p.key, values);
}

/** A share as a whole percentage ("33 %", "33%"). */
export function percentText(x: number): string {
  return t("eventDebrief.table.percent", { n: Math.round(x * 100) });
}
