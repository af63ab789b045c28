/**
 * `npm start`: validate the environment, build the client if needed, then serve everything on
 * one port. Any problem at boot ends the process with a message that says what to change.
 */
import "./shim.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { ensureClientBuilt } from "./clientBuild.ts";
import { PortInUseError, startServer } from "./app.ts";
import { createLogger } from "./log.ts";
import { lanAddresses } from "./network.ts";

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
    const hosts = config.host === "0.0.0.0" ? ["localhost", ...lanAddresses()] : [config.host];
    console.log(`\nGood Standing is running.\n  Host console: http://${hosts[0]}:${running.port}/host`);
    for (const host of hosts.slice(1)) console.log(`  Students join at: http://${host}:${running.port}/`);
    console.log("");
  } catch (error) {
    if (error instanceof PortInUseError) {
      console.error(error.message);
      process.exit(3);
    }
    throw error;
  }
}

void main();
