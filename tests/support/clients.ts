/** Real Colyseus clients (the browser SDK, run in Node) joining a test server. */
import type { Room } from "@colyseus/sdk";
import { SessionClient } from "../../client/net/sessionClient.ts";
import { randomBytes } from "node:crypto";
import { PROTOCOL_VERSION, type Welcome } from "../../shared/protocol/index.ts";
import { joinProblem, type JoinProblem } from "../../client/net/refusals.ts";

export function seatToken(): string {
  return randomBytes(24).toString("base64url");
}

export type Joined = { room: Room; welcome: Promise<Welcome> };

export async function joinAs(url: string, code: string, options: Record<string, unknown>): Promise<Joined> {
  let welcomed: (w: Welcome) => void = () => {};
  const welcome = new Promise<Welcome>((resolve) => (welcomed = resolve));
  const client = new SessionClient(url, (room) => {
    room.onMessage("welcome", (w: Welcome) => welcomed(w));
    room.onMessage("farewell", () => {});
  });
  const room = await client.joinById(code, { v: PROTOCOL_VERSION, ...options });
  return { room, welcome };
}

export function joinPlayer(url: string, code: string, nickname: string, token = seatToken()): Promise<Joined> {
  return joinAs(url, code, { as: "player", seatToken: token, nickname });
}

export function joinHost(url: string, code: string, hostToken: string): Promise<Joined> {
  return joinAs(url, code, { as: "host", hostToken });
}

/** Tries to join and returns why it was refused (fails the test if it was not). */
export async function refusal(url: string, code: string, options: Record<string, unknown>): Promise<JoinProblem> {
  try {
    const joined = await joinAs(url, code, options);
    await joined.room.leave();
  } catch (error) {
    return joinProblem(error);
  }
  throw new Error("the join was expected to be refused");
}

export function closed(room: Room): Promise<number> {
  return new Promise((resolve) => room.onLeave((code) => resolve(code)));
}
