/**
 * `npm start`: validate the environment, build the client if needed, then serve everything on
 * one port. Any problem at boot ends the process with a message that says what to change.
 */
import "./shim.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { ensureClientBuilt } from "./clientBuild.ts";
import { PortInUseError, startServer } from "./app.ts";
import { StoreOpenError } from "./store/sqlite.ts";
import { createLogger } from "./log.ts";
import { lanAddresses } from "./network.ts";
import QRCode from "qrcode";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  await ensureClientBuilt((m) => log.info(m));
  try {
    const running = await startServer(config, { log, handleSignals: true });
    console.log(await banner(config.host, running.port));
  } catch (error) {
    if (error instanceof PortInUseError) {
      console.error(error.message);
      process.exit(3);
    }
    if (error instanceof StoreOpenError) {
      console.error(error.message);
      process.exit(4);
    }
    throw error;
  }
}

/** What the person starting the server needs: the console's address, and where students join (with a QR code). */
async function banner(host: string, port: number): Promise<string> {
  const hosts = host === "0.0.0.0" ? ["localhost", ...lanAddresses()] : [host];
  const lines = ["", "Good Standing is running.", `  Host console: http://${hosts[0]}:${port}/host`];
  for (const lan of hosts.slice(1)) lines.push(`  Students join at: http://${lan}:${port}/`);
  const joinUrl = hosts[1] ? `http://${hosts[1]}:${port}/` : undefined;
  if (joinUrl) lines.push("", `  Scan to join (${joinUrl}):`, (await QRCode.toString(joinUrl, { type: "terminal", small: true })).trimEnd().replace(/^/gm, "  "));
  return lines.join("\n");
}

void main();
