/**
 * The console of one event: reads the event with its host token (each neighbourhood's own token
 * goes into this device's `hosting`, so each full console and debrief opens here too), shows the
 * code students type, the event-wide bar, and one card per neighbourhood, each with its own host
 * connection.
 */
import { t } from "../i18n.ts";
import { byId, show } from "../ui/dom.ts";
import { events, hosting, keepNeighbourhoodTokens } from "../net/storage.ts";
import { call } from "../net/http.ts";
import { NeighbourhoodCard, type District } from "./card.ts";
import { Pending } from "./pending.ts";
import { renderWide, retranslateWide, sayInBar, wideControls } from "./wide.ts";
import { saveEventExport } from "../eventDebrief/load.ts";
import { reachableOrigin } from "../board/joinAddress.ts";
import { reasonKey } from "./outcome.ts";

let cards: NeighbourhoodCard[] = [];
const errands = new Pending(() => renderConsole());

export function renderConsole(): void {
  renderWide(errands);
  byId<HTMLButtonElement>("download").disabled = errands.has("download");
  byId<HTMLButtonElement>("delete-event").disabled = errands.has("delete");
  for (const card of cards) card.rerender();
}

export function retranslateConsole(): void {
  retranslateWide();
  for (const card of cards) card.retranslate();
}

function say(key: string, params: Record<string, unknown> = {}, refused = false): void {
  sayInBar(() => t(key, params), refused);
}

/** Opens the console of an event created on this device; `missing(code)` when this device holds no token for it. */
export async function openConsole(code: string, missing: (code: string) => void): Promise<void> {
  const record = events.get(code);
  if (!record) return missing(code);
  show(byId("start-view"), false);
  show(byId("console-view"), true);
  byId("event-code").textContent = code;
  byId("event-title").textContent = record.title || t("event.untitled", { code });
  byId("join-url").textContent = `${location.origin}/join/${code}`;
  void reachableOrigin().then((origin) => (byId("join-url").textContent = `${origin}/join/${code}`));
  byId<HTMLAnchorElement>("open-big-board").href = `/event/${code}/board`;
  byId<HTMLAnchorElement>("open-event-debrief").href = `/event/${code}/debrief`;
  window.scrollTo(0, 0);
  byId("console-title").focus({ preventScroll: true });
  const answer = await call("event", { params: { code }, hostToken: record.hostToken });
  if (!answer.ok) return say(reasonKey(answer.reason), {}, true);
  const info = answer.reply;
  keepNeighbourhoodTokens(info);
  const district: District = { code, hostToken: record.hostToken, neighbourhoods: info.neighbourhoods, pinned: info.pinned };
  cards = info.neighbourhoods.map((n) => new NeighbourhoodCard(n, district, errands, renderConsole));
  byId("cards").replaceChildren(...cards.map((card) => card.element));
  wideControls(district, () => cards, errands);
  byId("download").addEventListener("click", () => {
    // the event debrief saves the same file: its helper (anonymised, as the export is by default)
    void errands.run("download", () => saveEventExport(code, false)).then((saved) => {
      if (typeof saved === "string") say("event.downloaded", { file: saved });
      else if (saved) say(reasonKey(saved.reason), {}, true);
    });
  });
  byId("delete-event").addEventListener("click", () => void deleteEvent(code, record.hostToken, info.neighbourhoods.map((n) => n.code)));
  renderConsole();
  // the countdowns move between updates
  setInterval(() => cards.forEach((card) => card.tick()), 500);
  await Promise.all(cards.map((card) => card.connect()));
}

/**
 * "Delete the event now": every neighbourhood and everything it recorded, then the event. The
 * students are disconnected; this device forgets the tokens; the start screen says it is done.
 */
async function deleteEvent(code: string, hostToken: string, neighbourhoods: string[]): Promise<void> {
  if (!confirm(t("event.deleteConfirm", { code }))) return;
  const answer = await errands.run("delete", () => call("deleteEvent", { params: { code }, hostToken }));
  if (!answer) return; // already on its way
  // not_host: no such event (or not with this token): it is gone from the server either way
  if (!answer.ok && answer.reason !== "not_host") return say(reasonKey(answer.reason), {}, true);
  for (const n of neighbourhoods) hosting.forget(n);
  events.forget(code);
  location.assign(`/event?deleted=${code}`);
}
