/**
 * How a class reaches the server, for the boards' join cards (the session's board and the event's
 * big board): the address students' devices can reach, and its QR code drawn here (no service).
 */
import QRCode from "qrcode";
import { call } from "../net/http.ts";
import type { ServerClock } from "./clock.ts";

/**
 * When a board is opened on the server machine itself, the address the class can reach (its LAN
 * address) instead of localhost. The same answer's Date header gives `clock` a first idea of how
 * far this machine's clock is off.
 */
export async function reachableOrigin(clock?: ServerClock): Promise<string> {
  const sentAt = Date.now();
  const answer = await call("network");
  if (!answer.ok) return location.origin;
  clock?.fromDateHeader(answer.date, sentAt, Date.now());
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
  return (local && answer.reply.lan[0]) || location.origin;
}

/** The join address as a QR code, large enough to scan from the back of a room. */
export function drawJoinQr(canvas: HTMLCanvasElement, url: string): Promise<void> {
  return QRCode.toCanvas(canvas, url, { width: 320, margin: 1, errorCorrectionLevel: "M" });
}
