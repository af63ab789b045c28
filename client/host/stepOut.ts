/**
 * Step-out alerts: a student pressed "step out" on their device. The console names them in a
 * prominent alert with what the commands allow — before the game, make them an observer; during
 * it, let a bot play their character or remove them — until the facilitator acknowledges it (locally).
 */
import { currentLang, t } from "../i18n.ts";
import { byId, el } from "../ui/dom.ts";
import type { Commander } from "./commander.ts";
import { renderKeyed } from "./keyed.ts";
import { nameOf } from "./names.ts";
import type { ConsoleData } from "./types.ts";

const acknowledged = new Set<string>();

export function renderStepOuts(data: ConsoleData, cmd: Commander, rerender: () => void): void {
  const game = data.game;
  const seats = (game?.steppedOut ?? []).filter((seat) => !acknowledged.has(seat));
  renderKeyed(
    byId("alerts"),
    seats,
    (seat) => seat,
    (seat) => JSON.stringify([nameOf(data, seat), game?.phase, game?.players[seat]?.role, game?.players[seat]?.bot, cmd.isBusy(`role:${seat}`), cmd.isBusy(`bot:${seat}`), cmd.isBusy(`back:${seat}`), cmd.isBusy(`kick:${seat}`), currentLang()]),
    (seat) => {
      const name = nameOf(data, seat);
      const phase = game?.phase ?? "lobby";
      const role = game?.players[seat]?.role ?? null;
      const box = el("div", { class: "alert", role: "alert", "data-seat": seat }, el("h2", {}, t("host.stepOut.title", { name })), el("p", {}, t("host.stepOut.intro")));
      const actions = el("div", { class: "alert-actions" });
      if (role === "observer") {
        box.append(el("p", {}, t("host.stepOut.observerHint")));
      } else if (phase === "lobby") {
        box.append(el("p", {}, t("host.stepOut.lobbyHint")));
        const observe = el("button", { type: "button", disabled: cmd.isBusy(`role:${seat}`) }, t("host.stepOut.makeObserver", { name }));
        observe.addEventListener("click", () => void cmd.send(`role:${seat}`, { kind: "assign_role", seatId: seat, role: "observer" }));
        actions.append(observe);
      } else if (phase !== "ended" && game?.players[seat]?.bot) {
        box.append(el("p", {}, t("host.stepOut.handed", { name })));
        const back = el("button", { type: "button", class: "secondary", disabled: cmd.isBusy(`back:${seat}`) }, t("host.stepOut.handBack", { name }));
        back.addEventListener("click", () => void cmd.send(`back:${seat}`, { kind: "hand_back", seatId: seat }));
        actions.append(back);
      } else if (phase !== "ended") {
        box.append(el("p", {}, t("host.stepOut.gameHint")));
        const toBot = el("button", { type: "button", disabled: cmd.isBusy(`bot:${seat}`) }, t("host.stepOut.handToBot", { name }));
        toBot.addEventListener("click", () => void cmd.send(`bot:${seat}`, { kind: "hand_to_bot", seatId: seat }));
        actions.append(toBot);
        const remove = el("button", { type: "button", class: "danger", disabled: cmd.isBusy(`kick:${seat}`) }, t("host.stepOut.remove", { name }));
        remove.addEventListener("click", () => {
          if (confirm(t("host.kickConfirm", { name }))) void cmd.send(`kick:${seat}`, { kind: "kick", seatId: seat });
        });
        actions.append(remove);
      }
      const ack = el("button", { type: "button", class: "secondary", "aria-label": t("host.stepOut.ackLabel", { name }) }, t("host.stepOut.ack"));
      ack.addEventListener("click", () => {
        acknowledged.add(seat);
        rerender();
      });
      actions.append(ack);
      box.append(actions);
      return box;
    },
  );
}
