/**
 * ARIA tabs for the role panels: a tab list of real buttons with a roving tab stop; arrows,
 * Home and End move between tabs (and show them), Tab goes into the shown panel.
 */
import { el } from "../ui/dom.ts";
import { t } from "../i18n.ts";

export interface TabSpec {
  id: string;
  /** String key of the tab's name. */
  label: string;
  panel: HTMLElement;
}

export class Tabs {
  readonly list: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  /** Items waiting in a tab (an official's queues), shown beside its name so a phone sees the work at once. */
  private readonly waiting = new Map<string, number>();
  private current: string;

  constructor(
    private readonly specs: TabSpec[],
    private readonly onShow: (id: string) => void = () => {},
  ) {
    this.list = el("div", { role: "tablist", class: "play-tabs", "data-i18n-attr": "aria-label:play.tabs.label", "aria-label": t("play.tabs.label") });
    for (const spec of specs) {
      const button = el("button", {
        type: "button",
        role: "tab",
        id: `tab-${spec.id}`,
        "aria-controls": `panel-${spec.id}`,
        "data-tab": spec.id,
      });
      button.addEventListener("click", () => this.show(spec.id, false));
      button.addEventListener("keydown", (event) => this.key(event, spec.id));
      this.buttons.set(spec.id, button);
      this.list.append(button);
      spec.panel.id = `panel-${spec.id}`;
      spec.panel.setAttribute("role", "tabpanel");
      spec.panel.setAttribute("aria-labelledby", `tab-${spec.id}`);
      spec.panel.tabIndex = 0;
    }
    this.current = specs[0]?.id ?? "";
    this.translate();
    this.show(this.current, false);
  }

  get shown(): string {
    return this.current;
  }

  translate(): void {
    for (const spec of this.specs) {
      const count = this.waiting.get(spec.id) ?? 0;
      const text = count > 0 ? t("play.tabs.waiting", { label: t(spec.label), count }) : t(spec.label);
      const button = this.buttons.get(spec.id)!;
      if (button.textContent !== text) button.textContent = text;
    }
    this.list.setAttribute("aria-label", t("play.tabs.label"));
  }

  /** Sets how many items wait in a tab (0 shows the plain name). */
  setWaiting(id: string, count: number): void {
    if ((this.waiting.get(id) ?? 0) === count) return;
    this.waiting.set(id, count);
    this.translate();
  }

  show(id: string, focus: boolean): void {
    if (!this.buttons.has(id)) return;
    this.current = id;
    for (const spec of this.specs) {
      const on = spec.id === id;
      const button = this.buttons.get(spec.id)!;
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
      spec.panel.hidden = !on;
    }
    if (focus) this.buttons.get(id)!.focus();
    this.onShow(id);
  }

  private key(event: KeyboardEvent, id: string): void {
    const ids = this.specs.map((s) => s.id);
    const at = ids.indexOf(id);
    const next =
      event.key === "ArrowRight" || event.key === "ArrowDown" ? ids[(at + 1) % ids.length]
      : event.key === "ArrowLeft" || event.key === "ArrowUp" ? ids[(at - 1 + ids.length) % ids.length]
      : event.key === "Home" ? ids[0]
      : event.key === "End" ? ids[ids.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    this.show(next, true);
  }
}
