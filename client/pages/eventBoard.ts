/**
 * The event's big board (`/event/<CODE>/board`), on the hall's projector. Before the start: how
 * to join the event (address, code, QR code drawn here) and how many arrivals each neighbourhood
 * has. During play: every neighbourhood's tile, or each one's own board in turn (the host
 * switches), beside a strip of key figures side by side, with the event's code kept in view.
 *
 * It reads the event with the event's host token, which only the device that created the event
 * holds (the host opens this board from the event console): the figures it shows are public,
 * but reading them is the host's. It polls the figures every few seconds while on screen.
 */
import "../board/strings.ts";
import "../eventBoard/strings.ts";
import "../styles/base.css";
import "../styles/board.css";
import "../styles/eventBoard.css";
import { currentLang, onLangChange, setupLanguageSwitch, t } from "../i18n.ts";
import { byId, show } from "../ui/dom.ts";
import { call } from "../net/http.ts";
import { events } from "../net/storage.ts";
import { isJoinCode, normalizeJoinCode } from "../../shared/lobby/joinCode.ts";
import type { Figures } from "../../shared/district/figures.ts";
import { drawJoinQr, reachableOrigin } from "../board/joinAddress.ts";
import type { Street } from "../eventBoard/figures.ts";
import { Poll } from "../eventBoard/poll.ts";
import { renderArrivals } from "../eventBoard/arrivals.ts";
import { renderTiles } from "../eventBoard/tiles.ts";
import { renderStrip } from "../eventBoard/strip.ts";
import { EventLayout } from "../eventBoard/layout.ts";
import { Cycle } from "../eventBoard/cycle.ts";

const code = normalizeJoinCode(decodeURIComponent(/^\/event\/([^/]+)\/board/.exec(location.pathname)?.[1] ?? ""));
let streets: Street[] = [];
let figures = new Map<string, Figures | null>();
let joinUrl = "";
/** Why the board cannot show the event (a string key), if it cannot. */
let problem: string | undefined;
/** The last reading failed (the network, the server busy): said gently, and read again. */
let unreachable = false;
/** What the figures were last drawn from: they are redrawn only when it changed. */
let drawn = "";

const layout = new EventLayout(byId<HTMLButtonElement>("eb-layout"), render);
const cycle = new Cycle(byId("eb-frames"), byId("eb-showing"), render);

setupLanguageSwitch();
onLangChange(() => {
  layout.render();
  cycle.redraw();
  render();
});
void start();

async function start(): Promise<void> {
  const record = isJoinCode(code) ? events.get(code) : undefined;
  if (!record) {
    problem = isJoinCode(code) ? "eventBoard.noToken" : "reason.bad_code";
    render();
    return;
  }
  byId("eb-code").textContent = code;
  joinUrl = `${await reachableOrigin()}/join/${code}`;
  byId("eb-join-url").textContent = joinUrl;
  await drawJoinQr(byId<HTMLCanvasElement>("eb-qr"), joinUrl);
  await new Poll(() => read(record.hostToken)).now();
}

/** Some neighbourhood has started: the board leaves the lobby. */
function playing(): boolean {
  return [...figures.values()].some((f) => f !== null && f.phase !== "lobby");
}

/** One reading: the event (its arrivals, until the start) and every neighbourhood's figures. */
async function read(hostToken: string): Promise<boolean> {
  if (streets.length === 0 || !playing()) {
    const info = await call("event", { params: { code }, hostToken });
    if (!info.ok) return refused(info.reason);
    // each neighbourhood's own host token comes with it: the board has no use for it and keeps none
    streets = info.reply.neighbourhoods.map((n) => ({ code: n.code, name: n.name, placed: n.placed }));
  }
  const answer = await call("eventFigures", { params: { code }, hostToken });
  if (!answer.ok) return refused(answer.reason);
  figures = new Map(answer.reply.neighbourhoods.map((n) => [n.code, n.figures]));
  unreachable = false;
  render();
  return true;
}

/** A refused key ends the reading; anything else is read again at the next turn. */
function refused(reason: string): boolean {
  if (reason === "not_host") problem = "eventBoard.notHost";
  else unreachable = true;
  render();
  return problem === undefined;
}

function render(): void {
  byId("eb-error").textContent = problem ? t(problem) : "";
  const banner = byId("eb-connection");
  show(banner, unreachable && !problem);
  banner.textContent = unreachable ? t("eventBoard.retrying") : "";
  const known = !problem && streets.length > 0 && figures.size > 0;
  const play = known && playing();
  show(byId("eb-lobby"), known && !play);
  show(byId("eb-play"), play);
  show(byId("eb-layout"), play);
  show(byId("eb-late"), play);
  document.body.classList.toggle("playing", play);
  const cycling = play && layout.cycling && !cycle.refused;
  if (cycling) cycle.run(streets);
  else cycle.stop();
  if (!known) return;
  byId("eb-late").textContent = t("eventBoard.joinLate", { url: joinUrl, code });
  show(byId("eb-note"), play && layout.cycling && cycle.refused);
  show(byId("eb-tiles-section"), play && !cycling);
  show(byId("eb-cycle"), cycling);

  const inputs = JSON.stringify([currentLang(), play, cycling, cycle.current()?.code, streets, [...figures]]);
  if (inputs === drawn) return;
  drawn = inputs;
  if (!play) return renderArrivals(byId("eb-arrivals"), streets, figures);
  if (!cycling) renderTiles(byId("eb-tiles"), streets, figures);
  renderStrip(byId<HTMLTableElement>("eb-strip"), streets, figures, cycle.current()?.code);
}
