/**
 * The server's own cost per command in one room, in this process and without client processes:
 * one 30-player room and its facilitator (real clients over 127.0.0.1), then commands handed to
 * the room's gate as the capacity bench's players send them (residents walk, observers write
 * notes) and patches driven by hand, four for every three commands (the bench's rate: 15
 * commands a second in a room patched 20 times a second). Prints, per command: the time in the
 * gate (decide, store, apply; three commands are stored together, as a turn of the server's loop
 * might bring them), the time in the patches (sync, encode, send) and of that the sync alone (the
 * copy into the synced state), and the bytes each player is sent. Steadier than the capacity
 * bench on a shared machine, for comparing changes to the room's hot path. Not a test; reaches
 * into the room (its gate, its patch turn).
 *
 *   npx tsx tests/bench/roomCost.ts [--commands 3000] [--players 30]
 *   node --cpu-prof --import tsx tests/bench/roomCost.ts    # with a CPU profile of the whole path
 */
import "../../server/shim.ts";
import { matchMaker } from "@colyseus/core";
import { startTestServer } from "../support/server.ts";
import { joinHost, joinPlayer } from "../support/clients.ts";
import { studentActor, type Actor } from "../../shared/rules/index.ts";
import type { CommandReply } from "../../shared/protocol/index.ts";
import { botNickname } from "./stats.ts";
import { patchRound, type Patching } from "../../server/rooms/patchRound.ts";

type RoomInside = {
  current: { game: { players: Record<string, { role: string } | undefined> } };
  clients: { auth?: { as: string; seatId?: string }; raw: (data: Uint8Array, ...rest: unknown[]) => unknown }[];
  gate(actor: Actor, command: Record<string, unknown>, validated: boolean): CommandReply | Promise<CommandReply>;
  broadcastPatch(): boolean;
  onBeforePatch(): void;
};

const WALK = ["park", "community_centre", "internet_cafe"];
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const commands = option("commands", 3000);
/** 30 by default (a class); 200 is the fan-out bench's room (pilot roles for 30, the rest observers writing notes). */
const PLAYERS = option("players", 30);

const server = await startTestServer({ BOT_THINK_MS: "60000", MESSAGES_PER_SECOND: "1000", LOG_LEVEL: "warn" });
const { code, hostToken } = await server.createSession("pilot-slow");
const host = (await joinHost(server.url, code, hostToken)).room;
const seats: string[] = [];
for (let i = 0; i < PLAYERS; i++) {
  const welcome = await (await joinPlayer(server.url, code, botNickname(i))).welcome;
  if (welcome.as === "player") seats.push(welcome.seatId);
}
for (const body of [{ kind: "auto_balance" }, { kind: "start" }, { kind: "advance" }, { kind: "extend", seconds: 1800 }]) {
  const reply = (await host.request("cmd", { id: `host-${body.kind}`, ...body })) as CommandReply;
  if (!reply.ok) throw new Error(`${body.kind} refused: ${reply.reason}`);
}
const room = matchMaker.getLocalRoomById(code) as unknown as RoomInside;
patchRound.leave(room as unknown as Patching); // patches by hand from here on
await new Promise((resolve) => setTimeout(resolve, 300));

let bytes = 0;
for (const client of room.clients) {
  if (client.auth?.as !== "player") continue;
  const raw = client.raw.bind(client);
  client.raw = (data, ...rest) => {
    bytes += data.length;
    return raw(data, ...rest);
  };
}

// the patches' copy into the synced state (the rest of a patch is encoding and sending)
let syncMs = 0;
const onBeforePatch = room.onBeforePatch.bind(room);
room.onBeforePatch = () => {
  const began = performance.now();
  onBeforePatch();
  syncMs += performance.now() - began;
};

const steps = new Map<string, number>();
let gateMs = 0;
let patchMs = 0;
let refused = 0;
// three commands at a time, as one turn of the server's loop might bring them: decided at once,
// stored together (the store writes a turn's appends in one transaction), then patched
for (let k = 0; k < commands; k += 3) {
  let began = performance.now();
  const replies: (CommandReply | Promise<CommandReply>)[] = [];
  for (let j = k; j < Math.min(k + 3, commands); j++) {
    const seat = seats[Math.floor(Math.random() * seats.length)]!;
    const step = (steps.get(seat) ?? 0) + 1;
    steps.set(seat, step);
    const body = room.current.game.players[seat]?.role === "observer" ? { kind: "write_note", text: `note ${step}` } : { kind: "move", to: WALK[step % WALK.length] };
    replies.push(room.gate(studentActor(seat), { id: `${seat}-${step}`, ...body }, true));
  }
  for (const reply of await Promise.all(replies)) if (!reply.ok) refused++;
  gateMs += performance.now() - began;
  began = performance.now();
  for (let p = 0; p < 4; p++) room.broadcastPatch();
  patchMs += performance.now() - began;
  // let the sockets drain now and then
  if (k % 21 === 0) await new Promise((resolve) => setImmediate(resolve));
}
const us = (ms: number) => ((ms * 1000) / commands).toFixed(0);
console.log(`${commands} commands (${refused} refused) in one room of ${seats.length} players and its facilitator, per command:`);
console.log(`  gate (decide, store, apply)       ${us(gateMs)} µs`);
console.log(`  patches (sync, encode, send)      ${us(patchMs)} µs`);
console.log(`    of which the sync               ${us(syncMs)} µs`);
console.log(`  bytes sent to each player          ${(bytes / commands / seats.length).toFixed(1)}`);
await server.close();
process.exit(0);
