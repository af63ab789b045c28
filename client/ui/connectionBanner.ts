/** The "reconnecting…" banner every page shows while its Link is not connected. */
import { t } from "../i18n.ts";
import type { LinkStatus } from "../net/link.ts";

export function showConnection(banner: HTMLElement, status: LinkStatus): void {
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  banner.hidden = status !== "reconnecting";
  banner.textContent = status === "reconnecting" ? t(offline ? "status.offline" : "status.reconnecting") : "";
}
