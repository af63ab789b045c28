/**
 * The event-wide bar: start, pause, resume, a minute more, skip, end and a broadcast for every
 * neighbourhood at once, each sent as one `eventCommand` (a skip per neighbourhood instead: each
 * names the phase it means to end; likewise bots where too few play: each neighbourhood gets the
 * count it lacks). Every neighbourhood's answer is said on its card; the bar's status line sums
 * them up, naming the neighbourhoods that refused and why.
 */
import { t } from "../i18n.ts";
import { byId, show } from "../ui/dom.ts";
import { call } from "../net/http.ts";
import { randomToken } from "../net/storage.ts";
import type { EventCommandReply } from "../../shared/protocol/http.ts";
import type { District, NeighbourhoodCard } from "./card.ts";
import { DONE, reasonKey, type DoneKind, type Outcome, type Said } from "./outcome.ts";
import type { Pending } from "./pending.ts";

type Results = EventCommandReply["results"];
type Command = { kind: string } & Record<string, unknown>;
/** A neighbourhood's answer to a request of its own: its room's reply, or the request's refusal as a whole. */
type Answer = { code: string; reply: { ok: true; seq: number } | { ok: false; reason: string } };

/** Re-says the bar's last outcome in the current language. */
let lastSaid: (() => string) | undefined;
/** The event's cards, once the console has them (the bar's bots button follows their lobbies). */
let cardsNow: () => NeighbourhoodCard[] = () => [];

export function retranslateWide(): void {
  if (lastSaid) byId("event-status").textContent = lastSaid();
}

export function renderWide(errands: Pending): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-all]")) button.disabled = errands.has(`all:${button.dataset.all}`);
  byId<HTMLButtonElement>("broadcast-all-send").disabled = errands.has("all:broadcast");
  // bots come in the lobby only: the button shows while some neighbourhood is there, usable while one is short
  const cards = cardsNow();
  const bots = byId<HTMLButtonElement>("add-bots-all");
  show(bots, cards.some((card) => card.seats() !== null));
  bots.disabled = errands.has("all:bots") || !cards.some((card) => card.shortBy() > 0);
}

export function wideControls(district: District, cards: () => NeighbourhoodCard[], errands: Pending): void {
  cardsNow = cards;
  const send = (kind: DoneKind, command: Command) => void everywhere(district, cards(), errands, kind, command);
  const commands: Record<string, () => void> = {
    start: () => send("start", { kind: "start" }),
    pause: () => send("pause", { kind: "pause" }),
    resume: () => send("resume", { kind: "resume" }),
    extend: () => send("extend", { kind: "extend", seconds: 60 }),
    skip: () => void skipEverywhere(district, cards(), errands),
    end: () => {
      if (confirm(t("event.all.endConfirm"))) send("end", { kind: "end" });
    },
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-all]")) button.addEventListener("click", () => commands[button.dataset.all ?? ""]?.());
  byId("add-bots-all").addEventListener("click", () => void botsWhereShort(district, cards(), errands));
  const text = byId<HTMLInputElement>("broadcast-all-text");
  byId<HTMLFormElement>("broadcast-all").addEventListener("submit", (event) => {
    event.preventDefault();
    const message = text.value.trim();
    if (!message) return sayInBar(() => t("reason.empty_text"), true);
    void everywhere(district, cards(), errands, "broadcast", { kind: "broadcast", text: message }).then((results) => {
      if (results?.every((r) => r.reply.ok)) text.value = "";
    });
  });
}

/** One command to every neighbourhood: each card says its answer, the bar sums them up. */
async function everywhere(district: District, cards: NeighbourhoodCard[], errands: Pending, kind: DoneKind, command: Command): Promise<Results | undefined> {
  const answer = await errands.run(`all:${kind}`, () =>
    call("eventCommand", { params: { code: district.code }, body: { command: { ...command, id: randomToken(24) } }, hostToken: district.hostToken }),
  );
  if (!answer) return undefined;
  if (!answer.ok) {
    sayInBar(() => t(reasonKey(answer.reason)), true);
    return undefined;
  }
  sumUp(cards, DONE[kind], answer.reply.results);
  return answer.reply.results;
}

/** A skip names the phase it ends, and neighbourhoods are in different phases: one request each, all at once. */
async function skipEverywhere(district: District, cards: NeighbourhoodCard[], errands: Pending): Promise<void> {
  const running = cards.flatMap((card) => {
    const from = card.runningPhase();
    return from ? [{ code: card.info.code, from }] : [];
  });
  if (running.length === 0) return sayInBar(() => t("event.all.nothingToSkip"), true);
  await errands.run("all:skip", async () => sumUp(cards, DONE.skip, await eachOwn(district, running.map(({ code, from }) => ({ code, command: { kind: "advance", from } })))));
}

/** Bots where too few play: each short neighbourhood gets the count it lacks, so all of them can start. */
async function botsWhereShort(district: District, cards: NeighbourhoodCard[], errands: Pending): Promise<void> {
  const short = cards.flatMap((card) => {
    const count = card.shortBy();
    return count > 0 ? [{ code: card.info.code, command: { kind: "add_bot", count } }] : [];
  });
  if (short.length === 0) return sayInBar(() => t("event.all.noneShort"), false);
  await errands.run("all:bots", async () => {
    const answers = await eachOwn(district, short);
    sumUp(cards, { key: "event.card.botsAdded" }, answers, "event.all.botsDone");
    // the button stays disabled until the bots show on the cards: a second press would add as many again
    await Promise.all(answers.map(({ code, reply }) => (reply.ok ? cards.find((card) => card.info.code === code)?.landed(reply.seq) : undefined)));
  });
}

/** One request per neighbourhood, each with its own command, all at once. */
async function eachOwn(district: District, orders: { code: string; command: Command }[]): Promise<Answer[]> {
  const answers = await Promise.all(
    orders.map(({ code, command }) =>
      call("eventCommand", { params: { code: district.code }, body: { command: { ...command, id: randomToken(24) }, to: [code] }, hostToken: district.hostToken }),
    ),
  );
  // a request refused as a whole (the network, the event's token) is that neighbourhood's answer
  return answers.flatMap((answer, i): Answer[] => (answer.ok ? answer.reply.results : [{ code: orders[i]!.code, reply: answer }]));
}

/** Each card says its neighbourhood's answer (`said` when done); the bar says how many did it (`doneKey`) or who refused. */
function sumUp(cards: NeighbourhoodCard[], said: Said, results: { code: string; reply: Outcome }[], doneKey = "event.all.done"): void {
  const refused: { card: NeighbourhoodCard; reason: string }[] = [];
  for (const { code, reply } of results) {
    const card = cards.find((c) => c.info.code === code);
    if (!card) continue;
    card.tell(reply, said);
    if (!reply.ok) refused.push({ card, reason: reply.reason });
  }
  const count = results.length;
  sayInBar(
    () =>
      refused.length === 0
        ? t(doneKey, { count })
        : t("event.all.partial", { done: count - refused.length, count, list: refused.map((r) => `${r.card.name}: ${t(reasonKey(r.reason))}`).join("; ") }),
    refused.length > 0,
  );
}

/** Says something in the bar's status line (kept as a function, so a language switch says it again). */
export function sayInBar(text: () => string, refused: boolean): void {
  lastSaid = text;
  const status = byId("event-status");
  status.textContent = text();
  status.classList.toggle("refused", refused);
}
