/**
 * Every string table at once, for tests: `AREAS.en.core` …, and `stringTable(lang)` merging all
 * areas (pages load only the areas they use; see client/strings.ts).
 */
import type { Lang } from "../../shared/lang.ts";

type Table = Record<string, unknown>;

const files = import.meta.glob<Table>("../../assets/strings/*/*.json", { eager: true, import: "default" });

export const AREAS: Record<Lang, Record<string, Table>> = { en: {}, zh: {} };
for (const [path, table] of Object.entries(files)) {
  const match = /\/strings\/(en|zh)\/([\w-]+)\.json$/.exec(path);
  if (match) AREAS[match[1] as Lang][match[2]!] = table;
}

/** The merged table of one language. */
export function stringTable(lang: Lang): Table {
  return Object.assign({}, ...Object.values(AREAS[lang])) as Table;
}

/** Fills {{placeholders}} like i18next does. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));
}
