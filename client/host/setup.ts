/**
 * The lobby's set-up panel: the scenario's player range and role mix, auto-balance, bots with a
 * personality, and "Start the game" — disabled, with the reason beside it, until enough seats play.
 */
import { local, t } from "../i18n.ts";
import { byId, show } from "../ui/dom.ts";
import { PERSONALITIES, type Role } from "../../shared/rules/state.ts";
import { OBSERVER, PLAYING_ROLES, ROLES } from "../../shared/rules/roleBook.ts";
import type { Commander } from "./commander.ts";
import { setOptions } from "./keyed.ts";
import { roleName } from "./names.ts";
import type { ConsoleData } from "./types.ts";
import type { Scenario } from "../../shared/scenario/index.ts";

export function setupControls(cmd: Commander): void {
  byId("auto-balance").addEventListener("click", () => void cmd.send("auto-balance", { kind: "auto_balance" }));
  byId<HTMLFormElement>("add-bot").addEventListener("submit", (event) => {
    event.preventDefault();
    const personality = byId<HTMLSelectElement>("bot-personality").value as (typeof PERSONALITIES)[number] | "auto";
    const count = byId<HTMLInputElement>("bot-count").valueAsNumber;
    // several bots are one command: one reply, and no burst of messages for the flood limit
    void cmd.send("add-bot", { kind: "add_bot", personality, count: Number.isInteger(count) && count > 0 ? count : 1 });
  });
  byId("start").addEventListener("click", () => void cmd.send("start", { kind: "start" }));
}

export function renderSetup(data: ConsoleData, cmd: Commander): void {
  const game = data.game;
  const inLobby = (game?.phase ?? data.lobby.phase) === "lobby";
  show(byId("setup"), inLobby);
  if (!inLobby) return;
  const rulebook = data.view?.rulebook ?? null;
  setOptions(
    byId<HTMLSelectElement>("bot-personality"),
    ["auto", ...PERSONALITIES].map((p) => ({ value: p, label: t(`host.personalities.${p}`) })),
    "auto",
  );
  const players = game ? game.seats.map((seat) => game.players[seat]).filter((p) => p !== undefined) : [];
  const playing = players.filter((p) => p.role !== OBSERVER);
  const min = rulebook?.minPlayers ?? 0;
  if (rulebook) {
    byId("scenario-facts").textContent = t("host.setup.facts", { scenario: local(rulebook.title), min, max: rulebook.maxPlayers, days: rulebook.phases.days });
    if (game) byId("role-targets").textContent = t("host.setup.targets", { count: playing.length, roles: mix(rulebook, game.roleTargets) });
  }
  const assigned = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
  for (const p of players) if (p.role) assigned[p.role]++;
  const unassigned = players.filter((p) => p.role === null).length;
  byId("role-assigned").textContent = [
    t("host.setup.current", { roles: mix(rulebook, assigned, assigned.observer > 0) }),
    unassigned > 0 ? t("host.setup.unassigned", { count: unassigned }) : "",
  ].join(" ");

  byId<HTMLButtonElement>("auto-balance").disabled = cmd.isBusy("auto-balance") || players.length === 0;
  const places = Math.max(0, (rulebook?.maxPlayers ?? 0) - playing.length);
  const count = byId<HTMLInputElement>("bot-count");
  count.max = String(Math.max(1, places));
  if (count.valueAsNumber > places && places > 0) count.value = String(places);
  byId<HTMLButtonElement>("add-bot-go").disabled = cmd.isBusy("add-bot") || places === 0;
  const tooFew = playing.length < min;
  const start = byId<HTMLButtonElement>("start");
  start.disabled = cmd.isBusy("start") || tooFew || !game;
  const reason = byId("start-reason");
  // waiting for a class to join is not an error: the lobby says what it waits for, in plain colour
  reason.textContent = tooFew ? t("host.setup.needMore", { min, count: playing.length }) : t("host.setup.ready", { count: playing.length });
}

function mix(rulebook: Scenario | null, counts: Partial<Record<Role, number>>, withObservers = false): string {
  const roles: Role[] = withObservers ? [...PLAYING_ROLES, OBSERVER] : PLAYING_ROLES;
  return roles.map((role) => `${roleName(rulebook, role)} ${counts[role] ?? 0}`).join(" · ");
}
