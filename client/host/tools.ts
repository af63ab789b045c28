/**
 * Messages and events: broadcast a short message to the board and every device (with the list of
 * what was sent), inject one of the scenario's event cards (played ones marked), and switch the
 * public board to pseudonyms.
 */
import { currentLang, local, t } from "../i18n.ts";
import { byId, el } from "../ui/dom.ts";
import { ANNOUNCEMENT_MAX } from "../../shared/lobby/lobby.ts";
import type { Commander } from "./commander.ts";
import { renderKeyed, setOptions } from "./keyed.ts";
import { cardName } from "./names.ts";
import { isRunning, type ConsoleData } from "./types.ts";

let current: ConsoleData | undefined;

export function toolControls(cmd: Commander, rerender: () => void): void {
  const text = byId<HTMLInputElement>("broadcast-text");
  text.maxLength = ANNOUNCEMENT_MAX;
  text.addEventListener("input", renderCount);
  byId<HTMLFormElement>("broadcast-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const message = text.value.trim();
    if (!message) {
      cmd.say("reason.empty_text");
      return;
    }
    void cmd.send("broadcast", { kind: "broadcast", text: message }, "host.tools.sentDone").then((reply) => {
      if (reply.ok) {
        text.value = "";
        renderCount();
      }
    });
  });
  byId<HTMLFormElement>("card-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const card = byId<HTMLSelectElement>("card-select").value;
    if (card) void cmd.send("inject", { kind: "inject_card", card }, "host.tools.injectedDone", { card: cardName(current?.view?.rulebook ?? null, card) });
  });
  byId<HTMLSelectElement>("card-select").addEventListener("change", rerender);
  const toggle = byId<HTMLInputElement>("anon-toggle");
  toggle.addEventListener("change", () => {
    const on = toggle.checked;
    // disabled until the server answers; then the box shows the server's value again
    void cmd.send("anonymous", { kind: "anonymous_board", on }, on ? "host.tools.anonymousOn" : "host.tools.anonymousOff");
  });
}

function renderCount(): void {
  const length = byId<HTMLInputElement>("broadcast-text").value.length;
  byId("broadcast-count").textContent = t("host.tools.count", { count: length, max: ANNOUNCEMENT_MAX });
}

export function renderTools(data: ConsoleData, cmd: Commander): void {
  current = data;
  renderCount();
  byId<HTMLButtonElement>("broadcast-send").disabled = cmd.isBusy("broadcast");
  const sent = [...(data.view?.announcements ?? [])].reverse();
  const list = byId("broadcasts");
  if (sent.length === 0) list.replaceChildren(el("li", { class: "empty" }, t("host.tools.noneSent")));
  else {
    list.querySelector("li.empty")?.remove();
    renderKeyed(
      list,
      sent,
      (a) => `${a.at}:${a.text}`,
      () => currentLang(),
      (a) => el("li", {}, el("time", { datetime: new Date(a.at).toISOString() }, new Date(a.at).toLocaleTimeString(currentLang() === "zh" ? "zh-CN" : "en-GB", { hour: "2-digit", minute: "2-digit" })), " ", a.text),
    );
  }

  // event cards
  const rulebook = data.view?.rulebook ?? null;
  const played = data.game?.cards ?? [];
  const playedIds = new Set(played.map((c) => c.card));
  const cards = rulebook?.eventCards ?? [];
  const select = byId<HTMLSelectElement>("card-select");
  setOptions(
    select,
    cards.map((c) => {
      const label = local(c.label);
      const when = c.day === null ? t("host.tools.cardByHand", { label }) : t("host.tools.cardDay", { label, day: c.day });
      return { value: c.id, label: playedIds.has(c.id) ? t("host.tools.cardPlayed", { label: when }) : when };
    }),
  );
  const chosen = cards.find((c) => c.id === select.value);
  byId("card-text").textContent = chosen ? local(chosen.text) : "";
  const running = isRunning(data.game?.phase);
  byId<HTMLButtonElement>("inject").disabled = cmd.isBusy("inject") || !running || cards.length === 0;
  const phase = data.game?.phase;
  byId("card-hint").textContent =
    cards.length === 0 ? t("host.tools.noCards") : running ? "" : phase === "ended" ? t("reason.game_over") : t("host.tools.cardsOnlyRunning");
  const playedList = byId("cards-played");
  if (played.length === 0) playedList.replaceChildren(el("li", { class: "empty" }, t("host.tools.nonePlayed")));
  else playedList.replaceChildren(...played.map((c) => el("li", {}, t("host.tools.playedOn", { label: cardName(rulebook, c.card), day: c.day }))));

  // anonymous board
  const on = Boolean(data.view?.anonymousBoard);
  const toggle = byId<HTMLInputElement>("anon-toggle");
  if (!cmd.isBusy("anonymous")) toggle.checked = on;
  toggle.disabled = cmd.isBusy("anonymous");
  const state = byId("anon-state");
  state.textContent = t(on ? "host.tools.anonymousOn" : "host.tools.anonymousOff");
  state.classList.toggle("on", on);
}
