/**
 * `npm start`: validate the environment, build the client if needed, then serve everything on
 * one port. Any problem at boot ends the process with a message that says what to change.
 */
import "./shim.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { ensureClientBuilt } from "./clientBuild.ts";
import { PortInUseError, startServer } from "./app.ts";
import { StoreOpenError } from "./store/sqlite.ts";
import { PostgresOpenError } from "./store/postgres.ts";
import { RedisOpenError } from "./holders.ts";
import { createLogger } from "./log.ts";
import { lanAddresses } from "./network.ts";
import { banner } from "./banner.ts";
import { prettyDestination } from "./prettyLog.ts";

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
  // a person at a terminal reads lines; a pipe or a file gets JSON for log tools
  const log = createLogger(config.logLevel, process.stdout.isTTY ? prettyDestination(process.stdout) : undefined);
  await ensureClientBuilt((m) => log.info(m));
  try {
    const running = await startServer(config, { log, handleSignals: true });
    console.log(await banner(config.host, running.port, lanAddresses()));
  } catch (error) {
    if (error instanceof PortInUseError) {
      console.error(error.message);
      process.exit(3);
    }
    if (error instanceof StoreOpenError || error instanceof PostgresOpenError || error instanceof RedisOpenError) {
      console.error(error.message);
      process.exit(4);
    }
    throw error;
  }
}

void main();
