/**
 * Our server for the load benchmarks: what `npm start` runs (server/app.ts startServer, with
 * signals handled), minus the client-build check. A Vite build inside the measured process would
 * add its time and memory to the figures, and a half-edited client would stop the bench. Pages
 * are served from whatever dist/client holds. Started by fleet.ts under the probe.
 */
import "../../server/shim.ts";
import { loadConfig } from "../../server/config.ts";
import { startServer } from "../../server/app.ts";
import { createLogger } from "../../server/log.ts";

const config = loadConfig(process.env);
await startServer(config, { log: createLogger(config.logLevel), handleSignals: true });
// asked to stop (a profiled run): leave at once, so the CPU profile is written
process.prependOnceListener("SIGTERM", () => process.exit(0));
