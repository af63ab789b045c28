/**
 * The debrief's requests: the session log and the exports, always with the host token from this
 * device's storage (client/net/http.ts sends it as a Bearer header, never in the URL). Downloads
 * go through a blob URL.
 */
import { hosting } from "../net/storage.ts";
import { call } from "../net/http.ts";
import type { PageReason } from "../net/pageReasons.ts";
import type { ReasonOf } from "../../shared/protocol/http.ts";
import { currentLang } from "../i18n.ts";
import type { Loaded } from "./model.ts";

/** Why the log or an export did not come. */
export type Refusal = { reason: ReasonOf<"debrief" | Export> | PageReason };

/** The exports by the file the page offers. */
const EXPORTS = { "export.json": "exportLog", "players.csv": "playersCsv", "entries.csv": "entriesCsv" } as const;
type Export = (typeof EXPORTS)[keyof typeof EXPORTS];

export function hasToken(code: string): boolean {
  return hosting.get(code) !== undefined;
}

export async function loadDebrief(code: string, names: boolean): Promise<Loaded | Refusal> {
  const hostToken = hosting.get(code)?.hostToken;
  if (!hostToken) return { reason: "not_host" };
  const answer = await call("debrief", { params: { code }, query: names ? { names: "1" } : {}, hostToken });
  return answer.ok ? answer.reply : { reason: answer.reason };
}

/** Downloads an export; resolves to the file name given by the server. */
export async function download(code: string, what: keyof typeof EXPORTS, names: boolean): Promise<string | Refusal> {
  const hostToken = hosting.get(code)?.hostToken;
  if (!hostToken) return { reason: "not_host" };
  // the CSVs label grades, goals and deeds in the language this page is read in
  const query = { ...(names ? { names: "1" as const } : {}), ...(what.endsWith(".csv") ? { lang: currentLang() } : {}) };
  const answer = await call(EXPORTS[what], { params: { code }, query, hostToken });
  if (!answer.ok) return { reason: answer.reason };
  const file = answer.reply.file ?? what;
  saveFile(answer.reply.blob, file);
  return file;
}

/** Hands a file the server sent to the browser's downloads (the event debrief's export too). */
export function saveFile(blob: Blob, file: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
