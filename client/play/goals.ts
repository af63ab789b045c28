/**
 * The secret goal card: each goal's words from the scenario, whether it is done, on track, not
 * yet or missed, the player it names (avatar, nickname, grade — the same avatar as in the town)
 * and a line of progress. It stands on the main play screen above the tabs, so a phone shows the
 * player's motive first; the "Me" and "Powers" tabs show the same list. The facts come from the
 * rules (shared/rules/goalProgress.ts); this file only puts them into words.
 */
import { currentLang, local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { avatarUri } from "../ui/avatar.ts";
import { namedPerson, type GoalProgress } from "../../shared/rules/goalProgress.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import { uid, type Section } from "./render.ts";
import type { PanelContext } from "./context.ts";
import { deedName, gradeBadge, gradeName, nameOf, perkName, placeName } from "./format.ts";

/** The goals of this seat with their progress (residents, watchers and officials have them). */
function progressOf(ctx: PanelContext): GoalProgress[] {
  return (ctx.view().mine as { goalProgress?: GoalProgress[] } | null)?.goalProgress ?? [];
}

function stateOf(g: GoalProgress): "done" | "onTrack" | "notYet" | "missed" {
  if (g.met) return g.settled ? "done" : "onTrack";
  return g.settled ? "missed" : "notYet";
}

function personLine(ctx: PanelContext, g: GoalProgress): HTMLElement | null {
  if (!("person" in g)) return null;
  const seat = g.person;
  if (!seat) return el("p", { class: "goal-person empty" }, t("goal.nobody"));
  const book = ctx.rulebook();
  const name = nameOf(ctx.view(), seat);
  const shown = ctx.view().board.players.find((p) => p.seat === seat);
  return el(
    "p",
    { class: "goal-person", "data-seat": seat },
    el("span", { class: "detail" }, t("goal.who")),
    el("img", { src: avatarUri(seat), alt: "", width: "36", height: "36" }),
    el("strong", { class: "name" }, name),
    ...(shown?.grade ? [gradeBadge(book, shown.grade, shown.blacklisted)] : []),
  );
}

function needsList(book: Scenario, g: Extract<GoalProgress, { kind: "acquire" }>, money: number | null, day: number): string {
  const parts: string[] = [];
  if (g.needGrade) parts.push(t("goal.needs.grade", { grade: gradeName(book, g.needGrade) }));
  if (g.offList) parts.push(t("goal.needs.offList"));
  if (g.price > 0 && (money === null || money < g.price)) parts.push(t("goal.needs.money", { amount: g.price }));
  if (g.places.length) parts.push(t("goal.needs.place", { places: g.places.map((p) => placeName(book, p)).join(t("goal.needs.sep")) }));
  if (g.fromDay > day) parts.push(t("goal.needs.fromDay", { day: g.fromDay }));
  parts.push(t("goal.needs.byDay", { day: g.byDay }));
  return parts.join(t("goal.needs.sep"));
}

/** The progress lines of one goal, in words. */
function progressLines(ctx: PanelContext, g: GoalProgress): string[] {
  const book = ctx.rulebook();
  const grade = (id: string | null) => gradeName(book, id);
  const name = (seat: string | null) => nameOf(ctx.view(), seat);
  const money = (ctx.view().mine as { me?: { money?: number } } | null)?.me?.money ?? null;
  switch (g.kind) {
    case "acquire": {
      if (!g.service) return [t("goal.acquire.noWay")];
      const what = deedName(book, g.service);
      if (g.day !== null) return [t("goal.acquire.got", { what, day: g.day })];
      if (g.settled) return [t("goal.acquire.gone", { what, byDay: g.byDay })];
      const lines = [t("goal.acquire.needs", { what, needs: needsList(book, g, money, ctx.view().board.day) })];
      if (g.blockedBy) lines.push(t("goal.acquire.blocked", { restriction: perkName(book, g.blockedBy) }));
      return lines;
    }
    case "keep_grade": {
      const lines = [t("goal.grade.you", { grade: grade(g.grade), need: grade(g.need) })];
      if (g.worst !== g.grade) lines.push(t("goal.grade.lowest", { grade: grade(g.worst) }));
      return lines;
    }
    case "ally_keeps_grade": {
      if (!g.person || !g.grade) return [];
      const lines = [t("goal.grade.ally", { name: name(g.person), grade: grade(g.grade), need: grade(g.need) })];
      if (g.worst && g.worst !== g.grade) lines.push(t("goal.grade.lowest", { grade: grade(g.worst) }));
      return lines;
    }
    case "never_blacklisted":
      return [t(g.blacklisted ? "goal.blacklist.youOn" : g.met ? "goal.blacklist.youNever" : "goal.blacklist.youWere")];
    case "protect_ally":
      if (!g.person) return [];
      return [t(g.blacklisted ? "goal.blacklist.allyOn" : g.met ? "goal.blacklist.allyNever" : "goal.blacklist.allyWere", { name: name(g.person) })];
    case "win_appeal":
      if (g.met) return [t("goal.appeal.won")];
      return [g.waiting > 0 ? t("goal.appeal.waiting", { count: g.waiting }) : t("goal.appeal.none")];
    case "wellbeing":
      return [t("goal.wellbeing", { have: g.have, need: g.need })];
    case "approved_entries": {
      const lines = [t("goal.quota", { have: g.have, count: g.need })];
      if (g.waiting > 0) lines.push(t("goal.waitingEntries", { count: g.waiting }));
      return lines;
    }
    case "only_witnessed": {
      if (g.witnessed + g.hearsay === 0) return [t("goal.witnessed.none")];
      const list = [t("goal.witnessed.witnessed", { count: g.witnessed }), ...(g.hearsay ? [t("goal.witnessed.hearsay", { count: g.hearsay })] : [])];
      return [t("goal.witnessed.line", { list: list.join(t("goal.needs.sep")) })];
    }
    case "average_score":
      return [g.average === null ? t("goal.averageNone") : t("goal.average", { average: g.average, need: g.need })];
    case "target_down":
      if (!g.person) return [];
      return [g.blacklisted ? t("goal.targetListed", { name: name(g.person) }) : t("goal.target", { name: name(g.person), grade: grade(g.grade), need: grade(g.need) })];
    case "clear_appeals":
      return [g.waiting > 0 ? t("goal.backlog", { count: g.waiting }) : t("goal.backlogNone")];
    case "ally_ends_grade":
      if (!g.person) return [];
      return [g.blacklisted ? t("goal.blacklist.allyOn", { name: name(g.person) }) : t("goal.grade.allyEnd", { name: name(g.person), grade: grade(g.grade), need: grade(g.need) })];
    case "appeals_decided":
      return [t("goal.decided", { have: g.have, count: g.need })];
  }
}

/** One goal as a list item: its words, its state, who it names, how far it is. */
function goalItem(ctx: PanelContext, g: GoalProgress): HTMLElement | null {
  const card = ctx.rulebook().goals.find((x) => x.id === g.goal);
  if (!card) return null;
  const state = stateOf(g);
  const who = personLine(ctx, g);
  return el(
    "li",
    { class: `goal goal-${state}`, "data-goal": g.goal },
    el("p", { class: "goal-label" }, el("strong", {}, local(card.label)), " ", el("span", { class: `goal-state state-${state}` }, t(`goal.state.${state}`))),
    ...(who ? [who] : []),
    ...progressLines(ctx, g).map((line) => el("p", { class: "goal-progress" }, line)),
  );
}

/** The list of this seat's goals with their progress, or a line saying there is none. */
export function goalList(ctx: PanelContext): HTMLElement {
  const items = progressOf(ctx).map((g) => goalItem(ctx, g)).filter((x): x is HTMLElement => x !== null);
  return items.length ? el("ul", { class: "items goals" }, ...items) : el("p", { class: "empty" }, t("play.me.noGoals"));
}

/** What a goal list shows changes with these (progress, names and grades of the people named, language). */
export function goalSignature(ctx: PanelContext): unknown[] {
  const view = ctx.view();
  const progress = progressOf(ctx);
  const named = new Set(progress.map(namedPerson).filter((x): x is string => x !== null));
  const money = (view.mine as { me?: { money?: number } } | null)?.me?.money ?? null;
  return [currentLang(), progress, money, view.board.players.filter((p) => named.has(p.seat)).map((p) => [p.seat, p.nickname, p.grade, p.blacklisted])];
}

/** The goal card on the main play screen. */
export function goalCardSection(root: HTMLElement, ctx: PanelContext): Section {
  const headingId = uid("goal-card");
  root.setAttribute("aria-labelledby", headingId);
  return {
    root,
    signature: () => JSON.stringify(goalSignature(ctx)),
    build: () => [el("h2", { id: headingId }, t("goal.heading", { count: Math.max(1, progressOf(ctx).length) })), goalList(ctx)],
  };
}
