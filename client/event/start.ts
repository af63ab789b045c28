/**
 * The event console's first screen: choose what the neighbourhoods play — a built-in comparison,
 * scenarios of the catalogue one per neighbourhood, or the host's own variants file — and create
 * the event (its host token stays on this device); or reopen one of this device's events.
 */
import { local, t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import { events } from "../net/storage.ts";
import { call } from "../net/http.ts";
import { setOptions } from "../host/keyed.ts";
import { chosenJson, renderRetention, showRefusal } from "../host/createForm.ts";
import { DISTRICT_MAX, DISTRICT_MIN } from "../../shared/district/plan.ts";
import type { CreateEventBody } from "../../shared/protocol/bodies.ts";
import type { ScenarioSummary, VariantSetSummary } from "../../shared/protocol/http.ts";

let sets: VariantSetSummary[] | undefined;
let scenarios: ScenarioSummary[] = [];
let onCreated: (code: string) => void = () => {};
let wired = false;

/** Shows the start screen; `created(code)` opens the console of an event just created. */
export function showStart(created: (code: string) => void, message?: { key: string; params?: Record<string, unknown> }): void {
  show(byId("console-view"), false);
  show(byId("start-view"), true);
  byId("start-status").textContent = message ? t(message.key, message.params) : "";
  onCreated = created;
  wire();
  void load();
  renderStart();
}

export function renderStart(): void {
  renderSets();
  renderPicks();
  renderRetention();
  renderEvents();
}

function wire(): void {
  if (wired) return;
  wired = true;
  byId("made-of").addEventListener("change", renderPicks);
  byId("count").addEventListener("input", renderPicks);
  byId<HTMLFormElement>("create-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void create();
  });
}

async function load(): Promise<void> {
  const [setsAnswer, scenariosAnswer] = await Promise.all([call("variantSets"), call("scenarios")]);
  sets = setsAnswer.ok ? setsAnswer.reply.sets : [];
  if (scenariosAnswer.ok) scenarios = scenariosAnswer.reply.scenarios;
  const refused = !setsAnswer.ok ? setsAnswer : !scenariosAnswer.ok ? scenariosAnswer : undefined;
  if (refused) byId("create-error").textContent = t(`reason.${refused.reason}`);
  renderStart();
  // offered once the sets and scenarios are in: a click before them read "choose a file"
  byId<HTMLButtonElement>("create").disabled = false;
}

/** The chosen make-up: "set:<id>", "scenarios" or "file". */
function madeOf(): string | undefined {
  return byId("made-of").querySelector<HTMLInputElement>("input[name=made-of]:checked")?.value;
}

function renderSets(): void {
  const box = byId("sets");
  if (!sets) {
    box.replaceChildren(el("p", { class: "muted" }, t("event.loadingSets")));
    return;
  }
  const chosen = madeOf();
  const choices = sets.map((set, i) => {
    const id = `set-${set.id}`;
    const input = el("input", { type: "radio", name: "made-of", id, value: `set:${set.id}`, checked: chosen ? chosen === `set:${set.id}` : i === 0 });
    const names = set.neighbourhoods.map((n) => local(n)).join(" · ");
    return el("div", { class: "choice" }, input, el("label", { for: id }, el("strong", {}, local(set.title)), el("br"), names));
  });
  box.replaceChildren(el("p", { class: "legend-like" }, t("event.builtIn")), ...choices);
  if (!madeOf()) byId<HTMLInputElement>("made-of-scenarios").checked = true;
}

/** One scenario select per neighbourhood, as many as asked for (their choices kept). */
function renderPicks(): void {
  const choice = madeOf();
  show(byId("scenario-picks"), choice === "scenarios");
  show(byId("file-pick"), choice === "file");
  const count = Math.min(DISTRICT_MAX, Math.max(DISTRICT_MIN, Number(byId<HTMLInputElement>("count").value) || DISTRICT_MIN));
  const list = byId("picks");
  const fallback = scenarios.find((s) => s.default)?.id ?? scenarios[0]?.id ?? "";
  const options = scenarios.map((s) => ({ value: s.id, label: local(s.title) }));
  while (list.children.length > count) list.lastElementChild!.remove();
  for (let n = list.children.length + 1; n <= count; n++) {
    const id = `pick-${n}`;
    list.append(el("div", { class: "pick" }, el("label", { for: id }), el("select", { id })));
  }
  Array.from(list.children).forEach((row, i) => {
    row.querySelector("label")!.textContent = t("event.neighbourhoodN", { n: i + 1 });
    setOptions(row.querySelector("select")!, options, fallback);
  });
}

function renderEvents(): void {
  const mine = events.all();
  byId("my-events").replaceChildren(
    ...(mine.length === 0
      ? [el("li", {}, t("event.noEvents"))]
      : mine.map(({ code, record }) =>
          el("li", {}, el("a", { href: `/event?code=${code}` }, record.title || t("event.untitled", { code })), ` · ${code} · ${new Date(record.createdAt).toLocaleString()}`),
        )),
  );
}

/** What the neighbourhoods play, as the create body says it, or a problem to show. */
async function makeUp(): Promise<Pick<CreateEventBody, "scenarioIds" | "variants"> | { problem: string }> {
  const choice = madeOf() ?? "";
  if (choice.startsWith("set:")) return { variants: choice.slice(4) };
  if (choice === "scenarios") return { scenarioIds: Array.from(byId("picks").querySelectorAll("select"), (s) => s.value) };
  const chosen = await chosenJson(byId<HTMLInputElement>("variants-file"), "event.notJson");
  if (!chosen) return { problem: t("event.fileMissing") };
  return "json" in chosen ? { variants: chosen.json as Record<string, unknown> } : chosen;
}

async function create(): Promise<void> {
  const button = byId<HTMLButtonElement>("create");
  const error = byId("create-error");
  const problems = byId("create-problems");
  error.textContent = "";
  problems.replaceChildren();
  const made = await makeUp();
  if ("problem" in made) {
    error.textContent = made.problem;
    return;
  }
  const title = byId<HTMLInputElement>("event-name").value.trim();
  button.disabled = true;
  button.textContent = t("event.creating");
  try {
    const answer = await call("createEvent", {
      body: { ...made, ...(title ? { title } : {}), retentionDays: Number(byId<HTMLSelectElement>("retention").value), gentle: byId<HTMLInputElement>("gentle").checked },
      hostKey: byId<HTMLInputElement>("host-key").value || undefined,
    });
    if (!answer.ok) return showRefusal(answer);
    const { code, hostToken } = answer.reply;
    events.set(code, { hostToken, title, createdAt: Date.now() });
    history.pushState(null, "", `/event?code=${code}`);
    onCreated(code);
  } finally {
    button.disabled = false;
    button.textContent = t("event.create");
  }
}
