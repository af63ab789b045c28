/**
 * One session = one Colyseus room whose id is the join code. The room stays thin: admission
 * decides who enters, the gate runs every command through one ordered path (schema → actor →
 * duplicate id → decide → store → apply → sync → reply), and the lobby rules live in shared/.
 */
import { CloseCode, Room, type AuthContext, type Client } from "@colyseus/core";
import { CommandSchema } from "../../shared/protocol/schemas.ts";
import {
  COMMAND,
  CloseReason,
  Notice,
  type CommandReply,
  type Farewell,
  type Welcome,
} from "../../shared/protocol/index.ts";
import { applyLobby, isRefusal, replayLobby, type LobbyEvent, type LobbyState } from "../../shared/lobby/lobby.ts";
import { decideLobbyCommand, type LobbyActor } from "../../shared/lobby/commands.ts";
import type { Reason } from "../../shared/protocol/reasons.ts";
import { admit, refuse, type Admitted } from "./admission.ts";
import { SessionState } from "./sessionState.ts";
import { syncLobby } from "./stateSync.ts";
import { roomServices } from "./services.ts";
import type { SessionRecord } from "../store/store.ts";
import { RecentReplies } from "./recentReplies.ts";

export type SessionRoomOptions = { code: string };

type Auth = Admitted;

export class SessionRoom extends Room<{ state: SessionState }> {
  override state = new SessionState();
  override autoDispose = false;
  override maxMessagesPerSecond = roomServices().config.messagesPerSecond;

  private services = roomServices();
  private session!: SessionRecord;
  private lobby!: LobbyState;
  private seq = 0;
  /** Seat id → the one connection currently holding it. */
  private seated = new Map<string, Client>();
  private replies = new RecentReplies<CommandReply>(1000);

  override onCreate(options: SessionRoomOptions): void {
    const session = this.services.store.sessionByCode(options.code);
    if (!session) throw new Error("a session room needs a stored session");
    this.session = session;
    this.roomId = session.code;
    const stored = this.services.store.events(session.id);
    this.lobby = replayLobby(stored.map((e) => e.data as LobbyEvent));
    this.seq = stored.at(-1)?.seq ?? 0;
    this.maxClients = this.lobby.maxPlayers + 20; // players plus hosts and boards
    this.sync();
    this.onMessage(COMMAND, (client, payload) => this.handleCommand(client, payload));
    this.services.log.info({ code: session.code, events: stored.length }, "session room open");
  }

  override async onAuth(client: Client, options: unknown, context: AuthContext): Promise<Auth> {
    const address = context.ip ?? "unknown";
    if (await this.services.refusedJoins.exhausted(address)) throw refuse({ reason: "too_many_attempts" });
    const result = admit(options, this.lobby, this.session, this.services.store, this.services.now());
    if ("reason" in result) {
      await this.services.refusedJoins.take(address);
      this.services.log.info({ code: this.session.code, reason: result.reason }, "join refused");
      throw refuse(result);
    }
    if (result.as === "player" && result.joined) {
      if (!this.store(result.joined.events, { tokenHash: result.tokenHash, seatId: result.seatId })) {
        throw refuse({ reason: "storage_unavailable" });
      }
      this.services.log.info({ code: this.session.code, seatId: result.seatId }, "seat joined");
    }
    void client;
    return result;
  }

  override onJoin(client: Client, _options: unknown, auth: Auth): void {
    let welcome: Welcome;
    if (auth.as === "player") {
      const previous = this.seated.get(auth.seatId);
      if (previous && previous !== client) this.dismiss(previous, "replaced", CloseReason.replaced);
      this.seated.set(auth.seatId, client);
      const seat = this.lobby.seats[auth.seatId];
      welcome = { as: "player", seatId: auth.seatId, nickname: seat?.nickname ?? "", code: this.session.code };
      this.sync();
    } else if (auth.as === "host") {
      welcome = { as: "host", code: this.session.code, scenarioId: this.session.scenarioId };
    } else {
      welcome = { as: "board", code: this.session.code };
    }
    client.send(Notice.welcome, welcome);
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    // A client thrown out for flooding or hostile input gets no reconnection window.
    if (code === CloseCode.WITH_ERROR) return this.forget(client);
    const auth = client.auth as Auth | undefined;
    if (auth?.as === "player" && this.seated.get(auth.seatId) === client) {
      this.seated.delete(auth.seatId);
      this.sync();
    }
    try {
      await this.allowReconnection(client, this.services.config.reconnectSeconds);
    } catch {
      // the window closed; the seat token brings the player back later
    }
  }

  override onReconnect(client: Client): void {
    const auth = client.auth as Auth | undefined;
    if (auth?.as !== "player") return;
    const seat = this.lobby.seats[auth.seatId];
    if (!seat || seat.kicked) throw new Error("seat no longer held");
    const previous = this.seated.get(auth.seatId);
    if (previous && previous !== client) this.dismiss(previous, "replaced", CloseReason.replaced);
    this.seated.set(auth.seatId, client);
    this.sync();
  }

  override onLeave(client: Client): void {
    this.forget(client);
  }

  /** Server going down on purpose (SIGTERM): say so, so pages show "restarting" and come back. */
  override onBeforeShutdown(): void {
    this.broadcast(Notice.farewell, { reason: "server_restarting" } satisfies Farewell);
    super.onBeforeShutdown();
  }

  /** The host deleted the session: everyone is told, then the room closes for good. */
  async endForGood(): Promise<void> {
    this.broadcast(Notice.farewell, { reason: "session_ended" } satisfies Farewell);
    await this.disconnect(CloseReason.sessionEnded);
  }

  override onUncaughtException(error: Error, methodName: string): void {
    // A refused join is logged (without its details) where it is decided; it is no failure.
    if (methodName === "onAuth") return;
    this.services.log.error({ code: this.session?.code, method: methodName, err: { message: error.message, stack: error.stack } }, "room handler failed");
  }

  /** The gate: every command takes this path, in this order. */
  private handleCommand(client: Client, payload: unknown): CommandReply {
    const parsed = CommandSchema.safeParse(payload);
    if (!parsed.success) {
      // Our own client never sends a malformed command: treat it as hostile.
      this.services.log.warn({ code: this.session.code }, "malformed command; disconnecting");
      this.dismiss(client, "malformed", CloseCode.WITH_ERROR);
      return { ok: false, reason: "malformed" };
    }
    const command = parsed.data;
    const actor = this.actorOf(client);
    if (!actor) return { ok: false, reason: "not_allowed" };
    const replyKey = `${actor.as === "player" ? actor.seatId : actor.as}:${command.id}`;
    const earlier = this.replies.get(replyKey);
    if (earlier) return earlier;

    const decision = decideLobbyCommand(this.lobby, actor, command, this.services.now());
    const reply = isRefusal(decision)
      ? ({ ok: false, reason: decision.reason, ...(decision.suggestion ? { suggestion: decision.suggestion } : {}) } as CommandReply)
      : this.commit(decision.events);
    if (reply.ok || reply.reason !== "storage_unavailable") this.replies.set(replyKey, reply);
    return reply;
  }

  /** Store, then apply, then sync, then carry out what the events mean for connections. */
  private commit(events: LobbyEvent[]): CommandReply {
    if (!this.store(events)) return { ok: false, reason: "storage_unavailable" };
    for (const event of events) {
      if (event.type === "seat_kicked") {
        const client = this.seated.get(event.seatId);
        this.seated.delete(event.seatId);
        if (client) this.dismiss(client, "kicked", CloseReason.kicked);
        this.services.log.info({ code: this.session.code, seatId: event.seatId }, "seat kicked");
      }
    }
    this.sync();
    return { ok: true, seq: this.seq };
  }

  /** Appends to the log and applies to the lobby; false (and nothing changed) if storing failed. */
  private store(events: LobbyEvent[], seat?: { tokenHash: string; seatId: string }): boolean {
    try {
      this.seq = this.services.store.append(this.session.id, events, seat);
    } catch (error) {
      this.services.log.error({ code: this.session.code, err: { message: (error as Error).message } }, "could not store events");
      return false;
    }
    this.lobby = events.reduce(applyLobby, this.lobby);
    this.sync();
    return true;
  }

  private actorOf(client: Client): LobbyActor | undefined {
    const auth = client.auth as Auth | undefined;
    if (!auth) return undefined;
    if (auth.as === "player") return this.seated.get(auth.seatId) === client ? { as: "player", seatId: auth.seatId } : undefined;
    return { as: auth.as };
  }

  private dismiss(client: Client, reason: Reason, closeCode: number): void {
    const farewell: Farewell = { reason };
    client.send(Notice.farewell, farewell);
    client.leave(closeCode, reason);
  }

  private forget(client: Client): void {
    const auth = client.auth as Auth | undefined;
    if (auth?.as === "player" && this.seated.get(auth.seatId) === client) {
      this.seated.delete(auth.seatId);
      this.sync();
    }
  }

  private sync(): void {
    syncLobby(this.state, this.lobby, new Set(this.seated.keys()), this.seq);
  }
}
