/**
 * The session's rulebook on the console: the numbers this session plays by (start score, each
 * grade's lowest score, loans and the cosigner penalty, appeals, cameras, reporting), so a
 * facilitator who changed them in the scenario lab sees them in force. Folded away until opened;
 * drawn again only when the rulebook or the language changes.
 */
import { currentLang, local, t } from "../i18n.ts";
import { byId, el } from "../ui/dom.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { ConsoleData } from "./types.ts";

let drawn: { rulebook: Scenario; lang: string } | undefined;

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

export function renderRulebook(data: ConsoleData): void {
  const rulebook = data.view?.rulebook ?? null;
  const section = byId("rulebook");
  section.hidden = rulebook === null;
  if (!rulebook || (drawn?.rulebook === rulebook && drawn.lang === currentLang())) return;
  drawn = { rulebook, lang: currentLang() };
  const lines: string[] = [];
  if (rulebook.scoring.mode === "points") lines.push(t("host.rulebook.startScore", { score: rulebook.scoring.startScore }));
  rulebook.grades.forEach((g) => {
    lines.push(g.min === null ? t("host.rulebook.gradeLast", { grade: local(g.label) }) : t("host.rulebook.grade", { grade: local(g.label), min: g.min }));
  });
  const loans = rulebook.loans;
  lines.push(
    loans
      ? t("host.rulebook.loans", { amount: loans.amount, repay: loans.repay, days: loans.termDays, cosigners: loans.cosignersRequired, points: signed(loans.cosignerPoints) })
      : t("host.rulebook.noLoans"),
  );
  const appeals = rulebook.appeals;
  lines.push(appeals.enabled ? t("host.rulebook.appeals", { evenings: appeals.deadlineEvenings, outcome: t(`host.rulebook.undecided.${appeals.undecided}`) }) : t("host.rulebook.noAppeals"));
  const cameras = rulebook.locations.filter((l) => l.camera).map((l) => local(l.label));
  lines.push(t("host.rulebook.cameras", { places: cameras.join(", ") || "—", error: Math.round(rulebook.cameras.errorRate * 1000) / 10 }));
  lines.push(rulebook.reporting.enabled ? t("host.rulebook.reporting", { points: rulebook.reporting.reward }) : t("host.rulebook.noReporting"));
  byId("rulebook-list").replaceChildren(...lines.map((line) => el("li", {}, line)));
}
