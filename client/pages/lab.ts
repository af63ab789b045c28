/**
 * The scenario lab (`/lab`), reached from the host console: pick a built-in scenario or open a
 * file of one's own, change the numbers and switches that matter, and see in seconds what a class
 * would live through — bot games played in a Web Worker (client/lab/worker.ts) with the figures
 * growing as games finish. A run can be kept as the baseline for the next one. The result is
 * saved as a scenario file (it plays the same through `npm run simulate -- --file`) or used at
 * once for a new session.
 *
 * The page itself carries no rules, no simulator and no zod: those load with the worker, which
 * starts only when the draft is first checked or played.
 */
import "../lab/strings.ts";
import "../styles/base.css";
import "../styles/lab.css";
import { currentLang, local, onLangChange, setupLanguageSwitch, t } from "../i18n.ts";
import { byId, el } from "../ui/dom.ts";
import { call } from "../net/http.ts";
import { hosting } from "../net/storage.ts";
import type { ScenarioSummary } from "../../shared/protocol/http.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { buildForm, labelText, problemText, type Form } from "../lab/form.ts";
import { groupsFor } from "../lab/fields.ts";
import { changedSettings, renderCharts, renderMeasures, type Run } from "../lab/results.ts";
import type { DraftProblem, FromWorker, LabMix, RunSettings, ToWorker } from "../lab/protocol.ts";

let draft: Record<string, unknown> | undefined;
let form: Form | undefined;
let problems: DraftProblem[] = [];
let worker: Worker | undefined;
let running = false;
let latest: Run | undefined;
let baseline: Run | undefined;
/** The draft as it was when the current run started (its figures belong to it). */
let played: Scenario | undefined;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
/** When the figures were last drawn during a run. */
let drawnAt = 0;
let said: { id: string; key: string; values: Record<string, unknown> }[] = [];

function say(id: string, key: string, values: Record<string, unknown> = {}): void {
  said = [...said.filter((s) => s.id !== id), { id, key, values }];
  byId(id).textContent = key ? t(key, values) : "";
}

setupLanguageSwitch();
onLangChange(() => {
  for (const s of said) byId(s.id).textContent = s.key ? t(s.key, s.values) : "";
  if (draft) renderForm();
  if (problems.length) check(); // zod words its problems again in the new language
  renderResults();
});
void start();

async function start(): Promise<void> {
  const select = byId<HTMLSelectElement>("lab-scenario");
  const answer = await call("scenarios");
  if (!answer.ok) return say("lab-status", `reason.${answer.reason}`);
  const list: ScenarioSummary[] = answer.reply.scenarios;
  const render = () => {
    const chosen = select.value;
    select.replaceChildren(...list.map((s) => el("option", { value: s.id }, local(s.title))));
    select.value = chosen || (list.find((s) => s.default) ?? list[0])?.id || "";
  };
  render();
  onLangChange(render);
  select.addEventListener("change", () => void loadBuiltIn(select.value));
  byId<HTMLInputElement>("lab-file").addEventListener("change", () => void loadFile());
  byId("lab-go").addEventListener("click", run);
  byId("lab-stop").addEventListener("click", stop);
  byId("lab-keep").addEventListener("click", keepBaseline);
  byId("lab-forget").addEventListener("click", forgetBaseline);
  byId("lab-download").addEventListener("click", download);
  byId("lab-create").addEventListener("click", () => void createSession());
  byId<HTMLInputElement>("lab-name").addEventListener("input", rename);
  if (select.value) await loadBuiltIn(select.value);
}

async function loadBuiltIn(id: string): Promise<void> {
  say("lab-status", "lab.source.loading");
  const answer = await call("scenario", { params: { id } });
  if (!answer.ok) return say("lab-status", `reason.${answer.reason}`);
  use(structuredClone(answer.reply.scenario) as unknown as Record<string, unknown>);
  say("lab-status", "lab.source.loaded", { title: local(answer.reply.scenario.title) });
}

async function loadFile(): Promise<void> {
  const file = byId<HTMLInputElement>("lab-file").files?.[0];
  if (!file) return;
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return say("lab-status", "lab.source.notJson", { file: file.name });
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return say("lab-status", "lab.source.notJson", { file: file.name });
  use(json as Record<string, unknown>);
  say("lab-status", "lab.source.loadedFile", { file: file.name });
  check();
}

/** A new draft: the form is built over it; figures of another scenario are cleared. */
function use(scenario: Record<string, unknown>): void {
  draft = scenario;
  latest = undefined;
  baseline = undefined;
  problems = [];
  const title = scenario.title as { en?: string; zh?: string } | undefined;
  byId<HTMLInputElement>("lab-name").value = title?.[currentLang()] ?? "";
  renderForm();
  renderResults();
  updateButtons();
}

function renderForm(): void {
  if (!draft) return;
  form = buildForm(draft, edited);
  byId("lab-form").replaceChildren(form.element);
  showProblems();
}

function rename(): void {
  if (!draft) return;
  const name = byId<HTMLInputElement>("lab-name").value.trim();
  // one name for both languages: the facilitator names their own version once
  draft.title = { en: name, zh: name };
  edited();
}

function edited(): void {
  updateButtons();
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 250);
}

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL("../lab/worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<FromWorker>) => heard(event.data);
  return worker;
}

function send(message: ToWorker): void {
  ensureWorker().postMessage(message);
}

function check(): void {
  if (draft) send({ kind: "check", draft, lang: currentLang() });
}

function settings(): RunSettings | undefined {
  const number = (id: string) => byId<HTMLInputElement>(id).valueAsNumber;
  const games = number("lab-games");
  const players = number("lab-players");
  const seed = number("lab-seed");
  const mix = byId<HTMLSelectElement>("lab-mix").value as LabMix;
  if (!Number.isInteger(games) || games < 1 || games > 1000 || !Number.isInteger(players) || players < 4 || players > 40 || !Number.isInteger(seed)) return undefined;
  return { games, players, seed, mix };
}

function run(): void {
  if (!draft || running) return;
  const chosen = settings();
  if (!chosen) return say("lab-run-status", "lab.run.badSettings");
  running = true;
  played = structuredClone(draft) as unknown as Scenario;
  byId<HTMLProgressElement>("lab-progress").max = chosen.games;
  byId<HTMLProgressElement>("lab-progress").value = 0;
  say("lab-run-status", "lab.run.starting");
  updateButtons();
  send({ kind: "run", draft, settings: chosen, lang: currentLang() });
  byId("lab-stop").focus();
}

function stop(): void {
  if (running) send({ kind: "stop" });
}

function heard(message: FromWorker): void {
  if (message.kind === "checked") {
    problems = message.problems;
    showProblems();
    updateButtons();
    return;
  }
  if (message.kind === "progress") {
    latest = { figures: message.figures, scenario: played! };
    byId<HTMLProgressElement>("lab-progress").value = message.figures.done;
    // the live region speaks every tenth game, not every game
    if (message.figures.done % 10 === 0 || message.figures.done === 1) say("lab-run-status", "lab.run.progress", { done: message.figures.done, games: message.figures.games });
    // the figures are drawn at most every 200 ms while games pour in, so the page stays responsive
    if (performance.now() - drawnAt > 200) {
      drawnAt = performance.now();
      renderResults();
    }
    return;
  }
  running = false;
  if (message.figures) latest = { figures: message.figures, scenario: played! };
  const seconds = (message.ms / 1000).toFixed(1);
  if (!message.figures) say("lab-run-status", "lab.run.invalid");
  else say("lab-run-status", message.stopped ? "lab.run.stopped" : "lab.run.done", { done: message.figures.done, games: message.figures.games, seconds });
  renderResults();
  updateButtons();
  byId("lab-go").focus();
}

function showProblems(): void {
  const elsewhere = form ? form.showProblems(problems) : problems;
  const box = byId("lab-problems");
  if (problems.length === 0) return box.replaceChildren();
  box.replaceChildren(
    el("p", {}, t("lab.problems", { count: problems.length })),
    ...(elsewhere.length ? [el("ul", {}, ...elsewhere.map((p) => el("li", {}, `${p.path}: ${problemText(p)}`)))] : []),
  );
}

function renderResults(): void {
  const root = byId("lab-results");
  if (!latest) {
    root.replaceChildren();
    byId("lab-changes").replaceChildren();
    return;
  }
  root.replaceChildren(renderMeasures(latest, baseline ?? null), renderCharts(latest, baseline ?? null));
  const changes = baseline && latest !== baseline ? changedSettings(latest, baseline, settingLabel) : [];
  byId("lab-changes").replaceChildren(
    ...(baseline
      ? [el("h3", {}, t("lab.compare.changed")), changes.length ? el("ul", {}, ...changes.map((c) => el("li", {}, c))) : el("p", {}, t("lab.compare.nothingChanged"))]
      : []),
  );
}

/** A changed path as the form names it (`grades[1].min` → "Lowest score for AA"), else the path. */
function settingLabel(path: string): string {
  const field = latest && groupsFor(latest.scenario).flatMap((g) => g.fields).find((f) => f.path === path || path.startsWith(`${f.path}[`));
  return field ? labelText(field.label) : path;
}

function keepBaseline(): void {
  if (!latest) return;
  baseline = latest;
  say("lab-run-status", "lab.compare.kept");
  renderResults();
  updateButtons();
}

function forgetBaseline(): void {
  baseline = undefined;
  renderResults();
  updateButtons();
}

function updateButtons(): void {
  const valid = draft !== undefined && problems.length === 0;
  byId<HTMLButtonElement>("lab-go").disabled = !draft || running;
  byId<HTMLButtonElement>("lab-stop").disabled = !running;
  byId<HTMLButtonElement>("lab-keep").disabled = !latest || running || latest === baseline;
  byId("lab-forget").hidden = !baseline;
  byId<HTMLButtonElement>("lab-download").disabled = !valid;
  byId<HTMLButtonElement>("lab-create").disabled = !valid;
}

function fileName(): string {
  const id = typeof draft?.id === "string" && /^[a-z0-9_-]+$/i.test(draft.id) ? draft.id : "scenario";
  return `${id}.json`;
}

function download(): void {
  if (!draft) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(draft, null, 2)], { type: "application/json" }));
  const link = el("a", { href: url, download: fileName() });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  say("lab-save-status", "lab.save.downloaded", { file: fileName() });
}

async function createSession(): Promise<void> {
  if (!draft) return;
  const button = byId<HTMLButtonElement>("lab-create");
  button.disabled = true;
  say("lab-save-status", "lab.save.creating");
  const answer = await call("createSession", { body: { scenario: draft, retentionDays: 7, gentle: false, showApprover: true } });
  if (!answer.ok) {
    button.disabled = false;
    say("lab-save-status", `reason.${answer.reason}`);
    if (answer.problems) {
      problems = answer.problems;
      showProblems();
    }
    return;
  }
  const { code, hostToken } = answer.reply;
  hosting.set(code, { hostToken, scenarioId: typeof draft.id === "string" ? draft.id : "", createdAt: Date.now() });
  location.assign(`/host?session=${code}`);
}
