/**
 * The players' end screens, independent of the play screen: `showEnding(root, data)` first shows
 * the de-roling moment ("you are no longer the official — you are yourself", a breath,
 * "continue"), then the reveal (everyone's secret goals, false entries, wrongful blacklistings)
 * and "what the game recorded about you". `data` is the `ending` field of the seat's private
 * view once the game has ended (shared/debrief/ending.ts). Everything goes in as text.
 */
import "./strings.ts";
import "./ending.css";
import { local, onLangChange, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Ending, OwnRecord } from "../../shared/debrief/ending.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import type { LocalText } from "../../shared/lang.ts";

export type EndingData = Ending;

type Options = { rulebook?: Scenario | null; onContinue?: () => void };

/**
 * Shows the end screens in `root` (replacing its content). Returns a function that re-renders
 * (e.g. with fresh data); language switches re-render on their own.
 */
export function showEnding(root: HTMLElement, data: EndingData, options: Options = {}): (next?: EndingData) => void {
  let current = data;
  let stage: "derole" | "reveal" = "derole";
  const render = () => {
    if (stage === "derole") renderDerole(root, current, () => {
      stage = "reveal";
      render();
      options.onContinue?.();
      root.querySelector<HTMLElement>("h2")?.focus();
    });
    else renderReveal(root, current, options.rulebook ?? null);
  };
  onLangChange(render);
  render();
  return (next) => {
    if (next) current = next;
    render();
  };
}

function roleName(role: string | null | undefined): string {
  return role ? t(`role.${role}.inSentence`) : "";
}

function renderDerole(root: HTMLElement, data: EndingData, onContinue: () => void): void {
  const role = data.me?.role ?? null;
  const next = el("button", { type: "button", class: "primary", id: "ending-continue" }, t("ending.derole.continue"));
  next.addEventListener("click", onContinue);
  root.replaceChildren(
    el("section", { class: "ending derole", "aria-labelledby": "derole-h" },
      el("h2", { id: "derole-h", tabindex: "-1" }, t("ending.derole.title")),
      ...(role ? [el("p", {}, t("ending.derole.youWere", { role: roleName(role) })), el("p", { class: "big" }, t("ending.derole.notAnymore", { role: roleName(role) }))] : []),
      el("div", { class: "breath", "aria-hidden": "true" }),
      el("p", {}, t("ending.derole.breathe")),
      next,
    ),
  );
}

function list(id: string, items: string[], emptyKey: string): HTMLElement {
  return items.length ? el("ul", { id }, ...items.map((x) => el("li", {}, x))) : el("p", { id }, t(emptyKey));
}

function renderReveal(root: HTMLElement, data: EndingData, rulebook: Scenario | null): void {
  const deed = (id: string | null) => {
    const d = rulebook?.deeds.find((x) => x.id === id);
    return d ? local(d.label) : (id ?? "");
  };
  const place = (id: string) => {
    const l = rulebook?.locations.find((x) => x.id === id);
    return l ? local(l.label) : id;
  };
  const grade = (id: string) => {
    const g = rulebook?.grades.find((x) => x.id === id);
    return g ? local(g.label) : id;
  };
  const status = (s: string) => t(`ending.record.status.${s}`);
  const r = data.reveal;
  // while the board is anonymous the server sends pseudonyms, not nicknames
  const who = (x: { nickname: string; pseudonym?: LocalText }) => x.nickname || (x.pseudonym ? local(x.pseudonym) : "?");
  const reveal = el("section", { class: "ending reveal", "aria-labelledby": "reveal-h" },
    el("h2", { id: "reveal-h", tabindex: "-1" }, t("ending.reveal.title")),
    el("h3", {}, t("ending.reveal.goals")),
    list("reveal-goals", r.goals.map((g) => t("ending.reveal.goalItem", { name: who(g), role: roleName(g.role), goal: local(g.goal), result: g.met ? `✔ ${t("ending.reveal.met")}` : `✘ ${t("ending.reveal.notMet")}` })), "ending.record.none"),
    el("h3", {}, t("ending.reveal.falseEntries")),
    list("reveal-false", r.falseEntries.map((e) => t("ending.reveal.falseItem", { name: who(e), day: e.day, deed: deed(e.deed), status: `${status(e.status)}, ${e.published ? t("ending.reveal.published") : t("ending.reveal.notPublished")}` })), "ending.reveal.falseNone"),
    el("h3", {}, t("ending.reveal.wrongful")),
    list("reveal-wrongful", r.wrongfulListings.map((l) => t("ending.reveal.wrongfulItem", { name: who(l), day: l.day, still: l.active ? t("ending.reveal.stillListed") : "" })), "ending.reveal.wrongfulNone"),
  );
  root.replaceChildren(reveal, ...(data.me ? [recordSection(data.me, { deed, place, grade, status })] : []));
}

type Words = { deed: (id: string | null) => string; place: (id: string) => string; grade: (id: string) => string; status: (s: string) => string };

function recordSection(me: OwnRecord, w: Words): HTMLElement {
  const truth = (x: boolean) => (x ? t("ending.record.true") : t("ending.record.false"));
  const part = (id: string, key: string, items: string[]) => [el("h3", {}, t(key)), list(id, items, "ending.record.none")];
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return el("section", { class: "ending record", "aria-labelledby": "record-h" },
    el("h2", { id: "record-h" }, t("ending.record.title")),
    el("p", {}, t("ending.record.intro")),
    el("p", { class: "big", id: "record-summary" }, me.scored ? t("ending.record.summary", { start: me.startScore, score: me.score, grade: w.grade(me.grade), listed: me.blacklisted ? t("ending.record.listed") : "" }) : t("ending.record.unscored")),
    ...part("record-goals", "ending.record.goals", me.goals.map((g) => `${local(g.goal)} — ${g.met ? `✔ ${t("ending.reveal.met")}` : `✘ ${t("ending.reveal.notMet")}`}`)),
    ...part("record-deeds", "ending.record.deeds", me.deeds.map((d) => t("ending.record.deedItem", { day: d.day, deed: w.deed(d.deed), place: w.place(d.location), recorded: d.recorded ? t("ending.record.recorded") : t("ending.record.unrecorded") }))),
    ...part("record-about", "ending.record.about", me.entriesAboutMe.map((e) => t("ending.record.aboutItem", {
      day: e.day, deed: w.deed(e.deed), source: t(`ending.record.source.${e.source}`), basis: t(`ending.record.basis.${e.basis}`), truth: truth(e.truthful), status: w.status(e.status),
      points: e.points !== null ? t("ending.record.points", { points: signed(e.points), count: Math.abs(e.points) }) : "",
    }))),
    ...(me.role === "watcher" ? [
      ...part("record-observations", "ending.record.observations", me.observations.map((o) => t("ending.record.observationItem", { day: o.day, deed: w.deed(o.deed) }))),
      ...part("record-written", "ending.record.written", me.entriesIWrote.map((e) => t("ending.record.writtenItem", { day: e.day, deed: w.deed(e.deed), basis: t(`ending.record.basis.${e.basis}`), truth: truth(e.truthful), status: w.status(e.status) }))),
    ] : []),
    ...(me.role === "official" ? part("record-decisions", "ending.record.decisions", me.decisionsIMade.map((d) => t("ending.record.decisionItem", { kind: t(`ending.record.kind.${d.kind}`), outcome: w.status(d.outcome), day: d.day !== null ? t("ending.record.dayMark", { day: d.day }) : "" }))) : []),
    ...part("record-appeals", "ending.record.appeals", me.myAppeals.map((a) => t(a.status === "pending" ? "ending.record.appealPendingItem" : "ending.record.appealItem", { day: a.filedDay, status: w.status(a.status), count: a.waitedEvenings }))),
    ...part("record-listings", "ending.record.listings", me.listings.map((l) => t("ending.record.listingItem", { day: l.day, wrongful: l.wrongful ? t("ending.record.wrongfulMark") : "", state: l.active ? t("ending.record.active") : t("ending.record.lifted") }))),
    ...(me.loans.length ? part("record-loans", "ending.record.loans", me.loans.map((l) => t("ending.record.loanItem", { role: t(`ending.record.loanRole.${l.role}`), status: w.status(l.status) }))) : []),
    ...part("record-scores", "ending.record.scoreChanges", me.scoreChanges.map((c) => t("ending.record.changeItem", {
      delta: signed(c.delta), count: Math.abs(c.delta), cause: t(`ending.record.cause.${c.cause}`), deed: c.deed ? ` (${w.deed(c.deed)})` : "", day: c.day !== null ? t("ending.record.dayMark", { day: c.day }) : "",
    }))),
  );
}
