/**
 * The players table: everyone seated, bot or human, connected or away, with their role. In the
 * lobby the role is a select (`assign_role`); rename and remove work throughout; a bot can be
 * removed before the game and its seat given to a late joiner (`give_bot_seat`) at any time.
 */
import { ROLES, isPlaying } from "../../shared/rules/roleBook.ts";
import { currentLang, t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import type { LobbyPlayer } from "../net/link.ts";
import type { Role } from "../../shared/rules/state.ts";
import type { FacilitatorPlayer } from "../../shared/rules/views.ts";
import type { Commander } from "./commander.ts";
import { renderKeyed } from "./keyed.ts";
import { roleName } from "./names.ts";
import type { ConsoleData } from "./types.ts";

/** The seat being renamed and its form, kept across re-renders so live updates never wipe what the host types. */
let renaming: { seatId: string; form?: HTMLFormElement } | undefined;

type Row = { player: LobbyPlayer; game: FacilitatorPlayer | undefined };

export function renderRoster(data: ConsoleData, cmd: Commander, rerender: () => void): void {
  const { lobby } = data;
  const order = data.game?.seats ?? [];
  const rows: Row[] = lobby.players
    .map((player) => ({ player, game: data.game?.players[player.seatId] }))
    .sort((a, b) => rank(order, a.player.seatId) - rank(order, b.player.seatId));
  byId("players-heading").textContent = t("host.players", { count: rows.length, max: lobby.maxPlayers });
  byId("players-caption").textContent = t("host.players", { count: rows.length, max: lobby.maxPlayers });
  show(byId("no-players"), rows.length === 0);
  show(byId("players-table"), rows.length > 0);
  const inLobby = (data.game?.phase ?? lobby.phase) === "lobby";
  // humans who may take over a bot's seat: no playing role yet (observers, or nobody assigned in the lobby)
  const takers = rows.filter((r) => r.game && r.game.bot === null && (r.game.role === null || r.game.role === "observer")).map((r) => r.player);
  const steppedOut = new Set(data.game?.steppedOut ?? []);
  const available = ROLES.filter((role) => !isPlaying(role) || !data.view?.rulebook || data.view.rulebook.roles[role].ratio > 0 || data.view.rulebook.roles[role].min > 0);
  renderKeyed(
    byId("players"),
    rows,
    (r) => r.player.seatId,
    (r) =>
      JSON.stringify([
        r.player,
        r.game?.role,
        r.game?.bot,
        steppedOut.has(r.player.seatId),
        inLobby,
        r.game?.bot ? takers.map((p) => [p.seatId, p.nickname]) : 0,
        busyKeys(cmd, r.player.seatId),
        renaming?.seatId === r.player.seatId,
        currentLang(),
        available,
      ]),
    (r) => playerRow(data, r, { inLobby, takers, steppedOut: steppedOut.has(r.player.seatId), available }, cmd, rerender),
  );
}

function rank(order: string[], seat: string): number {
  const i = order.indexOf(seat);
  return i < 0 ? order.length : i;
}

function busyKeys(cmd: Commander, seat: string): string[] {
  return ["role", "kick", "rename", "remove-bot", "give-seat"].filter((k) => cmd.isBusy(`${k}:${seat}`));
}

type RowContext = { inLobby: boolean; takers: LobbyPlayer[]; steppedOut: boolean; available: Role[] };

function playerRow(data: ConsoleData, { player, game }: Row, context: RowContext, cmd: Commander, rerender: () => void): HTMLTableRowElement {
  const isBot = Boolean(game?.bot);
  const kind = el("td", { class: "kind", "data-label": t("host.kind") });
  kind.append(el("span", { class: isBot ? "tag bot" : "tag human" }, isBot ? botLabel(game?.bot ?? "auto") : t("host.human")));
  if (context.steppedOut) kind.append(" ", el("span", { class: "tag alert" }, t("host.steppedOutBadge")));
  const status = el("td", { "data-label": t("host.status") }, el("span", { class: player.connected ? "dot online" : "dot away" }, t(player.connected ? "status.online" : "status.away")));
  const role = el("td", { class: "role", "data-label": t("host.role") }, context.inLobby && game ? roleSelect(data, player, game, context.available, cmd) : roleName(data.view?.rulebook ?? null, game?.role));
  const actions = el("div", { class: "row-actions" });
  if (renaming?.seatId === player.seatId) {
    return el("tr", { "data-seat": player.seatId }, el("td", {}, renameForm(player, cmd, rerender)), kind, status, role, el("td"));
  }
  if (isBot) {
    if (context.inLobby) actions.append(button(t("host.setup.removeBot"), `${t("host.setup.removeBot")}: ${player.nickname}`, "danger", cmd.isBusy(`remove-bot:${player.seatId}`), () => void cmd.send(`remove-bot:${player.seatId}`, { kind: "remove_bot", seatId: player.seatId })));
    if (context.takers.length > 0) actions.append(giveSeatForm(player, context.takers, cmd));
  } else {
    actions.append(
      button(t("host.rename"), `${t("host.rename")}: ${player.nickname}`, "secondary", false, () => {
        renaming = { seatId: player.seatId };
        rerender();
      }),
      " ",
      button(t("host.kick"), `${t("host.kick")}: ${player.nickname}`, "danger", cmd.isBusy(`kick:${player.seatId}`), () => {
        if (confirm(t("host.kickConfirm", { name: player.nickname }))) void cmd.send(`kick:${player.seatId}`, { kind: "kick", seatId: player.seatId });
      }),
    );
  }
  return el("tr", { "data-seat": player.seatId }, el("td", { class: "name" }, player.nickname), kind, status, role, el("td", { class: "actions" }, actions));
}

export function botLabel(personality: string): string {
  return t("host.botAs", { personality: t(`host.personalities.${personality}`) });
}

function button(text: string, label: string, kind: string, busy: boolean, onClick: () => void): HTMLButtonElement {
  const b = el("button", { type: "button", class: kind, "aria-label": label, disabled: busy }, text);
  b.addEventListener("click", onClick);
  return b;
}

function roleSelect(data: ConsoleData, player: LobbyPlayer, game: FacilitatorPlayer, available: Role[], cmd: Commander): HTMLSelectElement {
  const key = `role:${player.seatId}`;
  const select = el("select", { id: `role-${player.seatId}`, "aria-label": t("host.roleFor", { name: player.nickname }), disabled: cmd.isBusy(key) });
  if (game.role === null) select.append(el("option", { value: "", disabled: true, selected: true }, t("host.noRoleYet")));
  for (const role of available) select.append(el("option", { value: role, selected: game.role === role }, roleName(data.view?.rulebook ?? null, role)));
  select.addEventListener("change", () => {
    const role = select.value as Role;
    if (role) void cmd.send(key, { kind: "assign_role", seatId: player.seatId, role });
  });
  return select;
}

function giveSeatForm(bot: LobbyPlayer, takers: LobbyPlayer[], cmd: Commander): HTMLFormElement {
  const key = `give-seat:${bot.seatId}`;
  const id = `give-${bot.seatId}`;
  const select = el("select", { id }, ...takers.map((p) => el("option", { value: p.seatId }, p.nickname)));
  const form = el(
    "form",
    { class: "inline give-seat" },
    el("label", { for: id }, t("host.setup.giveSeatTo", { bot: bot.nickname })),
    select,
    el("button", { type: "submit", class: "secondary", disabled: cmd.isBusy(key) }, t("host.setup.give")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (select.value) void cmd.send(key, { kind: "give_bot_seat", seatId: select.value, botSeatId: bot.seatId });
  });
  return form;
}

function renameForm(player: LobbyPlayer, cmd: Commander, rerender: () => void): HTMLFormElement {
  if (renaming?.form) return renaming.form;
  const inputId = `rename-${player.seatId}`;
  const input = el("input", { id: inputId, value: player.nickname, maxlength: "32" });
  const close = () => {
    renaming = undefined;
    rerender();
  };
  const save = el("button", { type: "submit" }, t("host.save"));
  const cancel = el("button", { type: "button", class: "secondary" }, t("host.cancel"));
  cancel.addEventListener("click", close);
  const form = el(
    "form",
    { class: "inline" },
    el("label", { for: inputId, class: "visually-hidden" }, t("host.renameTo", { name: player.nickname })),
    input,
    save,
    cancel,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (save.disabled) return;
    save.disabled = true;
    void cmd.send(`rename:${player.seatId}`, { kind: "rename", seatId: player.seatId, nickname: input.value }).then((reply) => {
      save.disabled = false;
      if (reply.ok) close();
    });
  });
  renaming = { seatId: player.seatId, form };
  queueMicrotask(() => input.focus());
  return form;
}
