/**
 * The event console (`/event`): the start screen (create an event of several neighbourhoods,
 * this device's events) or, with `?code=CODE` and this device's event token, the console of that
 * event — every neighbourhood at once, and each on its own card (client/event/*).
 */
import "../event/strings.ts";
import "../styles/base.css";
import "../styles/host.css";
import "../styles/event.css";
import { onLangChange, setupLanguageSwitch } from "../i18n.ts";
import { isJoinCode, normalizeJoinCode } from "../../shared/lobby/joinCode.ts";
import { openConsole, retranslateConsole } from "../event/console.ts";
import { renderStart, showStart } from "../event/start.ts";

setupLanguageSwitch();
onLangChange(() => {
  renderStart();
  retranslateConsole();
});

function open(code: string): void {
  void openConsole(code, (missing) => {
    history.replaceState(null, "", "/event");
    showStart(open, { key: "event.notHere", params: { code: missing } });
  });
}

const query = new URLSearchParams(location.search);
const codeParam = normalizeJoinCode(query.get("code") ?? "");
const deleted = normalizeJoinCode(query.get("deleted") ?? "");
if (isJoinCode(codeParam)) open(codeParam);
else showStart(open, isJoinCode(deleted) ? { key: "event.deleted", params: { code: deleted } } : undefined);
