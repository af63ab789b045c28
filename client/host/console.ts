/**
 * The console of one session: joins it over a Link as the host, keeps the latest lobby and game
 * view, and re-renders every panel (at most once per frame's worth of updates). Header actions —
 * lock, open the board, delete the session — live here too.
 */
import { t } from "../i18n.ts";
import { byId, show } from "../ui/dom.ts";
import { showConnection } from "../ui/connectionBanner.ts";
import { Link, type Lobby } from "../net/link.ts";
import type { PlayView } from "../net/gameView.ts";
import { hosting } from "../net/storage.ts";
import { call } from "../net/http.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/index.ts";
import { Commander } from "./commander.ts";
import { godViewControls, renderGodView } from "./godView.ts";
import { phaseControls, renderPhaseBar } from "./phaseBar.ts";
import { renderRoster } from "./roster.ts";
import { renderSetup, setupControls } from "./setup.ts";
import { renderRulebook } from "./rulebook.ts";
import { renderStepOuts } from "./stepOut.ts";
import { renderTools, toolControls } from "./tools.ts";
import { facilitatorView, type ConsoleData } from "./types.ts";
import { debriefNamesControl } from "./debriefNames.ts";

let link: Link | undefined;
let lobby: Lobby | undefined;
let view: PlayView | null = null;
let code = "";
let scheduled = false;
let wired = false;

const cmd = new Commander(() => link, byId("host-status"), () => rerender());

/** Re-renders soon; many state patches in a burst cost one render. */
export function rerender(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    render();
  }, 30);
}

export function retranslateConsole(): void {
  cmd.retranslate();
  render();
}

function render(): void {
  if (!lobby) return;
  // a live update may rebuild the row holding the focus: put it back on the control with the same id
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : "";
  const data: ConsoleData = { code, lobby, view, game: facilitatorView(view) };
  byId("lock-toggle").textContent = t(lobby.locked ? "host.unlock" : "host.lock");
  byId<HTMLButtonElement>("lock-toggle").disabled = cmd.isBusy("lock");
  byId("lock-state").textContent = t(lobby.locked ? "host.locked" : "host.unlocked");
  byId<HTMLButtonElement>("clear-unused").disabled = cmd.isBusy("clear-unused") || (data.game?.phase ?? lobby.phase) !== "lobby";
  byId<HTMLButtonElement>("remove-boards").disabled = cmd.isBusy("remove-boards");
  renderPhaseBar(data, cmd);
  renderStepOuts(data, cmd, rerender);
  renderSetup(data, cmd);
  renderRulebook(data);
  renderRoster(data, cmd, rerender);
  renderGodView(data, cmd);
  renderTools(data, cmd);
  if (focusedId && document.activeElement === document.body) document.getElementById(focusedId)?.focus();
}

function wire(onDeleted: (code: string) => void): void {
  if (wired) return;
  wired = true;
  byId("lock-toggle").addEventListener("click", () => {
    if (lobby) void cmd.send("lock", { kind: lobby.locked ? "unlock" : "lock" });
  });
  byId("delete-session").addEventListener("click", () => void deleteSession(onDeleted));
  // against a crowded room: seats nobody uses (a flood, or phones that left) and every board at once
  byId("clear-unused").addEventListener("click", () => void cmd.send("clear-unused", { kind: "clear_unused_seats" }, "host.unusedCleared"));
  byId("remove-boards").addEventListener("click", () => void cmd.send("remove-boards", { kind: "remove_boards" }, "host.boardsRemoved"));
  setupControls(cmd);
  phaseControls(cmd);
  godViewControls(rerender);
  toolControls(cmd, rerender);
}

export async function openConsole(sessionCode: string, onDeleted: (code: string) => void): Promise<void> {
  const record = hosting.get(sessionCode);
  if (!record) return;
  code = sessionCode;
  wire(onDeleted);
  show(byId("start-view"), false);
  show(byId("console-view"), true);
  byId("session-code").textContent = code;
  // the create form may have been scrolled: the code and "Open the board" come first on screen
  window.scrollTo(0, 0);
  byId("console-title").focus({ preventScroll: true });
  byId("join-url").textContent = `${location.origin}/join/${code}`;
  byId<HTMLAnchorElement>("open-board").href = `/board/${code}`;
  byId<HTMLAnchorElement>("open-debrief").href = `/debrief/${code}`;
  debriefNamesControl(code);
  const result = await Link.open(location.origin, code, { as: "host", v: PROTOCOL_VERSION, hostToken: record.hostToken }, {
    lobby: (next) => {
      lobby = next;
      cmd.caughtUp(next.seq);
      rerender();
    },
    play: (next) => {
      view = next;
      rerender();
    },
    status: (status, reason) => {
      showConnection(byId("connection"), status);
      if (status === "closed" && reason) cmd.say(`reason.${reason}`);
    },
  });
  if (result instanceof Link) link = result;
  else cmd.say(`reason.${result.reason}`);
}

async function deleteSession(onDeleted: (code: string) => void): Promise<void> {
  const record = hosting.get(code);
  if (!record || !confirm(t("host.deleteConfirm", { code }))) return;
  const answer = await call("deleteSession", { params: { code }, hostToken: record.hostToken });
  // no such session (or not with this token): it is gone from the server either way
  if (!answer.ok && answer.reason !== "no_such_session") {
    cmd.say(`reason.${answer.reason}`);
    return;
  }
  hosting.forget(code);
  await link?.leave();
  link = undefined;
  lobby = undefined;
  view = null;
  onDeleted(code);
}
