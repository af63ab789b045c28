/**
 * The official's evidence on one entry or appeal: what the witnesses asked said (or that they
 * have not answered yet, or let the request expire), what the footage showed, and — while the
 * town is awake or the official decides — "Ask for a statement" (choosing whom) and "Check the
 * footage". The answers arrive inline, beside the entry or appeal they are about.
 */
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import type { QueueEntry } from "../../shared/rules/views.ts";
import { bind, draftOf, uid } from "./render.ts";
import { official, type PanelContext } from "./context.ts";
import { labelled } from "./resident.ts";
import { deedName, nameOf, placeName } from "./format.ts";

/** The lines and controls for `entry` (or, with `appeal`, for the appeal against it). */
export function evidenceBlock(ctx: PanelContext, entry: QueueEntry, appeal: string | null): HTMLElement {
  const mine = official(ctx);
  const view = ctx.view();
  const book = ctx.rulebook();
  const target = appeal ?? entry.id;
  const statements = mine.statements.filter((x) => x.entry === entry.id && x.appeal === appeal);
  const footage = mine.footage.find((f) => f.entry === entry.id && f.appeal === appeal);
  const lines: HTMLElement[] = statements.map((x) => {
    const witness = nameOf(view, x.witness);
    const text = x.status === "open" ? t("play.evidence.waiting", { witness }) : x.status === "expired" || !x.answer ? t("play.evidence.expired", { witness }) : t(`play.evidence.answer.${x.answer}`, { witness });
    return el("li", { class: `statement ${x.status} ${x.answer ?? ""}`.trim(), "data-statement": x.id }, text);
  });
  if (footage) {
    const shows = footage.shows;
    const text = shows
      ? t(`play.evidence.shows.${footage.result}`, { place: placeName(book, shows.location), name: nameOf(view, shows.actor), deed: deedName(book, shows.deed) })
      : t("play.evidence.shows.no_footage");
    lines.push(el("li", { class: `flag footage-check ${footage.result}`, "data-footage": footage.id }, text));
  }
  const block = el("div", { class: "evidence", "data-evidence": target });
  if (lines.length) block.append(el("ul", { class: "evidence-lines", "aria-live": "polite" }, ...lines));
  // the view says where evidence may be sought now, and whom it leaves to ask
  const can = mine.askable[target];
  if (!can) return block;
  const about = appeal ? { appeal } : { entry: entry.id };
  const named = { name: nameOf(view, entry.subject), deed: deedName(book, entry.deed) };
  const askKey = `ask:${target}`;
  const controls: (Node | string)[] = [];
  if (can.length > 0) {
    const choose = bind(
      el("select", { id: uid("witness") }, el("option", { value: "" }, t("play.choose")), ...can.map((seat) => el("option", { value: seat }, nameOf(view, seat)))),
      `${askKey}:witness`,
    );
    controls.push(
      el("div", { class: "witness-field" }, ...labelled(t("play.evidence.witnessLabel"), choose)),
      ctx.commands.button(
        askKey,
        t("play.evidence.ask"),
        () => {
          const witness = draftOf(`${askKey}:witness`);
          if (!witness || !can.includes(witness)) return ctx.commands.say(askKey, t("play.missing"));
          void ctx.commands.run(askKey, { kind: "ask_statement", witness, ...about }, () => t("play.evidence.asked"));
        },
        { attrs: { "data-key": `${askKey}:send`, "aria-label": t("play.evidence.askLabel", named), class: "secondary" } },
      ),
    );
  } else {
    controls.push(el("p", { class: "detail" }, t("play.evidence.noWitness")));
  }
  controls.push(ctx.commands.note(askKey));
  if (!footage) {
    const lookKey = `footage:${target}`;
    controls.push(
      ctx.commands.button(lookKey, t("play.evidence.footage"), () => void ctx.commands.run(lookKey, { kind: "check_footage", ...about }), {
        attrs: { "data-key": `${lookKey}:send`, "aria-label": t("play.evidence.footageLabel", named), class: "secondary" },
      }),
      ctx.commands.note(lookKey),
    );
  }
  block.append(el("div", { class: "evidence-controls" }, ...controls));
  return block;
}
