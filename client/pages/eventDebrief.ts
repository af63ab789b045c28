/**
 * The event's debrief (`/event/<CODE>/debrief`), for the facilitator and the projector: every
 * neighbourhood's game side by side, so the room sees what each street's rules did. The event's
 * host token on this device (kept by the event console) opens the event and each
 * neighbourhood's own token; their logs are fetched, compared in the browser
 * (shared/district/compare.ts, in a lazily loaded chunk) and shown as a table of figures, the
 * questions their differences raise, charts on one scale, truth against record street by
 * street, and exports. Pseudonyms by default; one click shows names (the logs are fetched again
 * with names), and this device remembers the choice for the event.
 */
import { statusLine } from "../ui/statusLine.ts";
import "../eventDebrief/strings.ts";
import "../styles/base.css";
import "../styles/debrief.css";
import "../styles/eventDebrief.css";
import { onLangChange, setupLanguageSwitch, t, local } from "../i18n.ts";
import { byId, el } from "../ui/dom.ts";
import { isJoinCode, normalizeJoinCode } from "../../shared/lobby/joinCode.ts";
import { debriefNames } from "../net/storage.ts";
import { eventToken, loadEvent, type EventLogs } from "../eventDebrief/load.ts";
import type { Comparison } from "../eventDebrief/compute.ts";
import { renderTable } from "../eventDebrief/table.ts";
import { renderPrompts } from "../eventDebrief/prompts.ts";
import { renderCharts } from "../eventDebrief/charts.ts";
import { renderTruth } from "../eventDebrief/truth.ts";
import { renderExports } from "../eventDebrief/exports.ts";

const SECTIONS = ["table", "prompts", "charts", "truth", "exports"] as const;

const code = normalizeJoinCode(decodeURIComponent(/^\/event\/([^/]+)\/debrief/.exec(location.pathname)?.[1] ?? ""));
const status = byId("event-debrief-status");
const root = byId("event-debrief-root");
let names = debriefNames.shown(code);
let loaded: { data: EventLogs; comparison: Comparison } | undefined;

const { say, retranslate } = statusLine(status);

setupLanguageSwitch();
onLangChange(() => {
  retranslate();
  if (loaded) render();
});
byId("event-debrief-code").textContent = code;
void start();

async function start(): Promise<void> {
  if (!isJoinCode(code)) return say("reason.bad_code");
  if (!eventToken(code)) return say("eventDebrief.noToken", { code });
  await load();
}

async function load(): Promise<void> {
  say("eventDebrief.loading");
  const data = await loadEvent(code, names);
  if ("reason" in data) {
    if (data.reason === "not_host") say("eventDebrief.noToken", { code });
    else say(`reason.${data.reason}`);
    return;
  }
  say("eventDebrief.comparing");
  const { compare } = await import("../eventDebrief/compute.ts");
  loaded = { data, comparison: compare(data.logs) };
  render();
  say(data.logs.length > 0 ? "eventDebrief.loaded" : "eventDebrief.nothing", { count: data.logs.length });
  document.body.dataset.ready = "true";
}

function namesSwitch(): HTMLElement {
  const toggle = el("button", { type: "button", id: "names-toggle", class: "names-toggle", "aria-describedby": "names-state names-hint" }, t(names ? "eventDebrief.names.hide" : "eventDebrief.names.show"));
  toggle.addEventListener("click", () => {
    names = !names;
    debriefNames.set(code, names);
    document.body.dataset.ready = "false";
    void load();
  });
  return el("div", { class: "names-switch", role: "group", "aria-label": t("eventDebrief.names.group") },
    el("p", { id: "names-state", class: "names-state" }, t(names ? "eventDebrief.names.showingNames" : "eventDebrief.names.showingPseudonyms")),
    toggle,
    el("small", { id: "names-hint" }, t("eventDebrief.names.hint")),
  );
}

function render(): void {
  const { data, comparison } = loaded!;
  const body = (s: (typeof SECTIONS)[number]) => el("div", { id: `section-${s}`, class: "section-body" });
  const bodies = { table: body("table"), prompts: body("prompts"), charts: body("charts"), truth: body("truth"), exports: body("exports") } satisfies Record<(typeof SECTIONS)[number], HTMLElement>;
  const unread = data.unread.map((u) => el("p", { class: "unread", role: "alert" }, t("eventDebrief.failedOne", { name: local(u.name), reason: t(`reason.${u.reason}`) })));
  const visible = SECTIONS.filter((s) => s === "exports" || comparison.streets.length > 0);
  root.replaceChildren(
    namesSwitch(),
    ...unread,
    ...visible.map((s) => el("section", { class: `event-section event-section-${s}`, "aria-labelledby": `heading-${s}` }, el("h2", { id: `heading-${s}` }, t(`eventDebrief.section.${s}`)), bodies[s])),
  );
  if (comparison.streets.length > 0) {
    renderTable(bodies.table, comparison.streets);
    renderPrompts(bodies.prompts, comparison.prompts);
    renderCharts(bodies.charts, comparison.streets, comparison.bins);
    renderTruth(bodies.truth, comparison.streets, data.anonymised);
  }
  renderExports(bodies.exports, code, data.info.neighbourhoods, names);
}
