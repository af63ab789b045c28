/**
 * Log lines for a person at a terminal: pino's JSON turned into "12:04:31 INFO  session created
 * code=K7MPQ2". Used only when stdout is a terminal (server/main.ts); piped or redirected, the log
 * stays JSON, one object per line, for log tools. (A few lines instead of the pino-pretty package.)
 */
import { Writable } from "node:stream";

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO ", 40: "WARN ", 50: "ERROR", 60: "FATAL" };
/** Fields every line has, or that say nothing to a person reading the terminal. */
const SKIP = new Set(["level", "time", "pid", "hostname", "app", "msg", "v"]);

function value(v: unknown): string {
  if (typeof v === "string") return /[\s"=]/.test(v) ? JSON.stringify(v) : v;
  if (v && typeof v === "object" && "message" in v && typeof (v as { message: unknown }).message === "string") return JSON.stringify((v as { message: string }).message);
  return JSON.stringify(v);
}

/** One JSON log line as text (a line that is not JSON is passed through). */
export function prettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry.time === "number" ? new Date(entry.time).toTimeString().slice(0, 8) : "";
  const level = LEVELS[entry.level as number] ?? String(entry.level ?? "");
  const fields = Object.entries(entry)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => `${k}=${value(v)}`);
  return [time, level, String(entry.msg ?? ""), ...fields].filter((p) => p !== "").join(" ");
}

/** A destination for pino that writes readable lines to `out`. */
export function prettyDestination(out: NodeJS.WritableStream): Writable {
  let rest = "";
  return new Writable({
    write(chunk, _encoding, done) {
      const lines = (rest + String(chunk)).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (line.trim() !== "") out.write(`${prettyLine(line)}\n`);
      done();
    },
  });
}
