/** What every role panel reads and can do: the latest view, the rulebook, commands, dialogs. */
import type { PlayView } from "../net/gameView.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import type { ObserverView, OfficialView, ResidentView } from "../../shared/rules/views.ts";
import type { Commands } from "./commands.ts";
import { el } from "../ui/dom.ts";

/** `mine` as the server sends it: the role's view without its board. */
export type Mine<V> = Omit<V, "board">;
export type ResidentMine = Mine<ResidentView>;
export type OfficialMine = Mine<OfficialView>;
export type ObserverMine = Mine<ObserverView>;

export interface PanelContext {
  readonly seatId: string;
  view(): PlayView;
  rulebook(): Scenario;
  readonly commands: Commands;
  /** Opens the appeal form for a published entry about me. */
  openAppeal(entryId: string): void;
  /** Shows a tab and moves focus into it, on an element with this data-key if given. */
  reveal(tab: string, key?: string): void;
  /** Redraws every section now (e.g. after a form was cleared). */
  refresh(): void;
  /** The place last picked on the map (highlighted in the list of places). */
  picked(): string | null;
}

export function resident(ctx: PanelContext): ResidentMine {
  return ctx.view().mine as unknown as ResidentMine;
}

export function official(ctx: PanelContext): OfficialMine {
  return ctx.view().mine as unknown as OfficialMine;
}

export function observer(ctx: PanelContext): ObserverMine {
  return ctx.view().mine as unknown as ObserverMine;
}

/** A heading and an optional intro line. */
export function heading(level: "h2" | "h3", text: string, intro?: string): HTMLElement[] {
  const out: HTMLElement[] = [el(level, {}, text)];
  if (intro) out.push(el("p", { class: "intro" }, intro));
  return out;
}

/** A list, or a line saying it is empty. */
export function listOr(items: HTMLElement[], empty: string, attrs: Record<string, string> = {}): HTMLElement {
  return items.length ? el("ul", { class: "items", ...attrs }, ...items) : el("p", { class: "empty" }, empty);
}

/**
 * A form that sends one command. `body` builds the command from the form's controls (or returns
 * a string key of a message when something is missing); the submit button stays focusable and
 * is marked busy while the command travels.
 */
export function commandForm(
  ctx: PanelContext,
  key: string,
  submitLabel: string,
  fields: (Node | string)[],
  body: () => Parameters<PanelContext["commands"]["run"]>[1] | { missing: string },
  done?: () => string,
  after?: (ok: boolean) => void,
): HTMLFormElement {
  const pending = ctx.commands.isPending(key);
  const submit = el("button", { type: "submit", "data-key": `${key}:submit`, "aria-disabled": pending ? "true" : undefined, "aria-busy": pending ? "true" : undefined }, submitLabel);
  const form = el("form", { class: "command-form", novalidate: true }, ...fields, submit, ctx.commands.note(key));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (ctx.commands.isPending(key)) return;
    const command = body();
    if ("missing" in command) {
      ctx.commands.say(key, command.missing);
      return;
    }
    void ctx.commands.run(key, command, done).then((ok) => after?.(ok));
  });
  return form;
}
