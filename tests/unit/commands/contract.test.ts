/**
 * The command contract: every kind declared once, with its handler; the wire schema derived from
 * it (internal kinds stay off the wire); one gate for every sender, the door and the clock
 * included; and a kind's name kept to its contract, handler, bot and panel.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { CONTRACT, CommandSchema, HANDLERS, HOST_KINDS, PLAYER_KINDS, decideSession, type CommandKind } from "../../../shared/commands/index.ts";
import { CLOCK, DOOR, HOST, createRng, newGame, seatActor, studentActor, type Actor } from "../../../shared/rules/index.ts";
import { EMPTY_LOBBY } from "../../../shared/lobby/lobby.ts";
import { applySession, type Session } from "../../../shared/session/index.ts";
import { ROOT } from "../../../server/clientBuild.ts";
import { pilot, to, town } from "../rules/helpers.ts";

const KINDS = Object.keys(CONTRACT) as CommandKind[];
const fresh = { seatId: () => "new", botName: () => "Bot" };
const ctx = { now: 0, rng: createRng(1) };

function session(phase: "lobby" | "day" = "day"): Session {
  return { lobby: EMPTY_LOBBY, game: phase === "lobby" ? newGame(pilot()) : to(town(), "day") };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the command contract", () => {
  it("names a handler for every kind, at the game's level or the session's, never both", () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) expect(Boolean(HANDLERS[kind].game) !== Boolean(HANDLERS[kind].session), kind).toBe(true);
  });

  it("puts every kind a client may send on the wire, and the server's own kinds off it", () => {
    const wire = new Set([...HOST_KINDS, ...PLAYER_KINDS]);
    for (const kind of KINDS) expect(wire.has(kind as never), kind).toBe(!(CONTRACT[kind] as { internal?: boolean }).internal);
    // a host may not seat someone by sending the door's command: it is not a message at all
    expect(CommandSchema.safeParse({ id: "c1", kind: "add_seat", seat: "x", nickname: "X" }).success).toBe(false);
    expect(CommandSchema.safeParse({ id: "c1", kind: "kick", seatId: "s1" }).success).toBe(true);
    // the cited-entry cap is the rules' own
    expect(CommandSchema.safeParse({ id: "c1", kind: "blacklist", subject: "r1", entries: Array.from({ length: 11 }, (_, i) => `e${i}`) }).success).toBe(false);
  });

  it("lets the door seat a student and nothing else; the clock only advance; a board nothing", () => {
    const lobby = session("lobby");
    expect(decideSession(lobby, DOOR, { kind: "add_seat", seat: "late", nickname: "Late", bot: null }, ctx, fresh)).toMatchObject({ ok: true });
    expect(decideSession(lobby, DOOR, { kind: "start" }, ctx, fresh)).toMatchObject({ ok: false, reason: "not_facilitator" });
    const day = session();
    expect(decideSession(day, CLOCK, { kind: "pause" }, ctx, fresh)).toMatchObject({ ok: false, reason: "not_facilitator" });
    expect(decideSession(day, CLOCK, { kind: "advance" }, ctx, fresh)).toMatchObject({ ok: false, reason: "phase_not_over" });
    const board: Actor = { kind: "board" };
    for (const kind of ["lock", "move", "advance"] as const) expect(decideSession(day, board, { kind } as never, ctx, fresh)).toMatchObject({ ok: false, reason: "not_allowed" });
    expect(decideSession(day, HOST, { kind: "pause" }, ctx, fresh)).toMatchObject({ ok: true });
  });

  it("keeps stepping out to the student's own page, and a student whose character a bot plays to watching", () => {
    const day = session();
    expect(decideSession(day, seatActor("r1"), { kind: "step_out" }, ctx, fresh)).toMatchObject({ ok: false, reason: "not_allowed" });
    const handed = decideSession(day, HOST, { kind: "hand_to_bot", seatId: "r1" }, ctx, fresh);
    expect(handed).toMatchObject({ ok: true, events: [{ type: "seat_handed_to_bot", seat: "r1", bot: "conformist" }] });
    const played = handed.ok ? handed.events.reduce(applySession, day) : day;
    expect(decideSession(played, studentActor("r1"), { kind: "move", to: "park" }, ctx, fresh)).toMatchObject({ ok: false, reason: "played_by_bot" });
    // the bot playing the seat acts as the seat
    expect(decideSession(played, seatActor("r1"), { kind: "move", to: "park" }, ctx, fresh)).toMatchObject({ ok: true });
  });

  it("keeps write_entry and decide_appeal to four files: contract, handler, bot, panel", () => {
    const files = [...sourceFiles(join(ROOT, "shared")), ...sourceFiles(join(ROOT, "server")), ...sourceFiles(join(ROOT, "client"))];
    for (const kind of ["write_entry", "decide_appeal"]) {
      const naming = files.filter((f) => new RegExp(`["']${kind}["']|^\\s*${kind}:`, "m").test(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f));
      expect(naming.length, `${kind}: ${naming.join(", ")}`).toBeLessThanOrEqual(4);
      expect(naming).toContain("shared/commands/contract.ts");
    }
  });
});
