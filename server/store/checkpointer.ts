/**
 * The WAL's checkpoints off the event loop. SQLite copies committed pages from the WAL into the
 * database file (with a disk flush) in whichever commit crosses its threshold: under load that is
 * one acknowledged command in a few hundred, and it held the event loop — every room's — for
 * 5–25 ms. Here a worker thread with its own connection checkpoints on a timer instead, and the
 * store's connection never does (`wal_autocheckpoint = 0`). A checkpoint changes no data and a
 * PASSIVE one never blocks a writer, so what is stored and when a command is acknowledged as
 * stored are as before; a checkpoint cut short (the server stopping) is finished by the next
 * connection to open the file.
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
    db.pragma("wal_checkpoint(PASSIVE)");
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

/** Starts the worker; `failed` runs if it stops on its own (the store then checkpoints as SQLite would). */
export function startCheckpointer(file: string, synchronous: "NORMAL" | "FULL", failed: () => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, execArgv: [], workerData: { driver, file, synchronous, everyMs: EVERY_MS } });
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    worker.on("exit", () => {
      if (!stopping) failed();
      resolve();
    }),
  );
  // it never keeps the server running
  worker.unref();
  worker.on("error", () => {});
  return {
    stop: () => {
      stopping = true;
      worker.postMessage("stop");
      return exited;
    },
  };
}
