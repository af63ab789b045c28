/**
 * The debrief page (`/debrief/<CODE>`), for the facilitator and the projector: the session's
 * log is fetched once with the host token kept on this device, replayed in the browser, and
 * shown as tabs — timeline with a board-replaying scrubber, truth vs record, charts (chart.js
 * loaded only when first shown), prompts to pin and order, and exports. Pseudonyms are on by
 * default (a projector); one click at the top shows the names the class played with (the log
 * is fetched again with names), and this device remembers the choice per session — the host
 * console can make it beforehand (client/net/storage.ts, `debriefNames`).
 *
 * `/debrief` (no code), or a device without the host key, can open an exported JSON file
 * instead: it is checked, replayed and shown the same way, all in the browser — so a class can
 * look back at a game long after the server deleted it.
 */
import { statusLine } from "../ui/statusLine.ts";
import "../debrief/strings.ts";
import "../styles/base.css";
import "../styles/debrief.css";
import { onLangChange, setupLanguageSwitch, t } from "../i18n.ts";
import { byId, el } from "../ui/dom.ts";
import { isJoinCode, normalizeJoinCode } from "../../shared/lobby/joinCode.ts";
import { download, hasToken, loadDebrief } from "../debrief/api.ts";
import { debriefNames } from "../net/storage.ts";
import { buildModel, type Loaded, type Model } from "../debrief/model.ts";
import { anonymiseLog, people } from "../../shared/debrief/names.ts";
import { buildReplay } from "../../shared/debrief/replay.ts";
import { renderTimeline } from "../debrief/timeline.ts";
import { renderTruth, sentenceGap } from "../debrief/truth.ts";
import { renderCharts } from "../debrief/charts.ts";
import { renderPrompts } from "../debrief/prompts.ts";

const TABS = ["timeline", "truth", "charts", "prompts", "export"] as const;
type Tab = (typeof TABS)[number];

const code = normalizeJoinCode(decodeURIComponent(/^\/debrief\/([^/]+)/.exec(location.pathname)?.[1] ?? ""));
const status = byId("debrief-status");
const root = byId("debrief-root");
let model: Model | undefined;
/** A session opened from an exported file (instead of the server): its log as exported. */
let fromFile: Loaded | undefined;
let current: Tab = "timeline";
let anonymised = !debriefNames.shown(code);
const timelineState = { index: 0, filters: { day: null, seat: null, role: null, kind: null } as Parameters<typeof renderTimeline>[2]["filters"] };
const rendered = new Set<Tab>();

const { say, retranslate } = statusLine(status);

setupLanguageSwitch();
onLangChange(() => {
  rendered.clear();
  retranslate();
  if (model) layout();
});
byId("debrief-code").textContent = code;
void start();

async function start(): Promise<void> {
  const picker = byId<HTMLInputElement>("debrief-file-input");
  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    if (file) void openFile(file);
  });
  if (!code) return offerFile();
  if (!isJoinCode(code)) {
    say("reason.bad_code");
    return;
  }
  if (!hasToken(code)) {
    say("debrief.noToken", { code });
    return offerFile();
  }
  await load();
}

function offerFile(): void {
  byId("debrief-file").hidden = false;
}

/** An exported session file: checked (zod, loaded only for this), then shown like a live one. */
async function openFile(file: File): Promise<void> {
  say("debrief.loading");
  const { importJson } = await import("../../shared/debrief/import.ts");
  const imported = importJson(await file.text());
  if ("problems" in imported) {
    say("debrief.file.problem", { problem: imported.problems.slice(0, 3).join("; ") });
    return;
  }
  fromFile = { code: imported.meta.code, anonymised: imported.meta.anonymised, createdAt: imported.log[0]?.at ?? 0, endedAt: imported.meta.endedAt, log: imported.log };
  anonymised = fromFile.anonymised || !debriefNames.shown(fromFile.code);
  byId("debrief-code").textContent = fromFile.code;
  showModel(fileData(), performance.now());
}

/** The file's log, with pseudonyms when the switch is on (an anonymised file has no names to show). */
function fileData(): Loaded {
  const data = fromFile!;
  if (!anonymised || data.anonymised) return data;
  return { ...data, anonymised: true, log: anonymiseLog(data.log, people(buildReplay(data.log).final, data.log)) };
}

async function load(): Promise<void> {
  say("debrief.loading");
  const started = performance.now();
  const data = await loadDebrief(code, !anonymised);
  if ("reason" in data) {
    if (data.reason === "not_host") say("debrief.noToken", { code });
    else say(`reason.${data.reason}`);
    return;
  }
  showModel(data, started);
}

function showModel(data: Loaded, started: number): void {
  byId("debrief-file").hidden = true;
  model = buildModel(data);
  timelineState.index = Math.min(timelineState.index || model.replay.marks.length - 1, model.replay.marks.length - 1);
  rendered.clear();
  layout();
  const ms = Math.round(performance.now() - started);
  say("debrief.loaded", { count: model.log.length, ms });
  document.body.dataset.ready = "true";
  document.body.dataset.openMs = String(ms);
}

function layout(): void {
  const m = model!;
  const noNames = fromFile?.anonymised === true;
  const toggle = el("button", { type: "button", id: "names-toggle", class: "names-toggle", disabled: noNames, "aria-describedby": "names-state names-hint" },
    t(anonymised ? "debrief.names.show" : "debrief.names.hide"));
  toggle.addEventListener("click", () => {
    anonymised = !anonymised;
    debriefNames.set(fromFile?.code ?? code, !anonymised);
    if (fromFile) showModel(fileData(), performance.now());
    else void load();
  });
  const tablist = el("div", { role: "tablist", "aria-label": t("debrief.tabs"), class: "tabs no-print" });
  const panels: HTMLElement[] = [];
  for (const tab of TABS) {
    const button = el("button", { type: "button", role: "tab", id: `tab-${tab}`, "aria-controls": `panel-${tab}`, "aria-selected": String(tab === current), tabindex: tab === current ? "0" : "-1" }, t(`debrief.tab.${tab}`));
    button.addEventListener("click", () => select(tab, false));
    button.addEventListener("keydown", (e) => {
      const i = TABS.indexOf(tab);
      const next = e.key === "ArrowRight" ? TABS[(i + 1) % TABS.length] : e.key === "ArrowLeft" ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === "Home" ? TABS[0] : e.key === "End" ? TABS[TABS.length - 1] : undefined;
      if (next) {
        e.preventDefault();
        select(next, true);
      }
    });
    tablist.append(button);
    const panel = el("section", { role: "tabpanel", id: `panel-${tab}`, "aria-labelledby": `tab-${tab}`, class: `panel panel-${tab}`, hidden: tab !== current, tabindex: "0" },
      el("h2", { class: "panel-title" }, t(`debrief.tab.${tab}`)), el("div", { class: "panel-body" }));
    panels.push(panel);
  }
  root.replaceChildren(
    el("p", { class: "report-only report-head" }, t("debrief.report.generated", { anonymised: anonymised ? t("debrief.yes") : t("debrief.no"), count: m.log.length })),
    el("div", { class: "names-switch no-print", role: "group", "aria-label": t("debrief.anonymise") },
      el("p", { id: "names-state", class: "names-state" }, noNames ? t("debrief.names.fileHasNone") : t(anonymised ? "debrief.names.showingPseudonyms" : "debrief.names.showingNames")),
      toggle,
      el("small", { id: "names-hint" }, [t("debrief.anonymiseHint"), t("debrief.names.remembered")].join(sentenceGap())),
    ),
    tablist,
    ...panels,
  );
  renderPanel(current);
}

function select(tab: Tab, focus: boolean): void {
  current = tab;
  for (const other of TABS) {
    const b = byId(`tab-${other}`);
    b.setAttribute("aria-selected", String(other === tab));
    b.tabIndex = other === tab ? 0 : -1;
    byId(`panel-${other}`).hidden = other !== tab;
  }
  renderPanel(tab);
  if (focus) byId(`tab-${tab}`).focus();
}

function body(tab: Tab): HTMLElement {
  return byId(`panel-${tab}`).querySelector<HTMLElement>(".panel-body")!;
}

function renderPanel(tab: Tab): void {
  const m = model;
  if (!m || rendered.has(tab)) return;
  rendered.add(tab);
  const target = body(tab);
  if (tab === "timeline") renderTimeline(target, m, timelineState);
  else if (tab === "truth") renderTruth(target, m);
  else if (tab === "charts") renderCharts(target, m);
  else if (tab === "prompts") renderPrompts(target, m);
  else renderExport(target);
}

function renderExport(target: HTMLElement): void {
  const result = el("p", { id: "export-status", role: "status", "aria-live": "polite" });
  const print = el("button", { type: "button", id: "print-report" }, t("debrief.export.print"));
  print.addEventListener("click", () => void printReport());
  if (fromFile) {
    // the exports come from the server's store; a file-based debrief can still print its report
    target.replaceChildren(el("p", {}, t("debrief.file.exports")), el("h3", {}, t("debrief.export.report")), print, result);
    return;
  }
  const item = (what: "export.json" | "players.csv" | "entries.csv", key: string) => {
    const b = el("button", { type: "button", id: `export-${what.replace(".", "-")}` }, t(key));
    b.addEventListener("click", () => {
      void download(code, what, !anonymised).then((file) => {
        result.textContent = typeof file === "string" ? t("debrief.export.done", { file }) : t("debrief.export.failed", { reason: t(`reason.${file.reason}`) });
      });
    });
    return el("li", {}, b);
  };
  target.replaceChildren(
    el("p", {}, t("debrief.export.intro")),
    el("ul", { class: "export-list" }, item("export.json", "debrief.export.json"), item("players.csv", "debrief.export.players"), item("entries.csv", "debrief.export.entries")),
    el("h3", {}, t("debrief.export.report")),
    print,
    result,
  );
}

/** The printable report: truth vs record, charts and prompts on paper (print CSS shows every panel but the timeline). */
async function printReport(): Promise<void> {
  for (const tab of ["truth", "charts", "prompts"] as const) renderPanel(tab);
  const charts = body("charts");
  const deadline = Date.now() + 5000;
  while (charts.dataset.drawn !== "true" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const details of document.querySelectorAll<HTMLDetailsElement>(".chart-table")) details.open = true;
  document.body.classList.add("printing");
  window.addEventListener("afterprint", () => document.body.classList.remove("printing"), { once: true });
  window.print();
}
