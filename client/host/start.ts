/**
 * The console's first screen: pick a scenario and a retention period, create a session (its host
 * token stays on this device), or reopen one of this device's sessions.
 */
import { local, t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import { hosting } from "../net/storage.ts";
import { call } from "../net/http.ts";
import type { ScenarioSummary } from "../../shared/protocol/http.ts";
import { chosenJson, renderRetention, showRefusal } from "./createForm.ts";

let scenarios: ScenarioSummary[] = [];

/** Shows the start screen; `created(code)` opens the console of a session just created. */
export function showStart(created: (code: string) => void, message?: { key: string; params?: Record<string, unknown> }): void {
  show(byId("console-view"), false);
  show(byId("start-view"), true);
  byId("start-status").textContent = message ? t(message.key, message.params) : "";
  onCreated = created;
  followGentle();
  void loadScenarios();
  renderStart();
}

/** Gentle mode turns "name the approver" off (and back on when gentle goes off); the facilitator can still set it either way. */
function followGentle(): void {
  const gentle = byId<HTMLInputElement>("gentle");
  if (gentle.dataset.followed) return;
  gentle.dataset.followed = "1";
  gentle.addEventListener("change", () => {
    byId<HTMLInputElement>("show-approver").checked = !gentle.checked;
  });
}

let onCreated: (code: string) => void = () => {};

export function renderStart(): void {
  renderScenarios();
  renderRetention();
  renderSessions();
}

async function loadScenarios(): Promise<void> {
  const answer = await call("scenarios");
  if (answer.ok) scenarios = answer.reply.scenarios;
  else byId("create-error").textContent = t(`reason.${answer.reason}`);
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
  offerCreate();
}

/**
 * "Create" is offered once there is something to create: a scenario of the list (which arrives
 * after the page) or the facilitator's own file. A click before the list came did nothing.
 */
function offerCreate(): void {
  const chosen = byId("scenarios").querySelector("input:checked") !== null || Boolean(byId<HTMLInputElement>("own-scenario").files?.length);
  byId<HTMLButtonElement>("create").disabled = !chosen;
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
byId("own-scenario").addEventListener("change", offerCreate);

/** The facilitator's own scenario file, when one is chosen: used instead of the list. */
async function ownScenario(): Promise<{ scenario: unknown } | { problem: string } | undefined> {
  const chosen = await chosenJson(byId<HTMLInputElement>("own-scenario"), "host.ownScenarioNotJson");
  return chosen && "json" in chosen ? { scenario: chosen.json } : chosen;
}

async function create(): Promise<void> {
  const button = byId<HTMLButtonElement>("create");
  const error = byId("create-error");
  const problems = byId("create-problems");
  const own = await ownScenario();
  const scenarioId = byId("scenarios").querySelector<HTMLInputElement>("input:checked")?.value;
  if (!scenarioId && !own) return;
  error.textContent = "";
  problems.replaceChildren();
  if (own && "problem" in own) {
    error.textContent = t("reason.invalid_scenario");
    problems.append(el("li", {}, own.problem));
    return;
  }
  button.disabled = true;
  button.textContent = t("host.creating");
  try {
    const answer = await call("createSession", {
      body: {
        ...(own ? { scenario: own.scenario } : { scenarioId }),
        retentionDays: Number(byId<HTMLSelectElement>("retention").value),
        gentle: byId<HTMLInputElement>("gentle").checked,
        showApprover: byId<HTMLInputElement>("show-approver").checked,
      },
      hostKey: byId<HTMLInputElement>("host-key").value || undefined,
    });
    if (!answer.ok) return showRefusal(answer);
    const { code } = answer.reply;
    hosting.set(code, { hostToken: answer.reply.hostToken, scenarioId: own ? ((own.scenario as { id?: string }).id ?? "") : (scenarioId ?? ""), createdAt: Date.now() });
    history.pushState(null, "", `/host?session=${code}`);
    onCreated(code);
  } finally {
    offerCreate();
    button.textContent = t("host.create");
  }
}
