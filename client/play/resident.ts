/**
 * The resident's panel (watchers get it too): their standing, the town (actions here and the
 * list of places, the map's list alternative), their record with appeals, and "me" (secret goal,
 * perks and restrictions, loans to cosign, reporting a neighbour).
 */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { ActionOption } from "../../shared/rules/deeds.ts";
import { bind, draftOf, uid, type Section } from "./render.ts";
import { commandForm, heading, listOr, resident, type PanelContext } from "./context.ts";
import { costAndBenefit, deedName, gradeBadge, money, nameOf, perkName, placeName, points, signed } from "./format.ts";
import { goalList, goalSignature } from "./goals.ts";

const lang = () => currentLang();

/** Score, grade, money, wellbeing and action points: always in view above the tabs. */
export function standingSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const { me } = resident(ctx);
      return JSON.stringify([lang(), me.score, me.grade, me.money, me.wellbeing, me.ap, me.blacklisted, ctx.rulebook().scoring.mode]);
    },
    build: () => {
      const { me } = resident(ctx);
      const book = ctx.rulebook();
      const stat = (label: string, value: string | Node, name: string) =>
        el("div", { class: `stat stat-${name}` }, el("dt", {}, label), el("dd", {}, value));
      const stats = [
        stat(t("play.stats.grade"), gradeBadge(book, me.grade, me.blacklisted), "grade"),
        ...(book.scoring.mode === "points" ? [stat(t("play.stats.score"), String(me.score), "score")] : []),
        stat(t("play.stats.money"), money(me.money), "money"),
        stat(t("play.stats.wellbeing"), t("play.stats.of", { value: me.wellbeing, max: book.resident.wellbeingMax }), "wellbeing"),
        stat(t("play.stats.ap"), t("play.stats.of", { value: me.ap, max: book.resident.actionPoints }), "ap"),
      ];
      return [
        el("h2", { class: "visually-hidden" }, t("play.stats.heading")),
        el("dl", { class: "stats" }, ...stats),
        ...(me.blacklisted ? [el("p", { class: "flag blacklisted" }, t("play.stats.blacklisted"))] : []),
      ];
    },
  };
}

/** Where I am, what I can do here, and every other place with how to get there. */
export function townSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const mine = resident(ctx);
      const { board } = ctx.view();
      return JSON.stringify([lang(), ctx.commands.version, board.phase, board.cameras, board.deedPoints, mine.me.location, mine.me.ap, mine.me.money, mine.me.perks, mine.me.restrictions, mine.actions, mine.trips, ctx.picked()]);
    },
    build: () => {
      const mine = resident(ctx);
      const book = ctx.rulebook();
      const { board } = ctx.view();
      const here = mine.me.location;
      const out: (Node | string)[] = [
        el("h2", {}, t("play.town.hereHeading")),
        el("p", { class: "here" }, t("play.town.here", { place: placeName(book, here) })),
      ];
      if (board.cameras.includes(here)) out.push(el("p", { class: "flag camera" }, t("play.town.camera")));
      out.push(el("h3", {}, t("play.town.actionsHeading")));
      if (board.phase === "lobby" || board.phase === "ended") out.push(el("p", { class: "empty" }, t("play.town.notDay")));
      else out.push(listOr(mine.actions.map((a) => actionItem(ctx, a)), t("play.town.noActions"), { class: "items actions" }));
      out.push(...heading("h3", t("play.town.placesHeading"), t("play.town.placesIntro")));
      out.push(el("ul", { class: "items places" }, ...book.locations.map((l) => placeItem(ctx, l.id))));
      return out;
    },
  };
}

function actionItem(ctx: PanelContext, option: ActionOption): HTMLElement {
  const book = ctx.rulebook();
  const key = `act:${option.id}`;
  const deed = book.deeds.find((d) => d.id === option.id);
  const service = book.services.find((s) => s.id === option.id);
  let detail = "";
  let kind = "neutral";
  if (deed) {
    const value = ctx.view().board.deedPoints[deed.id] ?? deed.points;
    kind = deed.category;
    detail = `${costAndBenefit(deed.cost, deed.benefit)} · ${deed.category === "neutral" || value === 0 ? t("play.deed.neutral") : t(`play.deed.${deed.category}`, { points: signed(value) })}`;
  } else if (service) {
    const cost = { ...service.cost, money: option.price };
    detail = `${costAndBenefit(cost, service.benefit)} · ${t("play.deed.service")}`;
  }
  const label = deedName(book, option.id);
  // what was done today is not a refusal: it says so plainly instead of "Not possible"
  const doneToday = option.blocked === "done_today";
  const why = doneToday ? t("play.town.doneToday") : option.blocked ? t("play.town.blocked", { reason: ctx.commands.refusal(option.blocked, option.restriction ?? undefined) }) : "";
  const whyId = uid("why");
  const button = ctx.commands.button(key, t("play.town.do"), () => void ctx.commands.run(key, { kind: "act", action: option.id }, () => t("play.send.done")), {
    blocked: option.blocked !== null,
    attrs: { "aria-label": `${t("play.town.do")}: ${label}`, "aria-describedby": option.blocked ? whyId : undefined },
  });
  return el(
    "li",
    { class: `action ${kind}${doneToday ? " done" : option.blocked ? " blocked" : ""}`, "data-action": option.id },
    el("div", { class: "what" }, el("strong", {}, label), el("span", { class: "detail" }, detail), ...(why ? [el("span", { class: doneToday ? "why done" : "why", id: whyId }, why)] : [])),
    button,
    ctx.commands.note(key),
  );
}

function placeItem(ctx: PanelContext, id: string): HTMLElement {
  const book = ctx.rulebook();
  const { me, trips } = resident(ctx);
  const name = placeName(book, id);
  const key = `move:${id}`;
  const classes = ["place"];
  if (ctx.picked() === id) classes.push("picked");
  const item = el("li", { class: classes.join(" "), "data-key": key, "data-place": id, tabindex: "-1" }, el("strong", {}, name));
  if (id === me.location) {
    classes.push("here");
    item.className = classes.join(" ");
    item.append(el("span", { class: "flag here-flag" }, t("play.town.youAreHere")));
    item.append(ctx.commands.note(key));
    return item;
  }
  // what the trip costs comes from the rule that moves people (shared/rules/deeds.ts tripCost)
  const trip = trips[id];
  const go = (by: "walk" | "bus", label: string) =>
    ctx.commands.button(key, label, () => void ctx.commands.run(key, { kind: "move", to: id, by }, () => t("play.town.moved", { place: placeName(book, id) })), {
      attrs: { "data-key": `${key}:${by}`, "aria-label": t("play.town.goLabel", { how: label, place: name }), class: by === "bus" ? "secondary" : undefined },
    });
  const buttons = !trip || trip.near ? [go("walk", t("play.town.walkFree"))] : [go("walk", t("play.town.walk", { count: trip.walkAp })), go("bus", t("play.town.bus", { fare: trip.busFare }))];
  item.append(el("span", { class: "buttons" }, ...buttons), ctx.commands.note(key));
  return item;
}

/** Published entries about me, with an appeal for each, and my appeals. */
export function recordSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const mine = resident(ctx);
      return JSON.stringify([lang(), ctx.commands.version, mine.aboutMe, mine.myAppeals]);
    },
    build: () => {
      const mine = resident(ctx);
      const book = ctx.rulebook();
      const appealed = new Map(mine.myAppeals.map((a) => [a.entry, a]));
      const entries = [...mine.aboutMe].reverse().map((entry) => {
        const deed = deedName(book, entry.deed);
        const item = el(
          "li",
          { class: `record ${entry.status}`, "data-entry": entry.id, "data-key": `record:${entry.id}`, tabindex: "-1" },
          el("div", { class: "what" }, el("strong", {}, t("play.record.entry", { day: entry.day, deed })), el("span", { class: "points" }, points(entry.points)), el("span", { class: "status" }, t(`play.record.status.${entry.status}`))),
        );
        item.append(el("p", { class: "detail by" }, entry.reviewer ? t("play.record.approvedBy", { name: nameOf(ctx.view(), entry.reviewer) }) : entry.byOfficial ? t("play.record.approvedByOfficial") : t("play.record.automatic")));
        const appeal = appealed.get(entry.id);
        if (appeal) item.append(el("p", { class: "detail" }, t("play.record.appealed", { status: t(`play.record.appealStatus.${appeal.status}`) })));
        else if (book.appeals.enabled && entry.status === "approved") {
          item.append(
            ctx.commands.button(`appeal-open:${entry.id}`, t("play.record.appeal"), () => ctx.openAppeal(entry.id), {
              attrs: { "aria-label": t("play.record.appealLabel", { deed, day: entry.day }), "aria-haspopup": "dialog", class: "secondary" },
            }),
          );
        }
        return item;
      });
      const appeals = mine.myAppeals.map((a) => {
        const entry = mine.aboutMe.find((e) => e.id === a.entry);
        return el(
          "li",
          { class: `appeal ${a.status}`, "data-appeal": a.id },
          el("strong", {}, t("play.record.appealLine", { deed: entry ? deedName(book, entry.deed) : "", day: entry?.day ?? a.filedDay, reason: t(`play.appeal.reason.${a.reason}`) })),
          el("span", { class: "status" }, t(`play.record.appealStatus.${a.status}`)),
        );
      });
      return [
        ...heading("h2", t("play.record.heading"), t("play.record.intro")),
        listOr(entries, t("play.record.none"), { class: "items records" }),
        ...(book.appeals.enabled ? [] : [el("p", { class: "empty" }, t("play.record.closed"))]),
        el("h3", {}, t("play.record.appealsHeading")),
        listOr(appeals, t("play.record.noAppeals"), { class: "items appeals" }),
      ];
    },
  };
}

/** My secret goal, today's perks and restrictions, loans, and reporting a neighbour. */
export function meSection(root: HTMLElement, ctx: PanelContext): Section {
  return {
    root,
    signature: () => {
      const mine = resident(ctx);
      const { board } = ctx.view();
      return JSON.stringify([lang(), ctx.commands.version, mine.kind, goalSignature(ctx), mine.me.perks, mine.me.restrictions, mine.loans, mine.recordable, board.players.map((p) => [p.seat, p.nickname, p.scored]), board.deedPoints]);
    },
    build: () => {
      const mine = resident(ctx);
      const book = ctx.rulebook();
      const out: (Node | string)[] = [
        el("h2", {}, t("play.me.goalsHeading")),
        goalList(ctx),
        el("h2", {}, t("play.me.perksHeading")),
        listOr(mine.me.perks.map((id) => el("li", { class: "perk" }, perkName(book, id))), t("play.me.noPerks")),
        el("h2", {}, t("play.me.restrictionsHeading")),
        listOr(mine.me.restrictions.map((id) => el("li", { class: "restriction" }, perkName(book, id))), t("play.me.noRestrictions")),
      ];
      if (book.loans) out.push(...loans(ctx));
      if (book.reporting.enabled && mine.kind === "resident") out.push(reportForm(ctx));
      return out;
    },
  };
}

function loans(ctx: PanelContext): (Node | string)[] {
  const mine = resident(ctx);
  const book = ctx.rulebook();
  const view = ctx.view();
  const items = mine.loans.map((loan) => {
    const status = t(`play.loans.status.${loan.status}`);
    const facts = { amount: loan.amount, repay: loan.repay, day: loan.dueDay, status, name: nameOf(view, loan.borrower) };
    if (loan.borrower === ctx.seatId) return el("li", { class: "loan mine" }, t("play.loans.mine", facts));
    if (loan.cosigners.includes(ctx.seatId)) return el("li", { class: "loan cosigned" }, t("play.loans.cosigned", facts));
    const key = `cosign:${loan.id}`;
    return el(
      "li",
      { class: "loan seeking" },
      el("span", {}, t("play.loans.seeking", facts)),
      ctx.commands.button(key, t("play.loans.cosign"), () => void ctx.commands.run(key, { kind: "cosign", loan: loan.id }, () => t("play.send.done")), {
        attrs: { "aria-label": t("play.loans.cosignLabel", { name: facts.name }) },
      }),
      ctx.commands.note(key),
    );
  });
  return [...heading("h2", t("play.loans.heading"), t("play.loans.intro", { points: signed(book.loans?.cosignerPoints ?? 0) })), listOr(items, t("play.loans.none"))];
}

/** The deeds the journal takes, as my view lists them (ids), with their rulebook entries. */
export function recordableDeeds(ctx: PanelContext, ids: readonly string[]) {
  const deeds = ctx.rulebook().deeds;
  return ids.map((id) => deeds.find((d) => d.id === id)).filter((d) => d !== undefined);
}

/** People who carry a score, other than me: whom an entry, a report or a listing may name. */
export function scoredOthers(ctx: PanelContext) {
  return ctx.view().board.players.filter((p) => p.seat !== ctx.seatId && p.scored);
}

export function select(key: string, options: [string, string][], initial = ""): HTMLSelectElement {
  const control = el("select", { id: uid("sel") }, el("option", { value: "" }, t("play.choose")), ...options.map(([value, label]) => el("option", { value }, label)));
  return bind(control, key, initial);
}

export function labelled(text: string, control: HTMLElement): HTMLElement[] {
  if (!control.id) control.id = uid("field");
  return [el("label", { for: control.id }, text), control];
}

function reportForm(ctx: PanelContext): HTMLElement {
  const book = ctx.rulebook();
  const view = ctx.view();
  const subject = select("report:subject", scoredOthers(ctx).map((p) => [p.seat, p.nickname]));
  const deed = select("report:deed", recordableDeeds(ctx, resident(ctx).recordable).map((d) => [d.id, `${local(d.label)} (${signed(view.board.deedPoints[d.id] ?? d.points)})`]));
  const form = commandForm(
    ctx,
    "report",
    t("play.report.submit"),
    [...labelled(t("play.report.subject"), subject), ...labelled(t("play.report.deed"), deed)],
    () => {
      const s = draftOf("report:subject");
      const d = draftOf("report:deed");
      if (!s || !d) return { missing: t("play.missing") };
      return { kind: "report", subject: s, deed: d };
    },
    () => t("play.report.sent"),
  );
  return el("section", { class: "report" }, ...heading("h2", t("play.report.heading"), t("play.report.intro", { reward: book.reporting.reward })), form);
}
