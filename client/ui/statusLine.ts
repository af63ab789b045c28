/** A page's status line, kept as a string key and its values so a language switch words it again. */
import { t } from "../i18n.ts";

export type StatusLine = { say(key: string, values?: Record<string, unknown>): void; retranslate(): void };

export function statusLine(node: HTMLElement): StatusLine {
  let said: [string, Record<string, unknown>] | undefined;
  return {
    say(key, values = {}) {
      said = [key, values];
      node.textContent = t(key, values);
    },
    retranslate() {
      if (said) node.textContent = t(...said);
    },
  };
}
