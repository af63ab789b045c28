/**
 * The interface's string tables: `assets/strings/<lang>/<area>.json`, one file per area of the
 * interface. Every page gets `core` (i18n.ts); a page or a lazily loaded part adds its own area
 * with `addStrings(area(en, zh))` when it loads, so the join page never carries the host
 * console's, the board's or the debrief's strings. Areas never share a top-level key
 * (tests/unit/strings.test.ts checks), so adding one cannot hide another's string.
 */
import type { Lang } from "../shared/lang.ts";

export type Table = Record<string, unknown>;
export type Area = Record<Lang, Table>;

export function area(en: Table, zh: Table): Area {
  return { en, zh };
}
