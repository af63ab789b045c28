/**
 * One process of bot clients for the latency benchmark (started by latency.ts with fork). It
 * joins its share of players, plays when told, and sends back raw timings. Times are
 * `process.hrtime` (the machine's monotonic clock), so they compare across processes.
 */
import "../../server/shim.ts";
import type { Room } from "@colyseus/sdk";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { joinPlayer } from "../support/clients.ts";
import { botNickname } from "./stats.ts";
import type { CommandReply } from "../../shared/protocol/index.ts";

export type SwarmJoin = { type: "join"; url: string; code: string; first: number; count: number };
export type SwarmRun = { type: "run"; seconds: number; rate: number };
export type SwarmJoined = { type: "joined"; joinTimes: number[]; failures: number };
/** Results go through a file: tens of thousands of timings are too much for the IPC channel. */
export type SwarmDone = { type: "done"; file: string };
export type SwarmResults = {
  /** [seq, sentAt, sender] for every accepted command. */
  sends: [number, number, number][];
  replies: number[];
  commands: number;
  /** [seq, seenAt, receiver]: when each client first held each seq. */
  receipts: [number, number, number][];
};

const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WALK = ["park", "community_centre", "internet_cafe"];
const JOIN_TIMEOUT_MS = 20_000;

const rooms: { room: Room; seatId: string; index: number }[] = [];

async function join(message: SwarmJoin): Promise<void> {
  const joinTimes: number[] = [];
  let failures = 0;
  for (let i = 0; i < message.count; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, message.count - i) }, async (_, k) => {
        const index = message.first + i + k;
        const started = now();
        try {
          const welcome = await Promise.race([
            joinPlayer(message.url, message.code, botNickname(index)).then(async (joined) => {
              rooms.push({ room: joined.room, seatId: "", index });
              return joined.welcome;
            }),
            sleep(JOIN_TIMEOUT_MS).then(() => Promise.reject(new Error("join timed out"))),
          ]);
          joinTimes.push(now() - started);
          const mine = rooms.find((r) => r.index === index);
          if (mine) mine.seatId = welcome.as === "player" ? welcome.seatId : "";
        } catch {
          failures++;
        }
      }),
    );
  }
  // a client that joined but never got its welcome counts as failed and takes no part
  for (let i = rooms.length - 1; i >= 0; i--) if (rooms[i]!.seatId === "") rooms.splice(i, 1);
  process.send!({ type: "joined", joinTimes, failures } satisfies SwarmJoined);
}

async function run(message: SwarmRun): Promise<void> {
  const sends: SwarmResults["sends"] = [];
  const replies: number[] = [];
  const receipts: SwarmResults["receipts"] = [];
  let commands = 0;
  for (const { room, index } of rooms) {
    let seen = (room.state as { seq: number }).seq;
    room.onStateChange((state: { seq: number }) => {
      const at = now();
      for (let s = seen + 1; s <= state.seq; s++) receipts.push([s, at, index]);
      seen = Math.max(seen, state.seq);
    });
  }
  const deadline = now() + message.seconds * 1000;
  const period = 1000 / message.rate;
  await Promise.all(
    rooms.map(async ({ room, seatId, index }) => {
      await sleep(Math.random() * period);
      for (let step = 0; now() < deadline; step++) {
        const role = (room.state as { players: Map<string, { role: string }> }).players.get(seatId)?.role;
        const body = role === "observer" ? { kind: "write_note", text: `note ${step}` } : { kind: "move", to: WALK[step % WALK.length] };
        const at = now();
        commands++;
        const reply = (await room.request("cmd", { id: `${index}-${step}`, ...body }, { timeout: 5000 }).catch(() => undefined)) as CommandReply | undefined;
        if (reply) {
          replies.push(now() - at);
          if (reply.ok) sends.push([reply.seq, at, index]);
        }
        await sleep(period * (0.5 + Math.random()));
      }
    }),
  );
  await sleep(500); // let the last patches arrive
  const file = joinPath(tmpdir(), `gs-swarm-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ sends, replies, commands, receipts } satisfies SwarmResults));
  process.send!({ type: "done", file } satisfies SwarmDone);
  await Promise.race([Promise.all(rooms.map(({ room }) => room.leave().catch(() => {}))), sleep(2000)]);
}

process.on("message", (message: SwarmJoin | SwarmRun) => {
  if (message.type === "join") void join(message);
  else
    void run(message).then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`swarm failed: ${error.stack ?? error.message}`);
        process.exit(1);
      },
    );
});
