/**
 * The projector board (`/board/<CODE>`). In the lobby: how to join (address, code, QR code drawn
 * locally) and who has joined, live. Once the game runs: the phase and its countdown, the honour
 * roll, the blacklist, grades at a glance, the facilitator's announcements, today's event cards,
 * the town and the feed of published deeds. It holds no token: everything it shows is public.
 *
 * Anonymous board: in play every name is the seat's pseudonym (see client/board/names.ts); the
 * lobby keeps nicknames so students can check they joined, and says names will be hidden.
 */
import "../board/strings.ts";
import "../styles/base.css";
import "../styles/board.css";
import { currentLang, onLangChange, setupLanguageSwitch, t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import { showConnection } from "../ui/connectionBanner.ts";
import { Link, type Lobby } from "../net/link.ts";
import type { PlayView } from "../net/gameView.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/index.ts";
import { isJoinCode, normalizeJoinCode } from "../../shared/lobby/joinCode.ts";
import { ServerClock, formatLeft } from "../board/clock.ts";
import { namer } from "../board/names.ts";
import { renderBlacklist, renderGrades, renderHonour } from "../board/people.ts";
import { Feed } from "../board/feed.ts";
import { renderAnnouncements, renderCards } from "../board/news.ts";
import { TownPanel } from "../board/town.ts";
import { BoardLayout } from "../board/layout.ts";
import { drawJoinQr, reachableOrigin } from "../board/joinAddress.ts";

const TICK_MS = 250;

let lobby: Lobby | undefined;
let view: PlayView | undefined;
let joinUrl = "";
const clock = new ServerClock();
const feed = new Feed(byId("board-feed"), byId("board-feed-news"));
const town = new TownPanel(byId("board-town"), byId("board-town-note"), byId("board-places"));
/** What each part was last drawn from: a part is redrawn only when its data changed. */
const drawn = new Map<string, string>();

const layout = new BoardLayout(byId<HTMLButtonElement>("board-layout"), () => renderGame());

setupLanguageSwitch();
onLangChange(() => {
  drawn.clear();
  layout.render();
  if (lobby) renderLobby(lobby);
  renderGame();
});

const code = normalizeJoinCode(decodeURIComponent(/^\/board\/([^/]+)/.exec(location.pathname)?.[1] ?? ""));
void start();

async function start(): Promise<void> {
  if (!isJoinCode(code)) {
    byId("board-error").textContent = t("reason.bad_code");
    return;
  }
  byId("board-code").textContent = code;
  const origin = await reachableOrigin(clock);
  joinUrl = `${origin}/join/${code}`;
  byId("join-url").textContent = joinUrl;
  await drawJoinQr(byId<HTMLCanvasElement>("qr"), joinUrl);
  const result = await Link.open(location.origin, code, { as: "board", v: PROTOCOL_VERSION }, {
    lobby: renderLobby,
    play: (next) => {
      view = next;
      clock.observe(next.board, next.rulebook, Date.now());
      renderGame();
    },
    status: (status, reason) => {
      showConnection(byId("connection"), status);
      if (status === "closed" && reason) byId("board-error").textContent = t(`reason.${reason}`);
    },
  });
  if (!(result instanceof Link)) byId("board-error").textContent = t(`reason.${result.reason}`);
  setInterval(tick, TICK_MS);
}

function inLobby(): boolean {
  return !view || view.board.phase === "lobby";
}

function renderLobby(next: Lobby): void {
  lobby = next;
  byId("joined-heading").textContent = t("board.joined", { count: next.players.length });
  show(byId("board-waiting"), next.players.length === 0);
  show(byId("board-locked"), next.locked);
  // nicknames leave the page once play starts (the anonymous board must not show them anywhere)
  const names = next.phase === "lobby" ? next.players : [];
  byId("board-names").replaceChildren(...names.map((p) => el("li", { class: p.connected ? "" : "away" }, p.nickname)));
}

/** Redraws a part when `inputs` differ from what it was last drawn from. */
function part(name: string, inputs: unknown, draw: () => void): void {
  const key = JSON.stringify(inputs);
  if (drawn.get(name) === key) return;
  drawn.set(name, key);
  draw();
}

function renderGame(): void {
  const lobbyPhase = inLobby();
  show(byId("board-lobby"), lobbyPhase);
  show(byId("board-game"), !lobbyPhase);
  document.body.classList.toggle("playing", !lobbyPhase);
  show(byId("board-join-late"), !lobbyPhase && joinUrl !== "");
  show(byId("board-layout"), !lobbyPhase);
  show(byId("board-anonymous-later"), lobbyPhase && Boolean(view?.anonymousBoard));
  if (!view || lobbyPhase) return;
  const v = view;
  const { board, rulebook } = v;
  const name = namer(v);
  const lang = currentLang();
  const anon = v.anonymousBoard;
  const who = board.players.map((p) => [p.seat, p.nickname, p.grade]);

  byId("board-join-late").textContent = t("board.joinLate", { url: joinUrl, code });
  show(byId("board-anonymous"), anon);
  const heading = board.phase === "ended" ? t("board.phase.ended") : `${t("board.dayOf", { day: board.day, days: rulebook?.phases.days ?? board.day })} · ${t(`board.phase.${board.phase}`)}`;
  const phase = byId("board-phase");
  if (phase.textContent !== heading) phase.textContent = heading;
  byId("board-phase-hint").textContent = t(`board.phaseHint.${board.phase}`);
  const paused = board.paused ? t("board.pausedLeft", { time: formatLeft(board.pausedLeft ?? 0) }) : "";
  if (byId("board-paused").textContent !== paused) byId("board-paused").textContent = paused;
  tick();

  part("people", [lang, anon, who, board.honourRoll, board.blacklist, rulebook?.id], () => {
    renderHonour(byId("board-honour"), v, name);
    renderBlacklist(byId("board-blacklist"), v, name);
    renderGrades(byId("board-grades-section"), byId("board-grades"), v);
  });
  part("feed", [lang, anon, who, board.feed, board.deedPoints, board.phase === "ended"], () => feed.render(v, name));
  // at game over the day's broadcasts and cards are over too: the board shows the outcome only
  const ended = board.phase === "ended";
  show(byId("board-announcements"), !ended);
  show(byId("board-cards-section"), !ended);
  part("announcements", [lang, v.announcements], () =>
    renderAnnouncements(byId("board-announcement"), byId("board-announcement-at"), byId("board-announcements-earlier"), v),
  );
  part("cards", [lang, board.day, board.cards], () => renderCards(byId("board-cards"), v));
  town.update(v, name);
}

/** The countdown, every quarter second (only the text that changed is written). */
function tick(): void {
  if (!view || inLobby()) return;
  const board = view.board;
  const left = clock.left(board, Date.now());
  const timer = byId("board-countdown");
  const text = left === null ? "" : formatLeft(left);
  if (timer.textContent !== text) timer.textContent = text;
  show(timer.parentElement!, left !== null && board.phase !== "ended");
  timer.classList.toggle("paused", board.paused);
  timer.classList.toggle("ending", !board.paused && left !== null && left <= 10_000);
}
