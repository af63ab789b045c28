/**
 * What the person starting the server reads on the terminal: where the host console is, and where
 * students join (with a QR code) — or, when the server listens only on this machine, that students
 * on other machines cannot join, and how to change that.
 */
import QRCode from "qrcode";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
const EVERYWHERE = new Set(["0.0.0.0", "::"]);

function url(host: string, port: number, path = "/"): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}${path}`;
}

/** The banner's lines without the QR code; `joinUrl` is what the QR code should hold, if any. */
export function bannerText(host: string, port: number, lan: readonly string[]): { lines: string[]; joinUrl?: string } {
  const lines = ["", "Good Standing is running."];
  if (LOOPBACK.has(host)) {
    lines.push(
      `  Host console: ${url(host, port, "/host")}`,
      `  Open the game on this machine: ${url(host, port)}`,
      `  HOST=${host} keeps the game to this machine: students on other machines cannot join.`,
      "  For a class, start without HOST (or with HOST=0.0.0.0) to listen on the network.",
    );
    return { lines };
  }
  const joinHosts = EVERYWHERE.has(host) ? lan : [host];
  lines.push(`  Host console: ${url(EVERYWHERE.has(host) ? "localhost" : host, port, "/host")}`);
  lines.push(`  Event console (many neighbourhoods): ${url(EVERYWHERE.has(host) ? "localhost" : host, port, "/event")}`);
  for (const address of joinHosts) lines.push(`  Students join at: ${url(address, port)}`);
  if (joinHosts.length === 0) {
    lines.push(
      "  No network address found: students on other machines cannot join yet.",
      `  Connect this machine to the class's network and restart; on this machine the game is at ${url("localhost", port)}`,
    );
    return { lines };
  }
  return { lines, joinUrl: url(joinHosts[0]!, port) };
}

export async function banner(host: string, port: number, lan: readonly string[]): Promise<string> {
  const { lines, joinUrl } = bannerText(host, port, lan);
  if (joinUrl) lines.push("", `  Scan to join (${joinUrl}):`, (await QRCode.toString(joinUrl, { type: "terminal", small: true })).trimEnd().replace(/^/gm, "  "));
  return lines.join("\n");
}
