/**
 * The baseline for "server cost versus a bare Colyseus echo room" (QUALITY.md): a plain
 * Colyseus 0.18 server with the same transport as ours (ws, 4 KiB max payload, default 20 Hz
 * patches) and one room type that speaks the same message shapes, with no rules, no store and no
 * private views. The bench starts it as its own process, like ours, under the same probe:
 *
 *   PORT=… BENCH_PROBE_PORT=… node --expose-gc --import tsx --import ./tests/bench/probe.ts tests/bench/echoServer.ts
 *
 * - POST /api/sessions → { code, hostToken } (a new room; its id is the code), DELETE closes it;
 * - a join gets the same `welcome` message as ours; a player gets a row in `players`;
 * - "cmd" (room.request) answers { ok: true, seq } and, like an accepted move, bumps `seq` and
 *   the mover's `location` in the state, which the next patch carries to everyone in the room.
 * Only 127.0.0.1. It runs until the bench kills it.
 */
import "../../server/shim.ts";
import http from "node:http";
import express, { type Application } from "express";
import { Room, defineRoom, defineServer, matchMaker, type Client } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { schema, t, type SchemaType } from "@colyseus/schema";

const EchoPlayer = schema(
  {
    seatId: t.string().default(""),
    nickname: t.string().default(""),
    connected: t.boolean().default(true),
    role: t.string().default("resident"),
    location: t.string().default(""),
    score: t.number().default(0),
    grade: t.string().default(""),
  },
  "EchoPlayer",
);
type EchoPlayer = SchemaType<typeof EchoPlayer>;

const EchoState = schema({ seq: t.number().default(0), phase: t.string().default("day"), players: t.map(EchoPlayer) }, "EchoState");
type EchoState = SchemaType<typeof EchoState>;

class EchoRoom extends Room<{ state: EchoState }> {
  override state = new EchoState();
  override autoDispose = false;
  override maxClients = 300;
  private next = 0;

  override onCreate(): void {
    this.onMessage("cmd", (client: Client, payload: { to?: unknown }) => {
      const player = this.state.players.get(client.sessionId);
      if (player && typeof payload?.to === "string") player.location = payload.to;
      this.state.seq += 1;
      return { ok: true, seq: this.state.seq };
    });
  }

  override onJoin(client: Client, options: { as?: string; nickname?: string }): void {
    if (options?.as === "host") {
      client.send("welcome", { as: "host", code: this.roomId, scenarioId: "echo" });
      return;
    }
    const player = new EchoPlayer();
    player.seatId = client.sessionId;
    player.nickname = String(options?.nickname ?? `guest ${++this.next}`).slice(0, 24);
    this.state.players.set(client.sessionId, player);
    client.send("welcome", { as: "player", seatId: client.sessionId, nickname: player.nickname, code: this.roomId });
  }

  override onLeave(client: Client): void {
    this.state.players.delete(client.sessionId);
  }
}

const httpServer = http.createServer();
const server = defineServer({
  rooms: { echo: defineRoom(EchoRoom) },
  transport: new WebSocketTransport({ server: httpServer, maxPayload: 4 * 1024 }),
  greet: false,
  express: (app: Application) => {
    app.use(express.json({ limit: "4kb" }));
    app.get("/api/health", (_req, res) => void res.json({ ok: true }));
    app.post("/api/sessions", async (_req, res) => {
      const room = await matchMaker.createRoom("echo", {});
      res.status(201).json({ code: room.roomId, hostToken: "echo" });
    });
    app.delete("/api/sessions/:code", async (req, res) => {
      const room = matchMaker.getLocalRoomById(String(req.params.code));
      if (room) await room.disconnect();
      res.status(room ? 204 : 404).end();
    });
  },
});
await server.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
// asked to stop (a profiled run): leave at once, so the CPU profile is written
process.prependOnceListener("SIGTERM", () => process.exit(0));
