/**
 * A neighbourhood card's players: each nickname (bots and absent players marked) and, before the
 * start, a "move to" choice that sends a student to another neighbourhood of the event
 * (`movePlayer`): their device is told where, and joins it with the same nickname.
 */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { call } from "../net/http.ts";
import { randomToken } from "../net/storage.ts";
import { renderKeyed, setOptions } from "../host/keyed.ts";
import type { ConsoleData } from "../host/types.ts";
import type { LobbyPlayer } from "../net/link.ts";
import type { Outcome } from "./outcome.ts";
import type { District } from "./card.ts";
import type { Pending } from "./pending.ts";

/** Says how a move went: the neighbourhood's reply, the player's name and where they went. */
export type Moved = (reply: Outcome, name: string, to: string) => void;

export function renderPlayers(list: HTMLElement, data: ConsoleData, district: District, errands: Pending, moved: Moved): void {
  const inLobby = (data.game?.phase ?? data.lobby.phase) === "lobby";
  const others = district.neighbourhoods.filter((n) => n.code !== data.code).map((n) => ({ value: n.code, label: local(n.name) }));
  // the students first: bots fill seats, they are not whom the facilitator looks for
  const players = [...data.lobby.players].sort((a, b) => Number(bot(data, a)) - Number(bot(data, b)));
  if (players.length === 0) {
    list.replaceChildren(el("li", { class: "muted" }, t("event.card.noPlayers")));
    return;
  }
  list.querySelector("li.muted")?.remove();
  renderKeyed(
    list,
    players,
    (p) => p.seatId,
    (p) => JSON.stringify([p, bot(data, p), inLobby, others, errands.has(`move:${p.seatId}`), currentLang()]),
    (p) => {
      const item = el("li", {}, el("span", { class: "name" }, p.nickname));
      if (bot(data, p)) item.append(" ", el("span", { class: "tag bot" }, t("event.card.bot")));
      else if (!p.connected) item.append(" ", el("span", { class: "tag" }, t("event.card.away")));
      if (inLobby && !bot(data, p) && others.length > 0) item.append(moveForm(data, p, district, errands, others, moved));
      return item;
    },
  );
}

function bot(data: ConsoleData, p: LobbyPlayer): boolean {
  return Boolean(data.game?.players[p.seatId]?.bot);
}

function moveForm(data: ConsoleData, p: LobbyPlayer, district: District, errands: Pending, others: { value: string; label: string }[], moved: Moved): HTMLFormElement {
  const id = `move-${data.code}-${p.seatId}`;
  const select = el("select", { id });
  setOptions(select, others);
  const go = el("button", { type: "submit", id: `${id}-go`, class: "secondary", disabled: errands.has(`move:${p.seatId}`) }, t("event.card.move"));
  const form = el("form", { class: "move" }, el("label", { for: id, class: "visually-hidden" }, t("event.card.moveTo", { name: p.nickname })), select, go);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const to = select.value;
    const name = others.find((o) => o.value === to)?.label ?? to;
    void errands
      .run(`move:${p.seatId}`, () => call("movePlayer", { params: { code: district.code }, body: { from: data.code, seatId: p.seatId, to, id: randomToken(24) }, hostToken: district.hostToken }))
      .then((answer) => {
        if (answer) moved(answer.ok ? answer.reply : answer, p.nickname, name);
      });
  });
  return form;
}
