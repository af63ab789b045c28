/**
 * Words for the things of the game: names of places, deeds, grades, perks and people from the
 * rulebook and the board, points with their sign, costs in action points, money and wellbeing,
 * and the grade badge (colour, pattern and letters, never colour alone).
 */
import { isPlaying, type PlayingRole, type Role } from "../../shared/rules/roleBook.ts";
import { local, t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { PlayView } from "../net/gameView.ts";
import type { Scenario } from "../../shared/scenario/index.ts";

export type Purse = { ap: number; money: number; wellbeing: number };

export function placeName(rulebook: Scenario, id: string): string {
  const place = rulebook.locations.find((l) => l.id === id);
  return place ? local(place.label) : id;
}

/** A deed's or a service's label. */
export function deedName(rulebook: Scenario, id: string): string {
  const deed = rulebook.deeds.find((d) => d.id === id) ?? rulebook.services.find((s) => s.id === id);
  return deed ? local(deed.label) : id;
}

export function perkName(rulebook: Scenario, id: string): string {
  const perk = rulebook.perks.find((p) => p.id === id) ?? rulebook.restrictions.find((r) => r.id === id);
  return perk ? local(perk.label) : id;
}

export function gradeName(rulebook: Scenario, id: string | null): string {
  if (!id) return "";
  const grade = rulebook.grades.find((g) => g.id === id);
  return grade ? local(grade.label) : id;
}

export function roleName(rulebook: Scenario, role: string | null | undefined): string {
  if (isPlaying(role as Role)) return local(rulebook.roles[role as PlayingRole].label);
  return t("role.observer.name");
}

/** A player's nickname (from the board), or "someone". */
export function nameOf(view: PlayView, seat: string | null | undefined): string {
  if (!seat) return t("play.someone");
  return view.board.players.find((p) => p.seat === seat)?.nickname ?? t("play.someone");
}

/** Points with their sign: "+5 points", "−20 points". */
export function points(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return t("play.points", { points: signed(value) });
}

export function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : "0";
}

export function money(amount: number): string {
  return t("play.money", { amount });
}

function purseList(purse: Purse): string {
  const parts: string[] = [];
  if (purse.ap) parts.push(t("play.purse.ap", { count: purse.ap }));
  if (purse.money) parts.push(t("play.purse.money", { count: purse.money }));
  if (purse.wellbeing) parts.push(t("play.purse.wellbeing", { count: purse.wellbeing }));
  return parts.join(", ");
}

/** "Costs 2 action points, 1 wellbeing · gives …" */
export function costAndBenefit(cost: Purse, benefit: Purse): string {
  const costs = purseList(cost);
  const gives = purseList(benefit);
  const first = costs ? t("play.purse.costs", { list: costs }) : t("play.purse.free");
  return gives ? `${first} · ${t("play.purse.gives", { list: gives })}` : first;
}

/** mm:ss */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/**
 * A grade badge. Colours come from the Okabe–Ito colour-blind-safe palette, best grade first;
 * the lower half of the table also carries a pattern (dots, then stripes, then cross-hatching),
 * and the badge always says the grade in letters.
 */
const PALETTE = ["#0072B2", "#56B4E9", "#009E73", "#F0E442", "#E69F00", "#D55E00"];

export function gradeBadge(rulebook: Scenario, gradeId: string | null, blacklisted = false): HTMLElement {
  const grades = rulebook.grades;
  const index = Math.max(0, grades.findIndex((g) => g.id === gradeId));
  const step = grades.length <= 1 ? 0 : Math.round((index / (grades.length - 1)) * (PALETTE.length - 1));
  const colour = PALETTE[step] ?? PALETTE[0]!;
  const pattern = blacklisted || grades[index]?.blacklisted ? "hatch" : step >= 4 ? "stripes" : step >= 3 ? "dots" : "plain";
  const badge = el("span", { class: `grade-badge pattern-${pattern}`, "data-grade": gradeId ?? "" }, gradeName(rulebook, gradeId));
  badge.style.setProperty("--grade-colour", colour);
  // white only on the dark blue; every other colour carries dark text (contrast ≥ 4.5:1)
  badge.style.color = colour === "#0072B2" ? "#fff" : "#111";
  return badge;
}
