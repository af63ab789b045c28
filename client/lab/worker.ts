/**
 * The scenario lab's worker: the rules, the bots and the simulator run here, off the page's
 * thread, so the page stays light and responsive. It checks a draft with the scenario schema and
 * plays a batch with `openBatch` — the very code `npm run simulate` runs, so the same scenario,
 * seed, size and mix give the same figures — posting them after every game. Between games it
 * yields, so a "stop" is heard at once.
 */
import { z } from "zod";
import { SHARE_MEASURES, parseScenario } from "../../shared/scenario/index.ts";
import type { Lang } from "../../shared/lang.ts";
import { CHECK_MIX, openBatch, type Batch } from "../../shared/sim/index.ts";
import type { Figures, FromWorker, RunSettings, ToWorker } from "./protocol.ts";

/** The run in progress; a new run or a stop ends it. */
let running = 0;

const post = (message: FromWorker) => postMessage(message);

/** Checks a draft with the scenario schema, zod's own messages in the page's language. */
function check(draft: unknown, lang: Lang) {
  z.config(lang === "zh" ? z.locales.zhCN() : z.locales.en());
  return parseScenario(draft);
}
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function figures(batch: Batch, settings: RunSettings): Figures {
  return { done: batch.done(), games: settings.games, players: batch.players, measured: batch.result(), endings: batch.endings(), shares: SHARE_MEASURES };
}

async function run(draft: unknown, settings: RunSettings, lang: Lang): Promise<void> {
  const id = ++running;
  const parsed = check(draft, lang);
  if (!parsed.ok) {
    post({ kind: "checked", problems: parsed.errors });
    post({ kind: "finished", figures: null, stopped: true, ms: 0 });
    return;
  }
  const players = Math.min(settings.players, parsed.scenario.maxPlayers);
  const batch = openBatch(parsed.scenario, { games: settings.games, seed: settings.seed, players, ...(settings.mix === "class" ? { mix: CHECK_MIX } : {}) });
  const started = performance.now();
  while (batch.next()) {
    post({ kind: "progress", figures: figures(batch, settings) });
    await pause();
    if (id !== running) {
      post({ kind: "finished", figures: figures(batch, settings), stopped: true, ms: performance.now() - started });
      return;
    }
  }
  post({ kind: "finished", figures: figures(batch, settings), stopped: false, ms: performance.now() - started });
}

onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === "check") {
    const parsed = check(message.draft, message.lang);
    post({ kind: "checked", problems: parsed.ok ? [] : parsed.errors });
  } else if (message.kind === "run") {
    void run(message.draft, message.settings, message.lang);
  } else {
    running++;
  }
};
