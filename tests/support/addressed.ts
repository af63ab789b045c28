/**
 * Clients that claim an address: an X-Forwarded-For header on the join request and on the
 * socket. A server with TRUST_PROXY=1 believes it (as behind one reverse proxy), which lets one
 * test process play many devices; a server without TRUST_PROXY must ignore it.
 */
import { Client, type Room } from "@colyseus/sdk";
import { PROTOCOL_VERSION, type Welcome } from "../../shared/protocol/index.ts";
import { joinProblem, type JoinProblem } from "../../client/net/refusals.ts";
import { seatToken, type Joined } from "./clients.ts";

class AddressedClient extends Client {
  constructor(
    endpoint: string,
    address: string,
    private readonly prepare: (room: Room) => void,
  ) {
    super(endpoint, { headers: { "x-forwarded-for": address } });
  }

  override createRoom<T>(roomName: string, rootSchema?: never): Room<T> {
    const room = super.createRoom(roomName, rootSchema) as Room<T>;
    this.prepare(room as Room);
    return room;
  }
}

export async function joinFrom(address: string, url: string, code: string, options: Record<string, unknown>): Promise<Joined> {
  let welcomed: (w: Welcome) => void = () => {};
  const welcome = new Promise<Welcome>((resolve) => (welcomed = resolve));
  const client = new AddressedClient(url, address, (room) => {
    room.onMessage("welcome", (w: Welcome) => welcomed(w));
    room.onMessage("farewell", () => {});
  });
  const room = await client.joinById(code, { v: PROTOCOL_VERSION, ...options });
  return { room, welcome };
}

export function playerFrom(address: string, url: string, code: string, nickname: string, token = seatToken()): Promise<Joined> {
  return joinFrom(address, url, code, { as: "player", seatToken: token, nickname });
}

/** Tries to join from `address`; the reason it was refused (fails the test if it was not). */
export async function refusalFrom(address: string, url: string, code: string, options: Record<string, unknown>): Promise<JoinProblem> {
  try {
    const joined = await joinFrom(address, url, code, options);
    await joined.room.leave();
  } catch (error) {
    return joinProblem(error);
  }
  throw new Error("the join was expected to be refused");
}
