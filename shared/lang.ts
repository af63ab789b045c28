/**
 * Languages the interface and scenarios ship in. Every player-facing text in a scenario is a
 * LocalText; the interface's own strings live in assets/strings/<lang>/<area>.json.
 */
export const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];
export type LocalText = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
