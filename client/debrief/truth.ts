/** Truth versus record as lists a class can read from the projector. */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { LocalText } from "../../shared/lang.ts";
import type { Model } from "./model.ts";

function block(id: string, titleKey: string, emptyKey: string, items: string[]): HTMLElement {
  return el("section", { class: "truth-block", "aria-labelledby": `${id}-h` },
    el("h3", { id: `${id}-h` }, t(titleKey), ` (${items.length})`),
    items.length ? el("ul", { id }, ...items.map((text) => el("li", {}, text))) : el("p", { id }, t(emptyKey)),
  );
}

/** Between two sentences: a space in English, nothing after a Chinese full stop. */
export const sentenceGap = (): string => (currentLang() === "zh" ? "" : " ");

/** "1, 2 and 3" / "1、2和3": days listed the way the reader's language lists things. */
function days(list: readonly number[]): string {
  return new Intl.ListFormat(currentLang() === "zh" ? "zh-Hans" : "en", { type: "conjunction" }).format(list.map(String));
}

export function renderTruth(root: HTMLElement, m: Model): void {
  const tr = m.truth;
  const st = m.stories;
  const sc = m.scenario;
  const ev = (k: string, p: Record<string, unknown> = {}) => t(`debrief.event.${k}`, p);
  const status = (s: string) => t(`debrief.truth.status.${s}`);
  const truth = (x: boolean) => (x ? t("debrief.truth.true") : t("debrief.truth.false"));
  const published = (x: boolean) => (x ? t("debrief.truth.publishedMark") : "");
  const by = (seat: string | null) => (seat === "policy" ? ev("byPolicy") : seat === "grade" ? ev("byGrade") : seat ? ev("byName", { name: m.name(seat) }) : "");
  const label = (list: readonly { id: string; label: LocalText }[], id: string) => {
    const found = list.find((x) => x.id === id);
    return found ? local(found.label) : id;
  };
  root.replaceChildren(
    el("p", { class: "truth-summary" }, [
      t("debrief.truth.summaryDeeds", { count: tr.totals.deeds, recorded: tr.totals.recorded }),
      t("debrief.truth.summaryEntries", { count: tr.totals.entries, falseEntries: tr.totals.falseEntries, falsePublished: tr.totals.falsePublished }),
      t("debrief.truth.summaryListings", { count: tr.totals.listings, wrongful: tr.totals.wrongfulListings }),
    ].join(sentenceGap())),
    block("truth-unrecorded", "debrief.truth.unrecorded", "debrief.truth.unrecordedNone", tr.unrecorded.map((u) =>
      t("debrief.truth.unrecordedItem", { day: u.day, name: m.name(u.actor), deed: m.deed(u.deed), place: m.place(u.location), seen: u.witnessed ? t("debrief.truth.seenButSilent") : "" }))),
    block("truth-false", "debrief.truth.falseEntries", "debrief.truth.falseNone", tr.falseEntries.map((e) =>
      t("debrief.truth.falseItem", {
        day: e.day, name: m.name(e.subject), deed: m.deed(e.deed), basis: ev(e.basis),
        author: e.author ? m.name(e.author) : ev(e.source === "camera" ? "camera" : "system"), status: status(e.status),
        published: published(e.published), appeal: e.appeal ? t("debrief.truth.appealMark", { status: e.appeal === "pending" ? t("debrief.truth.pending") : status(e.appeal) }) : "",
      }))),
    block("truth-listings", "debrief.truth.listings", "debrief.truth.listingsNone", tr.shakyListings.map((l) => {
      const why = [
        ...(l.falseEntries.length ? [t("debrief.truth.restsFalse", { count: l.falseEntries.length })] : []),
        ...(l.hearsayEntries.length ? [t("debrief.truth.restsHearsay", { count: l.hearsayEntries.length })] : []),
        ...(l.wrongful ? [t("debrief.truth.wrongful")] : []),
      ].join("; ");
      const state = l.active ? t("debrief.truth.stillListed") : t("debrief.truth.liftedOn", { day: l.removedDay ?? "?" });
      return t("debrief.truth.listingItem", { name: m.name(l.seat), day: l.day, byWhom: by(l.by), why, state });
    })),
    block("truth-appeals", "debrief.truth.appeals", "debrief.truth.appealsNone", tr.appeals.map((a) =>
      t(a.status === "pending" ? "debrief.truth.appealPendingItem" : "debrief.truth.appealItem", {
        name: m.name(a.appellant), deed: m.deed(a.deed), day: a.filedDay, reason: t(`debrief.truth.reason.${a.reason}`),
        truth: a.entryTruthful === false ? t("debrief.truth.false") : t("debrief.truth.true"),
        status: a.status === "pending" ? t("debrief.truth.pending") : ev(a.status), count: a.waitedEvenings, byWhom: a.decidedBy ? by(a.decidedBy) : "",
      }))),
    block("truth-cosigners", "debrief.truth.cosigners", "debrief.truth.cosignersNone", st.cosignerHits.map((h) =>
      t("debrief.truth.cosignerItem", {
        day: h.day, name: m.name(h.cosigner), borrower: m.name(h.borrower), count: Math.abs(h.delta),
        grade: h.gradeAfter !== h.gradeBefore ? t("debrief.truth.gradeMark", { from: m.grade(h.gradeBefore), to: m.grade(h.gradeAfter) }) : "",
      }))),
    block("truth-cameras", "debrief.truth.cameras", sc.cameras.errorRate > 0 ? "debrief.truth.camerasNone" : "debrief.truth.camerasNever", st.cameraMistakes.map((c) =>
      t("debrief.truth.cameraItem", {
        day: c.day, place: m.place(c.location), named: m.name(c.named), deed: m.deed(c.deed), filmed: m.name(c.filmed), status: status(c.status), published: published(c.published),
      }))),
    block("truth-blocked", "debrief.truth.blocked", "debrief.truth.blockedNone", st.blockedGoals.map((b) => {
      const way = sc.services.find((s) => s.grants === b.item);
      return t("debrief.truth.blockedItem", {
        name: m.name(b.seat), item: way ? local(way.label) : b.item, byDay: b.byDay, restriction: label(sc.restrictions, b.restriction), days: days(b.days),
        visited: b.visited.length ? t("debrief.truth.visitedMark", { place: m.place(way?.locations[0]), days: days(b.visited) }) : "",
      });
    })),
    block("truth-officials", "debrief.truth.officials", "debrief.truth.officialsNone", st.officialGoals.map((o) =>
      t("debrief.truth.officialItem", {
        name: m.name(o.official), goal: label(sc.goals, o.goal), other: m.name(o.other), approvedTrue: o.approvedTrue, approvedFalse: o.approvedFalse,
        rejectedTrue: o.rejectedTrue, rejectedFalse: o.rejectedFalse, listed: o.listed, met: o.met ? t("debrief.truth.met") : t("debrief.truth.notMet"),
      }))),
    block("truth-rules", "debrief.truth.rules", "debrief.truth.rulesNone", st.rules.map((r) =>
      r.changedDay === null
        ? t("debrief.truth.rulePendingItem", { day: r.proposedDay ?? "?", name: m.name(r.official), deed: m.deed(r.deed), from: r.from, to: r.to })
        : t("debrief.truth.ruleItem", { day: r.changedDay, name: r.official ? m.name(r.official) : ev("system"), deed: m.deed(r.deed), from: r.from, to: r.to, count: r.approvedAfter, points: r.pointsAfter }))),
    block("truth-reports", "debrief.truth.reports", sc.reporting.enabled ? "debrief.truth.reportsNone" : "debrief.truth.reportsOff", st.reports.map((r) =>
      t("debrief.truth.reportItem", {
        day: r.day, author: m.name(r.author), name: m.name(r.subject), deed: m.deed(r.deed), truth: truth(r.truthful), status: status(r.status), published: published(r.published),
        }))),
    block("truth-statements", "debrief.truth.statements", "debrief.truth.statementsNone", (tr.statements ?? []).map((x) =>
      t("debrief.truth.statementItem", {
        witness: m.name(x.witness), official: m.name(x.official), name: m.name(x.subject), deed: m.deed(x.deed), day: x.day ?? x.askedDay,
        answer: x.answer ? ev(`answer_${x.answer}`) : t("debrief.truth.statementExpired"),
        truth: x.truthful === null ? "" : x.truthful ? t("debrief.truth.statementTrue") : t("debrief.truth.statementFalse"),
      }))),
  );
}
