/**
 * The event-wide bar: start, pause, resume, a minute more, skip, end and a broadcast for every
 * neighbourhood at once, each sent as one `eventCommand` (a skip per neighbourhood instead: each
 * names the phase it means to end). Every neighbourhood's answer is said on its card; the bar's
 * status line sums them up, naming the neighbourhoods that refused and why.
 */
import { t } from "../i18n.ts";
import { byId } from "../ui/dom.ts";
import { call } from "../net/http.ts";
import { randomToken } from "../net/storage.ts";
import type { EventCommandReply } from "../../shared/protocol/http.ts";
import type { District, NeighbourhoodCard } from "./card.ts";
import { reasonKey, type DoneKind, type Outcome } from "./outcome.ts";
import type { Pending } from "./pending.ts";

type Results = EventCommandReply["results"];
type Command = { kind: string } & Record<string, unknown>;

/** Re-says the bar's last outcome in the current language. */
let lastSaid: (() => string) | undefined;

export function retranslateWide(): void {
  if (lastSaid) byId("event-status").textContent = lastSaid();
}

export function renderWide(errands: Pending): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-all]")) button.disabled = errands.has(`all:${button.dataset.all}`);
  byId<HTMLButtonElement>("broadcast-all-send").disabled = errands.has("all:broadcast");
}

export function wideControls(district: District, cards: () => NeighbourhoodCard[], errands: Pending): void {
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
  sumUp(cards, kind, answer.reply.results);
  return answer.reply.results;
}

/** A skip names the phase it ends, and neighbourhoods are in different phases: one request each, all at once. */
async function skipEverywhere(district: District, cards: NeighbourhoodCard[], errands: Pending): Promise<void> {
  const running = cards.flatMap((card) => {
    const from = card.runningPhase();
    return from ? [{ code: card.info.code, from }] : [];
  });
  if (running.length === 0) return sayInBar(() => t("event.all.nothingToSkip"), true);
  await errands.run("all:skip", async () => {
    const answers = await Promise.all(
      running.map(({ code, from }) =>
        call("eventCommand", { params: { code: district.code }, body: { command: { kind: "advance", from, id: randomToken(24) }, to: [code] }, hostToken: district.hostToken }),
      ),
    );
    // a request refused as a whole (the network, the event's token) is that neighbourhood's answer
    const results = answers.flatMap((answer, i): { code: string; reply: Outcome }[] => (answer.ok ? answer.reply.results : [{ code: running[i]!.code, reply: answer }]));
    sumUp(cards, "skip", results);
  });
}

function sumUp(cards: NeighbourhoodCard[], kind: DoneKind, results: { code: string; reply: Outcome }[]): void {
  const refused: { card: NeighbourhoodCard; reason: string }[] = [];
  for (const { code, reply } of results) {
    const card = cards.find((c) => c.info.code === code);
    if (!card) continue;
    card.tell(reply, kind);
    if (!reply.ok) refused.push({ card, reason: reply.reason });
  }
  const count = results.length;
  sayInBar(
    () =>
      refused.length === 0
        ? t("event.all.done", { count })
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
