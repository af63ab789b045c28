/**
 * The debrief's requests: the session log and the exports, always with the host token from this
 * device's storage as a Bearer header (never in the URL). Downloads go through a blob URL.
 */
import { hosting } from "../net/storage.ts";
import { currentLang } from "../i18n.ts";
import type { Loaded } from "./model.ts";

export type Problem = { reason: string };

function headers(code: string): HeadersInit | undefined {
  const record = hosting.get(code);
  return record ? { authorization: `Bearer ${record.hostToken}` } : undefined;
}

export function hasToken(code: string): boolean {
  return hosting.get(code) !== undefined;
}

async function request(code: string, path: string, names: boolean): Promise<Response | Problem> {
  const h = headers(code);
  if (!h) return { reason: "not_host" };
  try {
    // the CSVs label grades, goals and deeds in the language this page is read in
    const query = new URLSearchParams({ ...(names ? { names: "1" } : {}), ...(path.endsWith(".csv") ? { lang: currentLang() } : {}) }).toString();
    const response = await fetch(`/api/sessions/${encodeURIComponent(code)}/${path}${query ? `?${query}` : ""}`, { headers: h, cache: "no-store" });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { reason?: string };
      return { reason: body.reason ?? "network" };
    }
    return response;
  } catch {
    return { reason: "network" };
  }
}

export async function loadDebrief(code: string, names: boolean): Promise<Loaded | Problem> {
  const r = await request(code, "debrief", names);
  return r instanceof Response ? ((await r.json()) as Loaded) : r;
}

/** Downloads an export; resolves to the file name given by the server. */
export async function download(code: string, what: "export.json" | "players.csv" | "entries.csv", names: boolean): Promise<string | Problem> {
  const r = await request(code, what, names);
  if (!(r instanceof Response)) return r;
  const file = /filename="([^"]+)"/.exec(r.headers.get("content-disposition") ?? "")?.[1] ?? what;
  const url = URL.createObjectURL(await r.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file;
}
