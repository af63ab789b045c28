/**
 * The console's first screen: pick a scenario and a retention period, create a session (its host
 * token stays on this device), or reopen one of this device's sessions.
 */
import { local, t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import { hosting } from "../net/storage.ts";
import type { LocalText } from "../../shared/lang.ts";

type ScenarioSummary = { id: string; title: LocalText; summary: LocalText; default: boolean; maxPlayers: number };

const RETENTION_CHOICES = [1, 7, 30];
let scenarios: ScenarioSummary[] = [];

/** Shows the start screen; `created(code)` opens the console of a session just created. */
export function showStart(created: (code: string) => void, message?: { key: string; params?: Record<string, unknown> }): void {
  show(byId("console-view"), false);
  show(byId("start-view"), true);
  byId("start-status").textContent = message ? t(message.key, message.params) : "";
  onCreated = created;
  void loadScenarios();
  renderStart();
}

let onCreated: (code: string) => void = () => {};

export function renderStart(): void {
  renderScenarios();
  renderRetention();
  renderSessions();
}

async function loadScenarios(): Promise<void> {
  try {
    const response = await fetch("/api/scenarios");
    scenarios = ((await response.json()) as { scenarios: ScenarioSummary[] }).scenarios;
  } catch {
    byId("create-error").textContent = t("reason.network");
  }
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
}

function renderRetention(): void {
  const select = byId<HTMLSelectElement>("retention");
  const value = select.value || "7";
  select.replaceChildren(...RETENTION_CHOICES.map((d) => el("option", { value: String(d) }, t("host.days", { count: d }))));
  select.value = value;
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

async function create(): Promise<void> {
  const button = byId<HTMLButtonElement>("create");
  const error = byId("create-error");
  const scenarioId = byId("scenarios").querySelector<HTMLInputElement>("input:checked")?.value;
  if (!scenarioId) return;
  button.disabled = true;
  button.textContent = t("host.creating");
  error.textContent = "";
  try {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const key = byId<HTMLInputElement>("host-key").value;
    if (key) headers["x-host-key"] = key;
    const response = await fetch("/api/sessions", {
      method: "POST",
      headers,
      body: JSON.stringify({
        scenarioId,
        retentionDays: Number(byId<HTMLSelectElement>("retention").value),
        gentle: byId<HTMLInputElement>("gentle").checked,
      }),
    });
    const body = (await response.json()) as { code?: string; hostToken?: string; reason?: string };
    if (!response.ok || !body.code || !body.hostToken) {
      if (body.reason === "host_key_required") show(byId("host-key-field"), true);
      error.textContent = t(`reason.${body.reason ?? "unknown"}`);
      return;
    }
    hosting.set(body.code, { hostToken: body.hostToken, scenarioId, createdAt: Date.now() });
    history.pushState(null, "", `/host?session=${body.code}`);
    onCreated(body.code);
  } catch {
    error.textContent = t("reason.network");
  } finally {
    button.disabled = false;
    button.textContent = t("host.create");
  }
}
