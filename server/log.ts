/**
 * Structured logs (pino). Tokens and free text never reach a log line: known secret fields are
 * redacted, and callers log seat ids and codes, never nicknames.
 */
import { pino, type Logger } from "pino";

export type { Logger };

export const REDACTED_PATHS = ["hostToken", "seatToken", "token", "hostKey", "*.hostToken", "*.seatToken", "*.token", "req.headers.authorization", "req.headers[\"x-host-key\"]"];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { app: "good-standing" }, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
