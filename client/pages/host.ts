/**
 * The host console (`/host`): the start screen (create a session, this device's sessions) or,
 * with `?session=CODE` and this device's host token, the console of that session — lobby, roles
 * and bots, phase controls, the live god view, cards, broadcasts and step-out alerts
 * (client/host/*, one job per module).
 */
import "../host/strings.ts";
import "../styles/base.css";
import "../styles/host.css";
import { onLangChange, setupLanguageSwitch } from "../i18n.ts";
import { isJoinCode } from "../../shared/lobby/joinCode.ts";
import { hosting } from "../net/storage.ts";
import { openConsole, retranslateConsole } from "../host/console.ts";
import { renderStart, showStart } from "../host/start.ts";

setupLanguageSwitch();
onLangChange(() => {
  renderStart();
  retranslateConsole();
});

function open(code: string): void {
  void openConsole(code, (deleted) => {
    history.pushState(null, "", "/host");
    showStart(open, { key: "host.deleted", params: { code: deleted } });
  });
}

const codeParam = new URLSearchParams(location.search).get("session");
if (codeParam && isJoinCode(codeParam) && hosting.get(codeParam)) open(codeParam);
else showStart(open);
