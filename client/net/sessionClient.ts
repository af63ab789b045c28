/**
 * A Colyseus client that lets the caller put message handlers on a room before it connects.
 * Messages the server sends right after the join (the welcome) can arrive in the same network
 * read as the join's answer; handlers added after `joinById` resolves would miss them.
 */
import { Client, type Room } from "@colyseus/sdk";

export class SessionClient extends Client {
  constructor(
    endpoint: string,
    private readonly prepare: (room: Room) => void,
  ) {
    super(endpoint);
  }

  override createRoom<T>(roomName: string, rootSchema?: never): Room<T> {
    const room = super.createRoom(roomName, rootSchema) as Room<T>;
    this.prepare(room as Room);
    return room;
  }
}
