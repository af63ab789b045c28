/**
 * The WAL's checkpoints off the event loop. SQLite copies committed pages from the WAL into the
 * database file (with a disk flush) in whichever commit crosses its threshold: under load that is
 * one acknowledged command in a few hundred, and it held the event loop — every room's — for
 * 5–25 ms. Here a worker thread with its own connection checkpoints on a timer instead, and the
 * store's connection never does (`wal_autocheckpoint = 0`). A checkpoint changes no data and a
 * PASSIVE one never blocks a writer, so what is stored and when a command is acknowledged as
 * stored are as before; a checkpoint cut short (the server stopping) is finished by the next
 * connection to open the file.
 *
 * The WAL only starts again from its beginning when a write begins with every frame in it copied:
 * under steady load the worker's pass never ends in a quiet moment between two commits, so alone
 * it let the WAL grow for as long as the load lasted (50 MB a minute at 1,200 players, each new
 * block of the file allocated and zeroed as it grew). So each pass reports how far it got, and the
 * store's own connection copies the last few frames itself (`report`, sqlite.ts): being the only
 * writer, its checkpoint ends complete, and the next commit restarts the WAL.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** Often enough that the WAL stays a few megabytes at full load. */
const EVERY_MS = 500;

/** Plain JavaScript, so the worker needs no TypeScript loader. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 2000");
db.pragma("synchronous = " + workerData.synchronous);
const timer = setInterval(() => {
  try {
    const [pass] = db.pragma("wal_checkpoint(PASSIVE)");
    if (pass && pass.log > 0) parentPort.postMessage({ log: pass.log, copied: pass.checkpointed });
  } catch {
    // busy or closing: the next turn checkpoints
  }
}, workerData.everyMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** `stop` resolves once the worker has closed its connection, so nothing touches the file after it. */
export type Checkpointer = { stop(): Promise<void> };

/** A pass that left frames in the WAL: how many it holds, and how many of them are copied into the database. */
export type Pass = { log: number; copied: number };

/**
 * Starts the worker; `failed` runs if it stops on its own (the store then checkpoints as SQLite
 * would); `report` hears of every pass that left the WAL holding frames.
 */
export function startCheckpointer(file: string, synchronous: "NORMAL" | "FULL", failed: () => void, report: (pass: Pass) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, execArgv: [], workerData: { driver, file, synchronous, everyMs: EVERY_MS } });
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    worker.on("exit", () => {
      if (!stopping) failed();
      resolve();
    }),
  );
  worker.on("error", () => {});
  worker.on("message", (pass: Pass) => {
    if (!stopping) report(pass);
  });
  // it never keeps the server running (unref'd after the listener, which would ref it again)
  worker.unref();
  return {
    stop: () => {
      stopping = true;
      worker.postMessage("stop");
      return exited;
    },
  };
}
