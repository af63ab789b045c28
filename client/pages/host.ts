/**
 * The host console (`/host`): pick a scenario and create a session (the host token stays on this
 * device), then run its lobby live: rename, remove, lock, open the board.
 */
import "../styles/base.css";
import { local, onLangChange, setupLanguageSwitch, t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import { showConnection } from "../ui/connectionBanner.ts";
import { Link, type Lobby, type LobbyPlayer } from "../net/link.ts";
import { hosting } from "../net/storage.ts";
import { PROTOCOL_VERSION, type CommandReply } from "../../shared/protocol/index.ts";
import { isJoinCode } from "../../shared/lobby/joinCode.ts";
import type { LocalText } from "../../shared/lang.ts";

type ScenarioSummary = { id: string; title: LocalText; summary: LocalText; default: boolean; maxPlayers: number };

const RETENTION_CHOICES = [1, 7, 30];
let scenarios: ScenarioSummary[] = [];
let link: Link | undefined;
let lobby: Lobby | undefined;
/** The seat being renamed and its form, kept across re-renders so live updates never wipe what the host types. */
let renaming: { seatId: string; form?: HTMLFormElement } | undefined;

setupLanguageSwitch();
onLangChange(() => {
  renderScenarios();
  renderRetention();
  renderSessions();
  if (lobby) renderLobby(lobby);
});

const codeParam = new URLSearchParams(location.search).get("session");
if (codeParam && isJoinCode(codeParam) && hosting.get(codeParam)) {
  void openConsole(codeParam);
} else {
  void loadScenarios();
  renderRetention();
  renderSessions();
}

async function loadScenarios(): Promise<void> {
  try {
    const response = await fetch("/api/scenarios");
    scenarios = ((await response.json()) as { scenarios: ScenarioSummary[] }).scenarios;
  } catch {
    byId("create-error").textContent = t("reason.network");
  }
  renderScenarios();
}

function renderScenarios(): void {
  const fieldset = byId("scenarios");
  const chosen = fieldset.querySelector<HTMLInputElement>("input:checked")?.value;
  const options = scenarios.map((s, i) => {
    const id = `scenario-${s.id}`;
    const input = el("input", { type: "radio", name: "scenario", id, value: s.id, checked: chosen ? chosen === s.id : s.default || i === 0 });
    return el("div", { class: "choice" }, input, el("label", { for: id }, el("strong", {}, local(s.title)), el("br"), local(s.summary)));
  });
  fieldset.replaceChildren(el("legend", { "data-i18n": "host.scenario" }, t("host.scenario")), ...options);
}

function renderRetention(): void {
  const select = byId<HTMLSelectElement>("retention");
  const value = select.value || "7";
  select.replaceChildren(...RETENTION_CHOICES.map((d) => el("option", { value: String(d) }, t("host.days", { count: d }))));
  select.value = value;
}

function renderSessions(): void {
  const mine = hosting.all();
  byId("my-sessions").replaceChildren(
    ...(mine.length === 0
      ? [el("li", {}, t("host.noSessions"))]
      : mine.map(({ code, record }) =>
          el("li", {}, el("a", { href: `/host?session=${code}` }, `${code}`), ` · ${record.scenarioId} · ${new Date(record.createdAt).toLocaleString()}`),
        )),
  );
}

byId<HTMLFormElement>("create-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void create();
});

async function create(): Promise<void> {
  const button = byId<HTMLButtonElement>("create");
  const error = byId("create-error");
  const scenarioId = byId("scenarios").querySelector<HTMLInputElement>("input:checked")?.value;
  if (!scenarioId) return;
  button.disabled = true;
  button.textContent = t("host.creating");
  error.textContent = "";
  try {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const key = byId<HTMLInputElement>("host-key").value;
    if (key) headers["x-host-key"] = key;
    const response = await fetch("/api/sessions", {
      method: "POST",
      headers,
      body: JSON.stringify({ scenarioId, retentionDays: Number(byId<HTMLSelectElement>("retention").value) }),
    });
    const body = (await response.json()) as { code?: string; hostToken?: string; reason?: string };
    if (!response.ok || !body.code || !body.hostToken) {
      if (body.reason === "host_key_required") show(byId("host-key-field"), true);
      error.textContent = t(`reason.${body.reason ?? "unknown"}`);
      return;
    }
    hosting.set(body.code, { hostToken: body.hostToken, scenarioId, createdAt: Date.now() });
    history.pushState(null, "", `/host?session=${body.code}`);
    await openConsole(body.code);
  } catch {
    error.textContent = t("reason.network");
  } finally {
    button.disabled = false;
    button.textContent = t("host.create");
  }
}

async function openConsole(code: string): Promise<void> {
  const record = hosting.get(code);
  if (!record) return;
  show(byId("start-view"), false);
  show(byId("console-view"), true);
  byId("session-code").textContent = code;
  byId("join-url").textContent = `${location.origin}/join/${code}`;
  byId<HTMLAnchorElement>("open-board").href = `/board/${code}`;
  const result = await Link.open(location.origin, code, { as: "host", v: PROTOCOL_VERSION, hostToken: record.hostToken }, {
    lobby: renderLobby,
    status: (status, reason) => {
      showConnection(byId("connection"), status);
      if (status === "closed" && reason) say(`reason.${reason}`);
    },
  });
  if (result instanceof Link) link = result;
  else say(`reason.${result.reason}`);
}

byId("delete-session").addEventListener("click", () => void deleteSession());

async function deleteSession(): Promise<void> {
  const code = lobby?.code ?? byId("session-code").textContent ?? "";
  const record = hosting.get(code);
  if (!record || !confirm(t("host.deleteConfirm", { code }))) return;
  try {
    const response = await fetch(`/api/sessions/${code}`, { method: "DELETE", headers: { authorization: `Bearer ${record.hostToken}` } });
    if (response.status !== 204 && response.status !== 404) {
      say(`reason.${((await response.json()) as { reason?: string }).reason ?? "unknown"}`);
      return;
    }
  } catch {
    say("reason.network");
    return;
  }
  hosting.forget(code);
  await link?.leave();
  link = undefined;
  lobby = undefined;
  history.pushState(null, "", "/host");
  show(byId("console-view"), false);
  show(byId("start-view"), true);
  byId("start-status").textContent = t("host.deleted", { code });
  void loadScenarios();
  renderRetention();
  renderSessions();
}

byId("lock-toggle").addEventListener("click", () => {
  if (lobby) void command({ kind: lobby.locked ? "unlock" : "lock" });
});

function renderLobby(next: Lobby): void {
  lobby = next;
  byId("lock-toggle").textContent = t(next.locked ? "host.unlock" : "host.lock");
  byId("lock-state").textContent = t(next.locked ? "host.locked" : "host.unlocked");
  byId("players-heading").textContent = t("host.players", { count: next.players.length, max: next.maxPlayers });
  show(byId("no-players"), next.players.length === 0);
  show(byId("players-table"), next.players.length > 0);
  byId("players").replaceChildren(...next.players.map(playerRow));
}

function playerRow(player: LobbyPlayer): HTMLTableRowElement {
  const status = el("span", { class: player.connected ? "dot online" : "dot away" }, t(player.connected ? "status.online" : "status.away"));
  if (renaming?.seatId === player.seatId) {
    return el("tr", { "data-seat": player.seatId }, el("td", {}, renameForm(player)), el("td", {}, status), el("td"));
  }
  const rename = el("button", { type: "button", class: "secondary" }, t("host.rename"));
  rename.setAttribute("aria-label", `${t("host.rename")}: ${player.nickname}`);
  rename.addEventListener("click", () => {
    renaming = { seatId: player.seatId };
    if (lobby) renderLobby(lobby);
  });
  const kick = el("button", { type: "button", class: "danger" }, t("host.kick"));
  kick.setAttribute("aria-label", `${t("host.kick")}: ${player.nickname}`);
  kick.addEventListener("click", () => {
    if (confirm(t("host.kickConfirm", { name: player.nickname }))) void command({ kind: "kick", seatId: player.seatId });
  });
  return el("tr", { "data-seat": player.seatId }, el("td", { class: "name" }, player.nickname), el("td", {}, status), el("td", { class: "actions" }, rename, " ", kick));
}

function renameForm(player: LobbyPlayer): HTMLFormElement {
  if (renaming?.form) return renaming.form;
  const inputId = `rename-${player.seatId}`;
  const input = el("input", { id: inputId, value: player.nickname, maxlength: "32" });
  const close = () => {
    renaming = undefined;
    if (lobby) renderLobby(lobby);
  };
  const cancel = el("button", { type: "button", class: "secondary" }, t("host.cancel"));
  cancel.addEventListener("click", close);
  const form = el(
    "form",
    { class: "inline" },
    el("label", { for: inputId, class: "visually-hidden" }, t("host.renameTo", { name: player.nickname })),
    input,
    el("button", { type: "submit" }, t("host.save")),
    cancel,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void command({ kind: "rename", seatId: player.seatId, nickname: input.value }).then((reply) => {
      if (reply.ok) close();
    });
  });
  renaming = { seatId: player.seatId, form };
  queueMicrotask(() => input.focus());
  return form;
}

async function command(body: Parameters<Link["send"]>[0]): Promise<CommandReply | { ok: false; reason: "network" }> {
  if (!link) return { ok: false, reason: "network" };
  const reply = await link.send(body);
  say(reply.ok ? "host.done" : `reason.${reply.reason}`);
  return reply;
}

function say(key: string): void {
  const line = byId("host-status");
  line.dataset.i18n = key;
  line.textContent = t(key);
}
