/**
 * Colyseus's own log lines reach our pino log as one line each (issue 13, network item 7): a bad
 * frame's multi-line stack trace, through Colyseus's `logger`, and @colyseus/schema's console
 * complaint about a client's invalid UTF-8, are single JSON lines with `source: "colyseus"`.
 */
import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "../../server/log.ts";
import { colyseusLogger, routeSchemaDecodeErrors } from "../../server/colyseusLog.ts";

function capture(level = "info") {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter((l) => l.length > 0));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}

describe("Colyseus's log lines", () => {
  it("become one pino line each, first line only, stack only at debug level", () => {
    const { log, lines } = capture();
    const logger = colyseusLogger(log);
    const error = new Error("invalid message: expected object, received string");
    logger.error(error); // what Colyseus does with a frame that fails validation
    logger.warn(""); // Colyseus pads notices with empty lines
    logger.info("❌ reconnection token invalid or expired.\nDid you miss .allowReconnection()?");
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l) as { level: number; msg: string; source: string; stack?: string });
    expect(first).toMatchObject({ source: "colyseus", msg: "Error: invalid message: expected object, received string", level: 40 });
    expect(first!.stack).toBeUndefined();
    expect(second).toMatchObject({ source: "colyseus", msg: "❌ reconnection token invalid or expired.", level: 30 });

    const verbose = capture("debug");
    colyseusLogger(verbose.log).error(error);
    expect(verbose.lines).toHaveLength(1);
    expect((JSON.parse(verbose.lines[0]!) as { stack: string }).stack).toContain("colyseus-log.test.ts");
  });

  it("takes the schema decoder's console complaints, and only those", () => {
    const { log, lines } = capture();
    routeSchemaDecodeErrors(log);
    console.error("decode.utf8Read(): Invalid byte 252 at offset 2. Skip to end of string: 4");
    expect(lines.map((l) => JSON.parse(l) as { msg: string; source: string })).toEqual([expect.objectContaining({ source: "colyseus", msg: "decode.utf8Read(): Invalid byte 252 at offset 2. Skip to end of string: 4" })]);
  });
});
