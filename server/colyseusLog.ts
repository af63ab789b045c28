/**
 * Colyseus's own log lines (through its `logger`, console by default) routed into our pino log,
 * one line each. Colyseus prints a whole multi-line stack trace for every frame it cannot decode
 * or validate (a hostile or broken client: 891 lines from one minute of fuzzing), which buried the
 * server's log and the test output. Here such a line becomes one pino entry, `source: "colyseus"`,
 * holding the first line of the message (capped); stacks are kept only at `debug` level.
 * @colyseus/schema's decoder writes straight to console.error when a client's frame carries bad
 * UTF-8; `routeSchemaDecodeErrors` turns exactly those lines into pino lines too.
 */
import type { Logger } from "./log.ts";

/** A message's first line is enough to say what happened; the rest is a stack. */
const FIRST_LINE_MAX = 300;

function describe(args: unknown[]): { text: string; stack?: string } {
  const parts = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === "string" ? a : safeJson(a)));
  const whole = parts.join(" ");
  const [first = "", ...rest] = whole.split("\n");
  return { text: first.trim().slice(0, FIRST_LINE_MAX), ...(rest.length > 0 ? { stack: whole } : {}) };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export type ColyseusLogger = { debug(...a: unknown[]): void; info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void; trace(...a: unknown[]): void };

export function colyseusLogger(log: Logger): ColyseusLogger {
  const child = log.child({ source: "colyseus" });
  const at = (level: "debug" | "info" | "warn" | "error" | "trace") => (...args: unknown[]) => {
    const { text, stack } = describe(args);
    if (text === "" && !stack) return; // Colyseus pads its notices with empty lines
    if (stack && child.isLevelEnabled("debug")) child[level]({ stack }, text);
    else child[level](text);
  };
  // Colyseus's "errors" here are almost all a client's bad frame (the client is dropped): a warning for us.
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("warn"), trace: at("trace") };
}

/** The log that schema decode errors go to (the latest server started in this process). */
let decodeLog: Logger | undefined;
const SCHEMA_DECODE_ERROR = /^decode\.\w+\(\): /;

/**
 * @colyseus/schema's `decode.utf8Read()` reports a client's invalid UTF-8 with console.error and
 * carries on: send exactly those lines to pino as one warning each; everything else written to
 * console.error passes through untouched.
 */
export function routeSchemaDecodeErrors(log: Logger): void {
  const installed = decodeLog !== undefined;
  decodeLog = log.child({ source: "colyseus" });
  if (installed) return;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first] = args;
    if (decodeLog && typeof first === "string" && SCHEMA_DECODE_ERROR.test(first)) decodeLog.warn(first.slice(0, FIRST_LINE_MAX));
    else original(...args);
  };
}
