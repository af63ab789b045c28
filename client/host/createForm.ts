/**
 * What the two create forms share — the host console's (a session) and the event console's (an
 * event): the retention choices, and a refusal shown with each bad field named (and the host-key
 * field opened when the server asks for one). Both pages use the same element ids for these.
 */
import { t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import type { Problem } from "../../shared/protocol/http.ts";

const RETENTION_CHOICES = [1, 7, 30];

/** The retention select (`#retention`), in the current language, keeping its value (7 days at first). */
export function renderRetention(): void {
  const select = byId<HTMLSelectElement>("retention");
  const value = select.value || "7";
  select.replaceChildren(...RETENTION_CHOICES.map((d) => el("option", { value: String(d) }, t("host.days", { count: d }))));
  select.value = value;
}

/** A refused create: the reason in `#create-error`, each problem in `#create-problems`. */
export function showRefusal(refusal: { reason: string; problems?: Problem[] }): void {
  if (refusal.reason === "host_key_required") show(byId("host-key-field"), true);
  byId("create-error").textContent = t(`reason.${refusal.reason}`);
  byId("create-problems").replaceChildren(...(refusal.problems ?? []).slice(0, 30).map((p) => el("li", {}, `${p.path}: ${p.message}`)));
}

/** The JSON of the file chosen in `input`: undefined when none is, or the problem (`notJsonKey`, naming the file) when it is not JSON. */
export async function chosenJson(input: HTMLInputElement, notJsonKey: string): Promise<{ json: unknown } | { problem: string } | undefined> {
  const file = input.files?.[0];
  if (!file) return undefined;
  try {
    return { json: JSON.parse(await file.text()) as unknown };
  } catch {
    return { problem: t(notJsonKey, { file: file.name }) };
  }
}
