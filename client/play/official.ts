/**
 * The official's panel: the review queue (approve with points in the allowed range, reject, ask
 * for evidence), the appeals queue with how long each has waited, the camera feed, and their
 * powers — the blacklist where the scenario leaves it to a person, a rule change, their goal.
 */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { Deed } from "../../shared/scenario/index.ts";
import type { QueueEntry } from "../../shared/rules/views.ts";
import { bind, draftOf, uid, type Section } from "./render.ts";
import { commandForm, heading, listOr, official, type PanelContext } from "./context.ts";
import { labelled, recordableDeeds, scoredOthers, select } from "./resident.ts";
import { deedName, nameOf, placeName, points, signed } from "./format.ts";
import { evidenceBlock } from "./evidence.ts";
import { goalList, goalSignature } from "./goals.ts";

const OPEN = new Set(["pending", "evidence_requested"]);

/** What the evidence lines and controls depend on (statements, footage, who can be asked). */
function evidenceSignature(ctx: PanelContext): unknown[] {
  const mine = official(ctx);
  return [mine.statements, mine.footage, mine.askable];
}

/** The range the rules allow for a deed, as my view carries it. */
function range(ctx: PanelContext, deed: Deed): { min: number; max: number } {
  return official(ctx).ranges[deed.id] ?? { min: deed.points, max: deed.points };
}

export function reviewSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const { board } = ctx.view();
      return JSON.stringify([currentLang(), ctx.commands.version, official(ctx).journal, board.phase, board.deedPoints, board.players.map((p) => [p.seat, p.nickname]), evidenceSignature(ctx)]);
    },
    build: () => {
      const journal = official(ctx).journal;
      const open = journal.filter((e) => OPEN.has(e.status));
      const done = journal.filter((e) => !OPEN.has(e.status)).reverse();
      return [
        ...heading("h2", t("play.review.heading"), t("play.review.intro")),
        ...notYet(ctx),
        listOr(open.map((e) => queueItem(ctx, e)), t("play.review.none"), { class: "items queue" }),
        ...(done.length
          ? [
              el(
                "details",
                { class: "decided" },
                el("summary", {}, t("play.review.decidedHeading", { count: done.length })),
                el("ul", { class: "items" }, ...done.map((e) => el("li", { "data-entry": e.id }, `${about(ctx, e)} · ${t(`play.record.status.${e.status}`)} ${points(e.points)}`))),
              ),
            ]
          : []),
      ];
    },
  };
}

/** Entries can be scored at any time; outside the evening a word says verdicts on people wait for it. */
function notYet(ctx: PanelContext): HTMLElement[] {
  return ctx.view().board.phase === "evening" ? [] : [el("p", { class: "flag not-yet" }, t("play.review.verdictsInEvening"))];
}

function about(ctx: PanelContext, e: QueueEntry): string {
  return t("play.review.about", { name: nameOf(ctx.view(), e.subject), deed: deedName(ctx.rulebook(), e.deed) });
}

function queueItem(ctx: PanelContext, e: QueueEntry): HTMLElement {
  const book = ctx.rulebook();
  const deed = book.deeds.find((d) => d.id === e.deed);
  const key = `review:${e.id}`;
  const source = t(`play.review.source.${e.source}`, { name: nameOf(ctx.view(), e.author) });
  const lines: HTMLElement[] = [
    el("strong", {}, `${about(ctx, e)} (${points(deed ? (ctx.view().board.deedPoints[deed.id] ?? deed.points) : null)})`),
    el("span", { class: "detail" }, t("play.review.details", { day: e.day, basis: t(`play.basis.${e.basis}`), source })),
  ];
  if (e.location) lines.push(el("span", { class: "detail" }, t("play.review.place", { place: placeName(book, e.location) })));
  if (e.note) lines.push(el("span", { class: "detail note" }, t("play.review.note", { note: e.note })));
  if (e.footage) lines.push(el("span", { class: `flag footage ${e.footage}` }, t(`play.review.footage.${e.footage}`)));
  const item = el("li", { class: `queue-item ${e.status}`, "data-entry": e.id }, el("div", { class: "what" }, ...lines));
  if (!deed) return item;
  const r = range(ctx, deed);
  const value = Math.min(r.max, Math.max(r.min, ctx.view().board.deedPoints[deed.id] ?? deed.points));
  const input = bind(el("input", { type: "number", inputmode: "numeric", min: String(r.min), max: String(r.max), step: "1", id: uid("pts") }), `${key}:points`, String(value));
  const named = (action: string) => t("play.review.forEntry", { action, name: nameOf(ctx.view(), e.subject), deed: deedName(book, e.deed) });
  const send = (decision: "approve" | "reject" | "ask_evidence") => () => {
    const pts = Number(draftOf(`${key}:points`, String(value)));
    void ctx.commands.run(key, { kind: "review", entry: e.id, decision, ...(decision === "approve" ? { points: Number.isFinite(pts) ? Math.round(pts) : value } : {}) }, () => t("play.review.decided"));
  };
  item.append(
    el("div", { class: "points-field" }, ...labelled(t("play.review.pointsLabel", { min: signed(r.min), max: signed(r.max) }), input)),
    el(
      "div",
      { class: "buttons" },
      ctx.commands.button(key, t("play.review.approve"), send("approve"), { attrs: { "data-key": `${key}:approve`, "aria-label": named(t("play.review.approve")) } }),
      ctx.commands.button(key, t("play.review.reject"), send("reject"), { attrs: { "data-key": `${key}:reject`, "aria-label": named(t("play.review.reject")), class: "danger" } }),
      ...(e.status === "pending"
        ? [ctx.commands.button(key, t("play.review.askEvidence"), send("ask_evidence"), { attrs: { "data-key": `${key}:evidence`, "aria-label": named(t("play.review.askEvidence")), class: "secondary" } })]
        : []),
    ),
    ctx.commands.note(key),
    evidenceBlock(ctx, e, null),
  );
  return item;
}

export function appealsSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => JSON.stringify([currentLang(), ctx.commands.version, official(ctx).appeals, official(ctx).journal.map((e) => [e.id, e.deed, e.points]), ctx.view().board.phase, evidenceSignature(ctx)]),
    build: () => {
      const mine = official(ctx);
      const book = ctx.rulebook();
      const view = ctx.view();
      const entryOf = (id: string) => mine.journal.find((e) => e.id === id);
      const outcome = t(`play.appeal.undecided.${book.appeals.undecided}`);
      const open = mine.appeals.filter((a) => a.status === "pending");
      const done = mine.appeals.filter((a) => a.status !== "pending").reverse();
      const items = open.map((a) => {
        const entry = entryOf(a.entry);
        const key = `decide:${a.id}`;
        const name = nameOf(view, a.appellant);
        const deed = entry ? deedName(book, entry.deed) : "";
        const lines = [
          el("strong", {}, t("play.appeals.line", { name, deed, day: entry?.day ?? a.filedDay, points: points(entry?.points) })),
          el("span", { class: "detail" }, t("play.appeals.reason", { reason: t(`play.appeal.reason.${a.reason}`) })),
        ];
        if (a.evidence) lines.push(el("span", { class: "detail" }, t("play.appeals.evidence", { evidence: t(`play.appeal.evidence.${a.evidence}`) })));
        if (a.footage) lines.push(el("span", { class: `flag footage ${a.footage}` }, t(`play.review.footage.${a.footage}`)));
        lines.push(el("span", { class: `detail waited${a.evenings >= book.appeals.deadlineEvenings - 1 ? " urgent" : ""}` }, t("play.appeals.waited", { count: a.evenings, max: book.appeals.deadlineEvenings, outcome })));
        const run = (decision: "uphold" | "reverse") => () => void ctx.commands.run(key, { kind: "decide_appeal", appeal: a.id, decision }, () => t("play.review.decided"));
        return el(
          "li",
          { class: "appeal-item", "data-appeal": a.id },
          el("div", { class: "what" }, ...lines),
          el(
            "div",
            { class: "buttons" },
            ctx.commands.button(key, t("play.appeals.uphold"), run("uphold"), { attrs: { "data-key": `${key}:uphold`, "aria-label": `${t("play.appeals.uphold")}: ${name}, ${deed}`, class: "secondary" } }),
            ctx.commands.button(key, t("play.appeals.reverse"), run("reverse"), { attrs: { "data-key": `${key}:reverse`, "aria-label": `${t("play.appeals.reverse")}: ${name}, ${deed}` } }),
          ),
          ctx.commands.note(key),
          ...(entry ? [evidenceBlock(ctx, entry, a.id)] : []),
        );
      });
      return [
        ...heading("h2", t("play.appeals.heading"), t("play.appeals.intro")),
        ...notYet(ctx),
        listOr(items, t("play.appeals.none"), { class: "items appeal-queue" }),
        ...(done.length
          ? [
              el(
                "details",
                { class: "decided" },
                el("summary", {}, t("play.appeals.decidedHeading", { count: done.length })),
                el(
                  "ul",
                  { class: "items" },
                  ...done.map((a) => {
                    const entry = entryOf(a.entry);
                    return el("li", { "data-appeal": a.id }, t("play.appeals.decidedLine", { name: nameOf(view, a.appellant), deed: entry ? deedName(book, entry.deed) : "", status: t(`play.record.appealStatus.${a.status}`) }));
                  }),
                ),
              ),
            ]
          : []),
      ];
    },
  };
}

export function camerasSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => JSON.stringify([currentLang(), official(ctx).cameraFeed, ctx.view().board.cameras]),
    build: () => {
      const book = ctx.rulebook();
      const view = ctx.view();
      const feed = [...official(ctx).cameraFeed].reverse().map((o) =>
        el("li", { class: "camera-line", "data-observation": o.id }, t("play.cameras.line", { place: placeName(book, o.location), name: nameOf(view, o.actor), deed: deedName(book, o.deed) })),
      );
      return [
        ...heading("h2", t("play.cameras.heading"), t("play.cameras.intro")),
        el("p", { class: "detail" }, t("play.cameras.places", { places: view.board.cameras.map((c) => placeName(book, c)).join(", ") })),
        listOr(feed, t("play.cameras.none"), { class: "items camera-feed" }),
      ];
    },
  };
}

export function powersSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const mine = official(ctx);
      const { board } = ctx.view();
      return JSON.stringify([currentLang(), ctx.commands.version, mine.blacklist, mine.proposals, goalSignature(ctx), mine.citable, mine.recordable, mine.journal.map((e) => [e.id, e.points, e.day]), board.players.map((p) => [p.seat, p.nickname, p.scored, p.blacklisted]), board.deedPoints]);
    },
    build: () => [...blacklist(ctx), ...ruleChange(ctx), ...goals(ctx)],
  };
}

function blacklist(ctx: PanelContext): (Node | string)[] {
  const book = ctx.rulebook();
  const out: (Node | string)[] = [el("h2", {}, t("play.blacklist.heading"))];
  if (book.blacklist.mode !== "official") return [...out, el("p", { class: "empty" }, t("play.blacklist.byGrade"))];
  out.push(el("p", { class: "intro" }, t("play.blacklist.intro")));
  const mine = official(ctx);
  const people = scoredOthers(ctx);
  const items = people.map((p) => {
    const name = p.nickname;
    const record = mine.blacklist.find((r) => r.seat === p.seat && r.active);
    if (record) {
      const key = `delist:${p.seat}`;
      return el(
        "li",
        { class: "listed", "data-seat": p.seat },
        el("span", {}, t("play.blacklist.listed", { name, day: record.day })),
        ctx.commands.button(key, t("play.blacklist.delist"), () => void ctx.commands.run(key, { kind: "delist", subject: p.seat }, () => t("play.send.done")), { attrs: { "aria-label": t("play.blacklist.delistLabel", { name }), class: "secondary" } }),
        ctx.commands.note(key),
      );
    }
    // the entries the rules would accept as grounds (shared/rules/blacklist.ts citableEntry)
    const citable = new Set(mine.citable[p.seat] ?? []);
    const entries = mine.journal.filter((e) => citable.has(e.id));
    if (!entries.length) return el("li", { "data-seat": p.seat, class: "empty" }, t("play.blacklist.nothing", { name }));
    const key = `list:${p.seat}`;
    const boxes = entries.map((e) => {
      const box = bind(el("input", { type: "checkbox", id: uid("cite"), value: e.id }), `cite:${p.seat}:${e.id}`);
      return el("div", { class: "choice" }, box, el("label", { for: box.id }, `${t("play.record.entry", { day: e.day, deed: deedName(book, e.deed) })} ${points(e.points)}`));
    });
    return el(
      "li",
      { "data-seat": p.seat },
      el("fieldset", {}, el("legend", {}, t("play.blacklist.cite", { name })), ...boxes),
      ctx.commands.button(
        key,
        t("play.blacklist.list"),
        () => {
          const cited = entries.filter((e) => draftOf(`cite:${p.seat}:${e.id}`) === "1").map((e) => e.id);
          if (!cited.length) return ctx.commands.say(key, t("play.missing"));
          void ctx.commands.run(key, { kind: "blacklist", subject: p.seat, entries: cited }, () => t("play.send.done"));
        },
        { attrs: { "aria-label": t("play.blacklist.listLabel", { name }), class: "danger" } },
      ),
      ctx.commands.note(key),
    );
  });
  return [...out, el("ul", { class: "items blacklist-list" }, ...items)];
}

function ruleChange(ctx: PanelContext): (Node | string)[] {
  const book = ctx.rulebook();
  const out: (Node | string)[] = [el("h2", {}, t("play.rule.heading"))];
  if (!book.ruleChanges.enabled) return [...out, el("p", { class: "empty" }, t("play.rule.off"))];
  const view = ctx.view();
  const deed = select("rule:deed", recordableDeeds(ctx, official(ctx).recordable).map((d) => [d.id, `${local(d.label)} (${signed(view.board.deedPoints[d.id] ?? d.points)})`]));
  const value = bind(el("input", { type: "number", inputmode: "numeric", step: "1", id: uid("rule") }), "rule:points");
  const form = commandForm(
    ctx,
    "rule",
    t("play.rule.submit"),
    [...labelled(t("play.rule.deed"), deed), ...labelled(t("play.rule.points"), value)],
    () => {
      const d = draftOf("rule:deed");
      const p = Number(draftOf("rule:points"));
      if (!d || draftOf("rule:points") === "" || !Number.isFinite(p)) return { missing: t("play.missing") };
      return { kind: "propose_rule", deed: d, points: Math.round(p) };
    },
    () => t("play.send.done"),
  );
  const proposals = official(ctx).proposals.map((p) =>
    el("li", { "data-proposal": p.id }, t("play.rule.line", { deed: deedName(book, p.deed), points: points(p.points), status: t(`play.rule.status.${p.status === "applied" ? "applied" : "pending"}`) })),
  );
  return [...out, el("p", { class: "intro" }, t("play.rule.intro")), form, ...(proposals.length ? [el("h3", {}, t("play.rule.proposalsHeading")), el("ul", { class: "items" }, ...proposals)] : [])];
}

function goals(ctx: PanelContext): (Node | string)[] {
  return [el("h2", {}, t("play.me.goalsHeading")), goalList(ctx)];
}
