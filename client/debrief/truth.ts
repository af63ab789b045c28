/** Truth versus record as lists a class can read from the projector. */
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Model } from "./model.ts";

function block(id: string, titleKey: string, emptyKey: string, items: string[]): HTMLElement {
  return el("section", { class: "truth-block", "aria-labelledby": `${id}-h` },
    el("h3", { id: `${id}-h` }, t(titleKey), ` (${items.length})`),
    items.length ? el("ul", { id }, ...items.map((text) => el("li", {}, text))) : el("p", { id }, t(emptyKey)),
  );
}

export function renderTruth(root: HTMLElement, m: Model): void {
  const tr = m.truth;
  const ev = (k: string, p: Record<string, unknown> = {}) => t(`debrief.event.${k}`, p);
  const by = (seat: string | null) => (seat === "policy" ? ev("byPolicy") : seat === "grade" ? ev("byGrade") : seat ? ev("byName", { name: m.name(seat) }) : "");
  root.replaceChildren(
    el("p", { class: "truth-summary" }, t("debrief.truth.summary", {
      deeds: tr.totals.deeds, recorded: tr.totals.recorded, entries: tr.totals.entries, falseEntries: tr.totals.falseEntries,
      falsePublished: tr.totals.falsePublished, listings: tr.totals.listings, wrongful: tr.totals.wrongfulListings,
    })),
    block("truth-unrecorded", "debrief.truth.unrecorded", "debrief.truth.unrecordedNone", tr.unrecorded.map((u) =>
      t("debrief.truth.unrecordedItem", { day: u.day, name: m.name(u.actor), deed: m.deed(u.deed), place: m.place(u.location), seen: u.witnessed ? t("debrief.truth.seenButSilent") : "" }))),
    block("truth-false", "debrief.truth.falseEntries", "debrief.truth.falseNone", tr.falseEntries.map((e) =>
      t("debrief.truth.falseItem", {
        day: e.day, name: m.name(e.subject), deed: m.deed(e.deed), basis: ev(e.basis),
        author: e.author ? m.name(e.author) : ev(e.source === "camera" ? "camera" : "system"), status: t(`ending.record.status.${e.status}`),
        published: e.published ? t("debrief.truth.publishedMark") : "", appeal: e.appeal ? t("debrief.truth.appealMark", { status: t(`ending.record.status.${e.appeal}`) }) : "",
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
      t("debrief.truth.appealItem", {
        name: m.name(a.appellant), deed: m.deed(a.deed), day: a.filedDay, reason: t(`debrief.truth.reason.${a.reason}`),
        truth: a.entryTruthful === false ? t("debrief.truth.false") : t("debrief.truth.true"),
        status: a.status === "pending" ? t("debrief.truth.pending") : ev(a.status), count: a.waitedEvenings, byWhom: a.decidedBy ? by(a.decidedBy) : "",
      }))),
    block("truth-statements", "debrief.truth.statements", "debrief.truth.statementsNone", (tr.statements ?? []).map((x) =>
      t("debrief.truth.statementItem", {
        witness: m.name(x.witness), official: m.name(x.official), name: m.name(x.subject), deed: m.deed(x.deed), day: x.day ?? x.askedDay,
        answer: x.answer ? ev(`answer_${x.answer}`) : t("debrief.truth.statementExpired"),
        truth: x.truthful === null ? "" : x.truthful ? t("debrief.truth.statementTrue") : t("debrief.truth.statementFalse"),
      }))),
  );
}
