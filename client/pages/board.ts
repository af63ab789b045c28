/**
 * The projector board (`/board/<CODE>`): how to join (address, code, QR code drawn locally) and
 * who has joined, live. It holds no token: everything it shows is public.
 */
import "../styles/base.css";
import QRCode from "qrcode";
import { onLangChange, setupLanguageSwitch, t } from "../i18n.ts";
import { byId, el, show } from "../ui/dom.ts";
import { showConnection } from "../ui/connectionBanner.ts";
import { Link, type Lobby } from "../net/link.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/index.ts";
import { isJoinCode, normalizeJoinCode } from "../../shared/lobby/joinCode.ts";

let lobby: Lobby | undefined;
setupLanguageSwitch();
onLangChange(() => lobby && render(lobby));

const code = normalizeJoinCode(decodeURIComponent(/^\/board\/([^/]+)/.exec(location.pathname)?.[1] ?? ""));
void start();

async function start(): Promise<void> {
  if (!isJoinCode(code)) {
    byId("board-error").textContent = t("reason.bad_code");
    return;
  }
  byId("board-code").textContent = code;
  const origin = await reachableOrigin();
  const url = `${origin}/join/${code}`;
  byId("join-url").textContent = url;
  await QRCode.toCanvas(byId<HTMLCanvasElement>("qr"), url, { width: 320, margin: 1, errorCorrectionLevel: "M" });
  const result = await Link.open(location.origin, code, { as: "board", v: PROTOCOL_VERSION }, {
    lobby: render,
    status: (status, reason) => {
      showConnection(byId("connection"), status);
      if (status === "closed" && reason) byId("board-error").textContent = t(`reason.${reason}`);
    },
  });
  if (!(result instanceof Link)) byId("board-error").textContent = t(`reason.${result.reason}`);
}

/** When the board is opened on the server machine itself, show the address the class can reach. */
async function reachableOrigin(): Promise<string> {
  if (!["localhost", "127.0.0.1", "[::1]"].includes(location.hostname)) return location.origin;
  try {
    const { lan } = (await (await fetch("/api/network")).json()) as { lan: string[] };
    return lan[0] ?? location.origin;
  } catch {
    return location.origin;
  }
}

function render(next: Lobby): void {
  lobby = next;
  byId("joined-heading").textContent = t("board.joined", { count: next.players.length });
  show(byId("board-waiting"), next.players.length === 0);
  show(byId("board-locked"), next.locked);
  byId("board-names").replaceChildren(...next.players.map((p) => el("li", { class: p.connected ? "" : "away" }, p.nickname)));
}
