/**
 * The join page (`/` and `/join/<CODE>`): code and nickname, then the waiting lobby. It must stay
 * light (no Phaser). A seat token kept on the device brings the player straight back to their
 * seat after a refresh.
 */
import { isRole } from "../../shared/rules/roleBook.ts";
import "../styles/base.css";
import { local, setupLanguageSwitch, t, onLangChange } from "../i18n.ts";
import { destinationOf, movedTo, type Destination } from "../net/placement.ts";
import { byId, el, show } from "../ui/dom.ts";
import { showConnection } from "../ui/connectionBanner.ts";
import { Link, type Lobby, type LinkStatus } from "../net/link.ts";
import { seats } from "../net/storage.ts";
import { isJoinCode, normalizeJoinCode } from "../../shared/lobby/joinCode.ts";
import { checkNicknameShape } from "../../shared/lobby/nickname.ts";
import { PROTOCOL_VERSION, type JoinRequest } from "../../shared/protocol/index.ts";
import type { JoinProblem } from "../net/refusals.ts";
import type { PlayView } from "../net/gameView.ts";
import type { PlayScreen } from "../play/index.ts";

const form = byId<HTMLFormElement>("join-form");
const codeInput = byId<HTMLInputElement>("code");
const nicknameInput = byId<HTMLInputElement>("nickname");
const errorLine = byId("join-error");
const suggestion = byId<HTMLButtonElement>("suggestion");
const submit = byId<HTMLButtonElement>("join-submit");
const banner = byId("connection");

let link: Link | undefined;
let myName = "";
let mySeatId = "";
let lastLobby: Lobby | undefined;
let lastProblem: JoinProblem | undefined;
/** The play screen, once the game is on (loaded on demand: the join page stays light). */
let play: PlayScreen | undefined;
let playLoading = false;
let lastView: PlayView | undefined;
let lastStatus: LinkStatus = "connected";
/** Where this page joined: the session, and at an event the neighbourhood it was placed in. */
let destination: Destination | undefined;
/** The event's host moved this player to another neighbourhood: the lobby says so. */
let wasMoved = false;

setupLanguageSwitch();
onLangChange(() => {
  if (lastLobby) renderLobby(lastLobby);
  if (lastProblem) showProblem(lastProblem);
});

const codeFromPath = /^\/join\/([^/]+)\/?$/.exec(location.pathname)?.[1];
if (codeFromPath) codeInput.value = normalizeJoinCode(decodeURIComponent(codeFromPath));

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void join();
});

suggestion.addEventListener("click", () => {
  nicknameInput.value = suggestion.dataset.name ?? "";
  void join();
});

byId("leave").addEventListener("click", () => {
  const code = lastLobby?.code;
  void link?.leave();
  if (code) seats.forget(code);
  showClosed("join.leftTitle");
});

// Back to an existing seat on this device? Take it without asking.
const remembered = codeFromPath ? seats.get(codeInput.value) : undefined;
if (remembered && !remembered.kicked && isJoinCode(codeInput.value)) {
  nicknameInput.value = remembered.nickname ?? "";
  void join(true);
} else if (remembered?.kicked) {
  showClosed("join.leftTitle", "seat_kicked");
} else {
  (codeInput.value ? nicknameInput : codeInput).focus();
}

/**
 * Joins the code typed (or, when the host moved this player, the neighbourhood `moved` names,
 * already resolved) with the nickname typed, or takes back the seat this device holds there.
 */
async function join(rejoining = false, moved?: Destination): Promise<void> {
  clearProblem();
  const typed = normalizeJoinCode(codeInput.value);
  codeInput.value = typed;
  if (!isJoinCode(typed)) return showProblem({ reason: "bad_code" }, codeInput);
  const nickname = nicknameInput.value;
  if (!rejoining || !seats.get(typed)?.nickname) {
    const shape = checkNicknameShape(nickname);
    if (!shape.ok) return showProblem({ reason: shape.problem }, nicknameInput);
  }
  submit.disabled = true;
  submit.textContent = t(rejoining ? "join.rejoining" : "join.joining");
  const place = moved ?? (await destinationOf(typed));
  if ("reason" in place) {
    submit.disabled = false;
    submit.textContent = t("join.submit");
    return showProblem(place, codeInput);
  }
  destination = place;
  const { code } = place;
  const seat = seats.ensure(code);
  const ticket = place.event?.ticket;
  const request: JoinRequest = { as: "player", v: PROTOCOL_VERSION, seatToken: seat.seatToken, nickname, ...(ticket ? { ticket } : {}) };
  const result = await Link.open(location.origin, code, request, {
    welcome: (welcome) => {
      if (welcome.as !== "player") return;
      myName = welcome.nickname;
      mySeatId = welcome.seatId;
      seats.set(code, { seatToken: seat.seatToken, nickname: welcome.nickname });
      if (lastLobby) renderLobby(lastLobby);
    },
    lobby: renderLobby,
    // the Link's handlers are fixed when it opens: these forward to the play screen once it exists
    play: onPlay,
    status: onStatus,
  });
  submit.disabled = false;
  submit.textContent = t("join.submit");
  if (result instanceof Link) {
    link = result;
    if (lastView) onPlay(lastView);
    if (location.pathname !== `/join/${code}`) history.replaceState(null, "", `/join/${code}`);
    show(byId("join-view"), false);
    show(byId("lobby-view"), true);
    return;
  }
  if (result.reason === "seat_kicked") {
    seats.set(code, { ...seat, kicked: true });
    return showClosed("join.leftTitle", "seat_kicked");
  }
  showProblem(result, result.reason.startsWith("nickname_") ? nicknameInput : codeInput);
}

function onPlay(view: PlayView): void {
  lastView = view;
  if (play) return play.update(view);
  const on = view.board.phase !== "lobby" && isRole((view.mine as { kind?: string } | null)?.kind);
  if (on && !playLoading) void openPlay();
}

async function openPlay(): Promise<void> {
  playLoading = true;
  try {
    const { mountPlay, playKind } = await import("../play/index.ts");
    if (!link || !lastView || !playKind(lastView) || byId("closed-view").hidden === false) return;
    const current = link;
    play = mountPlay(byId("play"), { seatId: mySeatId, send: (body) => current.send(body) });
    byId("main").hidden = true;
    play.status(lastStatus);
    play.update(lastView);
  } finally {
    playLoading = false;
  }
}

function onStatus(status: LinkStatus, reason?: string): void {
  lastStatus = status;
  play?.status(status);
  showConnection(banner, status);
  if (status !== "closed" || !reason) return;
  const code = lastLobby?.code;
  if (reason === "sent_away" && link?.sentTo) return void goElsewhere(link.sentTo, code);
  if (reason === "session_ended" && code) seats.forget(code);
  if ((reason === "kicked" || reason === "seat_kicked") && code) {
    const seat = seats.get(code);
    if (seat) seats.set(code, { ...seat, kicked: true });
  }
  showClosed("join.leftTitle", reason);
}

/** The event's host sent this player to another neighbourhood: join it under the same nickname, and say so. */
async function goElsewhere(to: string, from: string | undefined): Promise<void> {
  if (from) seats.forget(from);
  link = undefined;
  lastLobby = undefined;
  wasMoved = true;
  byId("lobby-status").textContent = t("reason.sent_away");
  const event = destination?.event;
  codeInput.value = to;
  nicknameInput.value = myName;
  await join(false, event ? await movedTo(event, to) : { code: to });
}

function renderLobby(lobby: Lobby): void {
  lastLobby = lobby;
  const me = lobby.players.find((p) => p.seatId === mySeatId);
  if (me) myName = me.nickname; // the facilitator may have renamed us
  byId("you-are").textContent = myName ? t("join.youAre", { name: myName }) : "";
  const where = byId("neighbourhood");
  const name = destination?.event?.name;
  const said = name ? t(wasMoved ? "join.movedTo" : "join.neighbourhood", { name: local(name) }) : wasMoved ? t("reason.sent_away") : "";
  where.hidden = !said;
  where.textContent = said;
  byId("lobby-status").textContent =
    lobby.phase === "lobby" ? t("join.waiting")
    : lobby.phase === "ended" ? t("join.over")
    : t("join.running", { day: lobby.day, phase: t(`phase.${lobby.phase}`) });
  byId("others-heading").textContent = t("join.others", { count: lobby.players.length });
  byId("others").replaceChildren(...lobby.players.map((p) => el("li", p.seatId === mySeatId ? { class: "me" } : {}, p.nickname)));
}

function showProblem(problem: JoinProblem, field?: HTMLInputElement): void {
  lastProblem = problem;
  errorLine.textContent = t(`reason.${problem.reason}`);
  for (const input of [codeInput, nicknameInput]) input.setAttribute("aria-invalid", String(input === field));
  if ("suggestion" in problem && problem.suggestion) {
    suggestion.dataset.name = problem.suggestion;
    suggestion.textContent = t("join.useSuggestion", { name: problem.suggestion });
    suggestion.hidden = false;
  } else {
    suggestion.hidden = true;
  }
  field?.focus();
}

function clearProblem(): void {
  lastProblem = undefined;
  errorLine.textContent = "";
  suggestion.hidden = true;
  codeInput.removeAttribute("aria-invalid");
  nicknameInput.removeAttribute("aria-invalid");
}

function showClosed(titleKey: string, reason?: string): void {
  play?.destroy();
  play = undefined;
  byId("play").hidden = true;
  byId("main").hidden = false;
  show(byId("join-view"), false);
  show(byId("lobby-view"), false);
  show(byId("closed-view"), true);
  banner.hidden = true;
  // data-i18n lets the language switch re-translate these too
  const title = byId("closed-title");
  title.dataset.i18n = titleKey;
  title.textContent = t(titleKey);
  const why = byId("closed-reason");
  if (reason) why.dataset.i18n = `reason.${reason}`;
  why.textContent = reason ? t(`reason.${reason}`) : "";
}
