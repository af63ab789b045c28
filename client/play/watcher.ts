/**
 * The watcher's journal: what they see where they stand (as it happens), the journal entry form
 * (a resident, a deed from the rulebook, witnessed — resting on something seen — or hearsay,
 * and a short note), their entries and what became of them, and their quota and pay.
 */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { bind, draftOf, drafts, noteField, uid, type Section } from "./render.ts";
import { commandForm, heading, listOr, resident, type PanelContext } from "./context.ts";
import { labelled, recordableDeeds, scoredOthers, select } from "./resident.ts";
import { deedName, nameOf, placeName, points, signed } from "./format.ts";

export function journalSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const mine = resident(ctx);
      const { board } = ctx.view();
      return JSON.stringify([currentLang(), ctx.commands.version, mine.observations, mine.myEntries, mine.recordable, board.players.map((p) => [p.seat, p.nickname, p.scored]), board.deedPoints, mine.me.goals]);
    },
    build: () => [...quota(ctx), ...seen(ctx), entryForm(ctx), ...entries(ctx)],
  };
}

function quota(ctx: PanelContext): HTMLElement[] {
  const mine = resident(ctx);
  const book = ctx.rulebook();
  const approved = mine.myEntries.filter((e) => e.status === "approved").length;
  const each = book.roles.watcher.payPerApproved;
  const goal = mine.me.goals.map((id) => book.goals.find((g) => g.id === id)?.check).find((c) => c?.kind === "approved_entries");
  const text =
    goal && goal.kind === "approved_entries" ? t("play.watch.quota", { approved, quota: goal.count, pay: approved * each })
    : t("play.watch.pay", { approved, pay: approved * each, each });
  return [el("p", { class: "quota" }, text)];
}

function seen(ctx: PanelContext): (Node | string)[] {
  const mine = resident(ctx);
  const book = ctx.rulebook();
  const view = ctx.view();
  const items = [...mine.observations].reverse().map((o) => {
    const name = nameOf(view, o.actor);
    const deed = deedName(book, o.deed);
    const recordable = mine.recordable.includes(o.deed) && o.actor !== ctx.seatId;
    return el(
      "li",
      { class: "observation", "data-observation": o.id },
      el("span", {}, t("play.watch.seenLine", { day: o.day, place: placeName(book, o.location), name, deed })),
      ...(recordable
        ? [
            ctx.commands.button(`use:${o.id}`, t("play.watch.useThis"), () => useObservation(ctx, o.id, o.actor, o.deed), {
              attrs: { class: "secondary", "aria-label": t("play.watch.useThisLabel", { name, deed }) },
            }),
          ]
        : []),
    );
  });
  return [...heading("h2", t("play.watch.seenHeading"), t("play.watch.seenIntro")), listOr(items, t("play.watch.noneSeen"), { class: "items observations" })];
}

function useObservation(ctx: PanelContext, occurrence: string, actor: string, deed: string): void {
  drafts.set("entry:subject", actor);
  drafts.set("entry:deed", deed);
  drafts.set("entry:basis", "witnessed");
  drafts.set("entry:occurrence", occurrence);
  ctx.commands.clear("entry");
  ctx.refresh();
  ctx.reveal("journal", "entry:subject");
}

function entryForm(ctx: PanelContext): HTMLElement {
  const mine = resident(ctx);
  const book = ctx.rulebook();
  const view = ctx.view();
  const subject = select("entry:subject", scoredOthers(ctx).map((p) => [p.seat, p.nickname]));
  const deed = select("entry:deed", recordableDeeds(ctx, mine.recordable).map((d) => [d.id, `${local(d.label)} (${signed(view.board.deedPoints[d.id] ?? d.points)})`]));
  const basisName = uid("basis");
  const radio = (value: "witnessed" | "hearsay", label: string) => {
    const input = bind(el("input", { type: "radio", name: basisName, value, id: uid("basis") }), "entry:basis", "witnessed");
    return el("div", { class: "choice" }, input, el("label", { for: input.id }, label));
  };
  const basis = el("fieldset", {}, el("legend", {}, t("play.watch.basisLegend")), radio("witnessed", t("play.watch.witnessed")), radio("hearsay", t("play.watch.hearsay")));
  const occurrence = select(
    "entry:occurrence",
    [...mine.observations].reverse().map((o) => [o.id, t("play.watch.seenLine", { day: o.day, place: placeName(book, o.location), name: nameOf(view, o.actor), deed: deedName(book, o.deed) })]),
  );
  const { note, count } = noteField("entry:note", 2);
  const form = commandForm(
    ctx,
    "entry",
    t("play.watch.submit"),
    [
      ...labelled(t("play.watch.subject"), subject),
      ...labelled(t("play.watch.deed"), deed),
      basis,
      ...labelled(t("play.watch.observation"), occurrence),
      ...labelled(t("play.watch.note"), note),
      count,
    ],
    () => {
      const s = draftOf("entry:subject");
      const d = draftOf("entry:deed");
      const b = draftOf("entry:basis", "witnessed") as "witnessed" | "hearsay";
      const o = draftOf("entry:occurrence");
      if (!s || !d || (b === "witnessed" && !o)) return { missing: t("play.missing") };
      const text = draftOf("entry:note").trim();
      return { kind: "write_entry", subject: s, deed: d, basis: b, occurrence: b === "witnessed" ? o : null, ...(text ? { note: text } : {}) };
    },
    () => t("play.watch.written"),
    (ok) => {
      if (!ok) return;
      for (const key of ["entry:subject", "entry:deed", "entry:occurrence", "entry:note"]) drafts.delete(key);
      ctx.refresh();
    },
  );
  return el("section", { class: "journal-form" }, el("h2", {}, t("play.watch.formHeading")), form);
}

function entries(ctx: PanelContext): (Node | string)[] {
  const mine = resident(ctx);
  const book = ctx.rulebook();
  const view = ctx.view();
  const items = [...mine.myEntries].reverse().map((e) =>
    el(
      "li",
      { class: `entry ${e.status}`, "data-entry": e.id },
      el("span", {}, t("play.watch.entryLine", { day: e.day, name: nameOf(view, e.subject), deed: deedName(book, e.deed), basis: t(`play.basis.${e.basis}`) })),
      el("span", { class: "status" }, [t(`play.record.status.${e.status}`), points(e.points)].filter(Boolean).join(" · ")),
    ),
  );
  return [el("h2", {}, t("play.watch.entriesHeading")), listOr(items, t("play.watch.noEntries"), { class: "items entries" })];
}
