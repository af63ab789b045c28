/**
 * The phase controls, sticky at the top once the game runs: day N of M, the phase, a countdown
 * (the time left while paused), pause/resume, more time for everyone or for one player, skip to
 * the next phase, and end the game behind a confirmation dialog.
 */
import { currentLang, t } from "../i18n.ts";
import { byId, show } from "../ui/dom.ts";
import type { Commander } from "./commander.ts";
import { setOptions } from "./keyed.ts";
import { clock, nameOf, phaseLeft } from "./names.ts";
import { isRunning, type ConsoleData } from "./types.ts";

const AMOUNTS = [30, 60, 120] as const;
let current: ConsoleData | undefined;
let lastPhase = "";

export function phaseControls(cmd: Commander): void {
  byId("pause-toggle").addEventListener("click", () => {
    const paused = current?.game?.paused;
    void cmd.send("pause", { kind: paused ? "resume" : "pause" }, paused ? "host.clock.resumed" : "host.clock.pausedDone");
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-extend]")) {
    const seconds = Number(button.dataset.extend);
    button.addEventListener("click", () => void cmd.send(`extend:${seconds}`, { kind: "extend", seconds }, "host.clock.extendedAll", { amount: amount(seconds) }));
  }
  byId<HTMLFormElement>("extend-one").addEventListener("submit", (event) => {
    event.preventDefault();
    const seatId = byId<HTMLSelectElement>("extend-seat").value;
    const seconds = Number(byId<HTMLSelectElement>("extend-amount").value);
    if (!seatId || !current) return;
    void cmd.send("extend-one", { kind: "extend", seconds, seatId }, "host.clock.extendedOne", { amount: amount(seconds), name: nameOf(current, seatId) });
  });
  // the skip names the phase it ends, so a press that crosses the clock's own change ends nothing
  byId("skip").addEventListener("click", () => {
    const game = current?.game;
    if (!game || !isRunning(game.phase)) return;
    void cmd.send("skip", { kind: "advance", from: { day: game.day, phase: game.phase } });
  });
  const dialog = byId<HTMLDialogElement>("end-dialog");
  byId("end").addEventListener("click", () => dialog.showModal());
  dialog.addEventListener("close", () => {
    if (dialog.returnValue === "end") void cmd.send("end", { kind: "end" }, "host.clock.endedDone");
    dialog.returnValue = "";
  });
  // the countdown moves on its own between updates
  setInterval(renderClock, 500);
}

function amount(seconds: number): string {
  return t(`host.clock.s${seconds}`);
}

export function renderPhaseBar(data: ConsoleData, cmd: Commander): void {
  current = data;
  const game = data.game;
  const phase = game?.phase ?? data.lobby.phase;
  const started = phase !== "lobby";
  show(byId("phase-bar"), started);
  byId("sticky").classList.toggle("started", started);
  if (!game || !started) return;
  const days = data.view?.rulebook?.phases.days ?? game.day;
  byId("phase-day").textContent = t("host.clock.dayOf", { day: game.day, days });
  byId("phase-name").textContent = t(`host.phases.${phase}`);
  const running = isRunning(phase);
  show(byId("phase-controls"), running);
  const pause = byId<HTMLButtonElement>("pause-toggle");
  pause.textContent = t(game.paused ? "host.clock.resume" : "host.clock.pause");
  pause.setAttribute("aria-pressed", String(game.paused));
  pause.disabled = cmd.isBusy("pause");
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-extend]")) {
    const seconds = Number(button.dataset.extend);
    button.textContent = `+${amount(seconds)}`;
    button.setAttribute("aria-label", t("host.clock.extendAllLabel", { amount: amount(seconds) }));
    button.disabled = cmd.isBusy(`extend:${seconds}`);
  }
  const seats = game.seats.filter((seat) => game.players[seat]?.role && data.lobby.players.some((p) => p.seatId === seat));
  setOptions(
    byId<HTMLSelectElement>("extend-seat"),
    seats.map((seat) => ({ value: seat, label: nameOf(data, seat) })),
  );
  setOptions(
    byId<HTMLSelectElement>("extend-amount"),
    AMOUNTS.map((s) => ({ value: String(s), label: `+${amount(s)}` })),
    "60",
  );
  byId<HTMLButtonElement>("extend-one-go").disabled = cmd.isBusy("extend-one") || seats.length === 0;
  const skip = byId<HTMLButtonElement>("skip");
  skip.textContent = t("host.clock.skip", { day: game.day, phase: t(`host.phases.${phase}`) });
  skip.disabled = cmd.isBusy("skip");
  byId<HTMLButtonElement>("end").disabled = cmd.isBusy("end");
  const extra = Object.entries(game.extraTime).filter(([, ms]) => ms > 0);
  byId("phase-extra").textContent =
    extra.length > 0 ? t("host.clock.extraFor", { list: extra.map(([seat, ms]) => `${nameOf(data, seat)} +${clock(ms)}`).join(", ") }) : "";
  show(byId("open-debrief"), phase === "ended");
  // said again in the new language after a switch (it would otherwise stay in the old one)
  const now = `${game.day}:${phase}:${currentLang()}`;
  if (now !== lastPhase) {
    byId("phase-live").textContent = phase === "ended" ? t("host.clock.ended") : t("host.clock.now", { day: game.day, phase: t(`host.phases.${phase}`) });
    lastPhase = now;
  }
  renderClock();
}

function renderClock(): void {
  const game = current?.game;
  if (!game) return;
  const paused = byId("phase-paused");
  const out = byId("phase-clock");
  if (!isRunning(game.phase)) {
    out.textContent = "";
    show(paused, false);
    return;
  }
  show(paused, game.paused);
  paused.textContent = t("host.clock.paused");
  const left = phaseLeft(game);
  const extra = Math.max(0, ...Object.values(game.extraTime));
  out.textContent = left > 0 || extra === 0 ? t("host.clock.left", { time: clock(left) }) : t("host.clock.overtime", { time: clock(left + extra) });
}
