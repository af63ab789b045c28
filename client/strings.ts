/**
 * The interface's string tables: `assets/strings/<lang>/<area>.json`, one file per area of the
 * interface (core, play, host, board, debrief …), merged by their top-level keys. Areas never
 * share a top-level key (tests/unit/strings.test.ts checks), so merging cannot hide a string.
 */
import type { Lang } from "../shared/lang.ts";

type Table = Record<string, unknown>;

const files = import.meta.glob<Table>("../assets/strings/*/*.json", { eager: true, import: "default" });

/** Every area's table by language and file name, e.g. AREAS.en.core. */
export const AREAS: Record<Lang, Record<string, Table>> = { en: {}, zh: {} };
for (const [path, table] of Object.entries(files)) {
  const match = /\/strings\/(en|zh)\/([\w-]+)\.json$/.exec(path);
  if (match) AREAS[match[1] as Lang][match[2]!] = table;
}

/** The merged table of one language. */
export function stringTable(lang: Lang): Table {
  return Object.assign({}, ...Object.values(AREAS[lang])) as Table;
}
