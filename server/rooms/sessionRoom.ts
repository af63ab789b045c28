/**
 * One session = one Colyseus room whose id is the join code. The room stays thin: admission
 * decides who enters; every command — from a page, a bot or the room clock — takes one path
 * (`gate`): schema → actor → duplicate id → decide → (store) → show → reply. A command is decided
 * on every command accepted before it, stored or not yet (ledger.ts); players see it, and its
 * sender gets the reply, once the store has taken it. The rules
 * live in shared/ (lobby, rules, session); this file only connects them to sockets and time.
 */
import { randomInt } from "node:crypto";
import { CloseCode, Room, RoomInternalState, matchMaker, SchemaSerializer, type AuthContext, type Client, type Serializer } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { COMMAND, CloseReason, Notice, type CommandReply, type Farewell, type Welcome } from "../../shared/protocol/index.ts";
import type { Reason } from "../../shared/reasons.ts";
import { replaySession, type Session, type SessionEvent } from "../../shared/session/index.ts";
import { SEATS_PER_PLAYER_PLACE } from "../../shared/lobby/lobby.ts";
import { CLOCK, DOOR, HOST, createRng, phaseDeadline, seatActor, studentActor, type Actor, type Ctx } from "../../shared/rules/index.ts";
import { CommandSchema, HOST_KINDS, decideSession, type Fresh, type WireCommand } from "../../shared/commands/index.ts";
import { figuresOf, type Figures } from "../../shared/district/figures.ts";
import { admit, heldSeat, refuse, type Admitted, type HeldSeat } from "./admission.ts";
import { SessionState } from "./sessionState.ts";
import { HOST_VIEW, rulebookJson, syncPrivate, syncPublic } from "./stateSync.ts";
import { roomServices } from "./services.ts";
import { SharedPatchSerializer } from "./sharedPatches.ts";
import { PATCH_MS, patchRound } from "./patchRound.ts";
import type { AppendExtras, SessionRecord } from "../store/store.ts";
import { Ledger, type Decided } from "./ledger.ts";
import { newSeatId } from "../tokens.ts";
import { BotDriver } from "./bots.ts";
import { BOARDS_PER_ADDRESS, BOARDS_PER_SESSION, CONNECTION_SLACK, HOSTS_PER_SESSION, RESERVATION_SECONDS, RESERVATIONS_PER_SESSION, UNUSED_SEATS_PER_ADDRESS, makeWay } from "./crowd.ts";

export type SessionRoomOptions = { code: string };

/** Who a connection is, and the address it came from (the door settled it: socket or trusted proxy). */
type Auth = Admitted & { address: string };

/** WebSocket's readyState while a connection is open (CLOSING and CLOSED come after). */
const WS_OPEN = 1;

/** How often the room looks at its clock (phase deadlines) and lets bots think. */
const TICK_MS = 250;
/** An ended game's room stays open this long after its last client left (for late looks at the ending). */
const ENDED_ROOM_IDLE_MS = 10 * 60 * 1000;

export class SessionRoom extends Room<{ state: SessionState }> {
  override state = new SessionState();
  override autoDispose = false;
  override maxMessagesPerSecond = roomServices().config.messagesPerSecond;

  private services = roomServices();
  private record!: SessionRecord;
  private ledger!: Ledger;
  /** Seat id → the one connection currently holding it. */
  private seated = new Map<string, Client>();
  private hosts = new Set<Client>();
  /** The address each seat was last taken from (memory only: addresses are never stored). */
  private seatAddress = new Map<string, string>();
  /** Seats admitted whose connection has not joined yet: neither connected nor unused. */
  private arriving = new Set<string>();
  /**
   * Every acknowledged command id of the session (its reply key) and the seq it reached, read from
   * the store when the room opens: a retry — after a reconnect, or a restart — is answered, not
   * applied again, for the life of the session, without asking the store.
   */
  private acknowledged = new Map<string, number>();
  /** Commands decided and waiting for the store, by reply key: a retry meanwhile waits for the same reply. */
  private waiting = new Map<string, Promise<CommandReply>>();
  private bots!: BotDriver;
  private stale = true;
  /** Seats whose private views events changed since the last patch ("all": every seat's). */
  private touched: Set<string> | "all" = "all";
  /** When the last client left an ended game (the room then closes after ENDED_ROOM_IDLE_MS). */
  private idleSince = Date.now();
  /** Event tickets seats joined with, by seat (not stored: only moves before the start use them). */
  private readonly tickets = new Map<string, string>();

  override async onCreate(options: SessionRoomOptions): Promise<void> {
    // one room per session across processes: this process must hold the session (holders.ts)
    if (!(await this.services.holders.claim(options.code, matchMaker.processId))) throw new Error(`session ${options.code} is held by another process`);
    this.holding = options.code;
    try {
      await this.open(options);
    } catch (error) {
      await this.letGo();
      throw error;
    }
  }

  override async onDispose(): Promise<void> {
    patchRound.leave(this);
    await this.letGo();
  }

  /** The session this room holds (holders.ts), released when the room closes. */
  private holding: string | undefined;

  private async letGo(): Promise<void> {
    const code = this.holding;
    this.holding = undefined;
    if (code) await this.services.holders.release(code, matchMaker.processId).catch(() => {});
  }

  private async open(options: SessionRoomOptions): Promise<void> {
    const record = await this.services.store.sessionByCode(options.code);
    if (!record) throw new Error("a session room needs a stored session");
    this.record = record;
    this.roomId = record.code;
    const stored = await this.services.store.events(record.id);
    this.acknowledged = await this.services.store.acknowledged(record.id);
    this.ledger = new Ledger(replaySession(stored.map((e) => e.data as SessionEvent)), stored.at(-1)?.seq ?? 0);
    // players and observers (capped by the lobby's seats), hosts and boards (capped in crowd.ts)
    this.maxClients = this.session.lobby.maxPlayers * SEATS_PER_PLAYER_PLACE + BOARDS_PER_SESSION + HOSTS_PER_SESSION + CONNECTION_SLACK;
    this.seatReservationTimeout = RESERVATION_SECONDS;
    this.state.rulebook = rulebookJson(this.shown.game);
    this.bots = new BotDriver(this.services.config.botThinkMs, (seatId, command) => this.gate(seatActor(seatId), command, false));
    if (this.session.game.phase === "ended" && record.endedAt === null) void this.markEnded(this.services.now()); // ended before we marked endings
    this.onBeforePatch();
    this.onMessage(COMMAND, (client, payload) => this.fromClient(client, payload));
    // The room's clock (phase deadlines, bots, the message-rate window) ticks on a timer of its
    // own; patches go out in the process's patch round (patchRound.ts), not on a timer per room.
    this.setTimestep(() => {}, PATCH_MS);
    this.patchRate = null;
    patchRound.join(this);
    this.clock.setInterval(() => this.tick(), TICK_MS);
    this.services.log.info({ code: record.code, events: stored.length, phase: this.session.game.phase }, "session room open");
  }

  /** The patch round's turn for this room (patchRound.ts): its patch, a failure logged like a handler's. */
  patchTurn(): void {
    try {
      this.broadcastPatch();
    } catch (error) {
      this.onUncaughtException(error as Error, "broadcastPatch");
    }
  }

  /** Colyseus picks the schema serializer when the state is set: ours sends shared patches where a private view adds nothing (sharedPatches.ts). */
  override setSerializer(serializer: Serializer<SessionState>): void {
    super.setSerializer(serializer instanceof SchemaSerializer ? new SharedPatchSerializer<SessionState>() : serializer);
  }

  /**
   * Seat reservations (a join request whose socket has not arrived yet) do not count against the
   * people in the room: they expire within RESERVATION_SECONDS, and the door limits how many one
   * address can ask for. Only a room holding as many connections as it can refuses more.
   */
  override hasReachedMaxClients(): boolean {
    const reserved = Object.keys((this as unknown as { _reservedSeats: object })._reservedSeats).length;
    return this.clients.length >= this.maxClients || reserved >= RESERVATIONS_PER_SESSION || this.disposing();
  }

  private disposing(): boolean {
    return (this as unknown as { _internalState: number })._internalState === RoomInternalState.DISPOSING;
  }

  override async onAuth(client: Client, options: unknown, context: AuthContext): Promise<Auth> {
    const address = context.ip ?? "unknown";
    // the host (checked by token below) is not locked out by others' guesses from the same address
    const claimsHost = (options as { as?: unknown } | null)?.as === "host";
    if (!claimsHost && (await this.services.refusedJoins.exhausted(address))) throw refuse({ reason: "too_many_attempts" });
    let held: HeldSeat | undefined;
    try {
      held = await heldSeat(options, this.record, this.services.store);
    } catch (error) {
      this.services.log.error({ code: this.record.code, err: { message: (error as Error).message } }, "could not look up a seat token");
      throw refuse({ reason: "storage_unavailable" });
    }
    // from here to the commit, no wait: the join is decided and its seat stored on the lobby as it is
    const at = this.services.now();
    const admitted = admit(options, held, this.session.lobby, this.record, at);
    const refused = (reason: Reason, suggestion?: string) => {
      void this.services.refusedJoins.take(address);
      this.services.log.info({ code: this.record.code, reason }, "join refused");
      return refuse(suggestion ? { reason, suggestion } : { reason });
    };
    if ("reason" in admitted) throw refused(admitted.reason, admitted.suggestion);
    const result: Auth = { ...admitted, address };
    // a flood of seats joined and left from one address stops here (not counted as a guess)
    if (result.as === "player" && result.joined && this.unusedSeatsFrom(address) >= UNUSED_SEATS_PER_ADDRESS) {
      this.services.log.info({ code: this.record.code, reason: "too_many_unused_seats" }, "join refused");
      throw refuse({ reason: "too_many_unused_seats" });
    }
    if (result.as === "player" && result.joined) {
      // A new seat joins the lobby and, in the same stored step, the game (late joiners observe).
      const seat = result.joined.events[0];
      const nickname = seat && seat.type === "seat_joined" ? seat.nickname : "";
      const added = decideSession(this.session, DOOR, { kind: "add_seat", seat: result.seatId, nickname, bot: null }, this.ctx(at), this.fresh);
      if (!added.ok) throw refused(added.reason);
      const stored = await this.commit([...result.joined.events, ...added.events], at, { seat: { tokenHash: result.tokenHash, seatId: result.seatId } });
      if (!stored.ok) {
        throw refused("storage_unavailable");
      }
      this.services.log.info({ code: this.record.code, seatId: result.seatId }, "seat joined");
    }
    if (result.as === "player") {
      const ticket = (options as { ticket?: unknown }).ticket;
      if (typeof ticket === "string") this.tickets.set(result.seatId, ticket);
      this.seatAddress.set(result.seatId, address);
      this.arriving.add(result.seatId);
    }
    void client;
    return result;
  }

  override onJoin(client: Client, _options: unknown, auth: Auth): void {
    this.attachView(client, auth);
    let welcome: Welcome;
    if (auth.as === "player") {
      this.seat(client, auth.seatId);
      this.arriving.delete(auth.seatId);
      welcome = { as: "player", seatId: auth.seatId, nickname: this.shown.lobby.seats[auth.seatId]?.nickname ?? "", code: this.record.code };
    } else if (auth.as === "host") {
      this.makeWay(client, auth, HOSTS_PER_SESSION, HOSTS_PER_SESSION, "replaced");
      this.hosts.add(client);
      this.sync();
      welcome = { as: "host", code: this.record.code, scenarioId: this.record.scenarioId };
    } else {
      this.makeWay(client, auth, BOARDS_PER_SESSION, BOARDS_PER_ADDRESS, "board_replaced");
      welcome = { as: "board", code: this.record.code };
    }
    client.send(Notice.welcome, welcome);
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    // A client thrown out for flooding or hostile input gets no reconnection window.
    if (code === CloseCode.WITH_ERROR) return this.forget(client);
    this.forget(client);
    try {
      await this.allowReconnection(client, this.services.config.reconnectSeconds);
    } catch {
      // the window closed; the seat token brings the player back later
    }
  }

  override onReconnect(client: Client): void {
    const auth = client.auth as Auth | undefined;
    if (!auth) return;
    this.attachView(client, auth);
    if (auth.as === "host") {
      this.hosts.add(client);
      this.sync();
    }
    if (auth.as !== "player") return;
    const seat = this.session.lobby.seats[auth.seatId];
    if (!seat || seat.kicked) throw new Error("seat no longer held");
    this.seat(client, auth.seatId);
  }

  override onLeave(client: Client): void {
    this.forget(client);
  }

  /** Server going down on purpose (SIGTERM): say so, so pages show "restarting" and come back. */
  override onBeforeShutdown(): void {
    this.broadcast(Notice.farewell, { reason: "server_restarting" } satisfies Farewell);
    super.onBeforeShutdown();
  }

  /** The event's console: a host command, checked and decided as the neighbourhood's own console's would be. */
  fromEvent(raw: unknown): CommandReply | Promise<CommandReply> {
    const parsed = CommandSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, reason: "invalid_command" };
    if (!HOST_KINDS.has(parsed.data.kind)) return { ok: false, reason: "not_allowed" };
    return this.gate(HOST, parsed.data, true);
  }

  /** The neighbourhood's key figures, for the event's board and console. */
  figures(): Figures {
    return figuresOf(this.shown);
  }

  /** Whether the facilitator locked the room (an event then places nobody new here). */
  isLocked(): boolean {
    return this.shown.lobby.locked;
  }

  /** The event ticket a seat joined with (known since this room opened), for moving its placement. */
  ticketOf(seatId: string): string | null {
    return this.tickets.get(seatId) ?? null;
  }

  /** The host deleted the session: everyone is told, then the room closes for good. */
  async endForGood(): Promise<void> {
    this.broadcast(Notice.farewell, { reason: "session_ended" } satisfies Farewell);
    await this.disconnect(CloseReason.sessionEnded);
  }

  /** A handler that throws is logged; the room and its game carry on. */
  override onUncaughtException(error: Error, methodName: string): void {
    // A refused join is logged (without its details) where it is decided; it is no failure.
    if (methodName === "onAuth") return;
    this.services.log.error({ code: this.record?.code, method: methodName, err: { message: error.message, stack: error.stack } }, "room handler failed");
  }

  /** The room's read-only session as stored (what players see), for tests and the debrief. */
  get current(): Session {
    return this.ledger.stored;
  }

  /** What commands are decided on: every command accepted so far, stored or not yet. */
  private get session(): Session {
    return this.ledger.decided;
  }

  /** What players are shown: the session as stored. */
  private get shown(): Session {
    return this.ledger.stored;
  }

  private fromClient(client: Client, payload: unknown): CommandReply | Promise<CommandReply> {
    // A connection the room (or Colyseus) has begun to close — hostile input, an unknown message
    // type, a kick — may still have messages in flight behind the one that ended it: none counts.
    const readyState = (client as Client & { readyState?: number }).readyState;
    if (readyState !== undefined && readyState !== WS_OPEN) return { ok: false, reason: "not_allowed" };
    const actor = this.actorOf(client);
    if (!actor) return { ok: false, reason: "not_allowed" };
    const parsed = CommandSchema.safeParse(payload);
    if (!parsed.success) {
      // Our own pages never send a malformed command: treat it as hostile.
      this.services.log.warn({ code: this.record.code }, "malformed command; disconnecting");
      this.dismiss(client, "malformed", CloseCode.WITH_ERROR);
      return { ok: false, reason: "malformed" };
    }
    return this.gate(actor, parsed.data, true);
  }

  /**
   * The one path every command takes. `validated` says the command already passed the protocol
   * schema (clients' commands have; bots' and the clock's are checked here, as a bug guard).
   */
  private gate(actor: Actor, raw: WireCommand | Record<string, unknown>, validated: boolean): CommandReply | Promise<CommandReply> {
    let command: WireCommand;
    if (validated) command = raw as WireCommand;
    else {
      const parsed = CommandSchema.safeParse(raw);
      if (!parsed.success) {
        this.services.log.error({ code: this.record.code, kind: String(raw.kind) }, "internal command failed its schema");
        return { ok: false, reason: "malformed" };
      }
      command = parsed.data;
    }
    // a bot's ids are its driver's, kept apart from those of the student whose seat it may play
    const replyKey = `${actor.kind !== "seat" ? actor.kind : actor.student ? actor.seat : "bot"}:${command.id}`;
    const waiting = this.waiting.get(replyKey);
    if (waiting) return waiting;
    const answered = this.acknowledged.get(replyKey);
    if (answered !== undefined) return { ok: true, seq: answered };

    const at = this.services.now();
    const outcome = decideSession(this.session, actor, command, this.ctx(at), this.fresh);
    // A rejection is not remembered: it changed nothing, so a retry of the same id is decided
    // afresh — refused again for the same reason, or applied once if the reason has gone (the
    // sender still wants it, and it has not been applied). Only an acknowledgement is final.
    if (!outcome.ok) return outcome;
    // Acknowledged with nothing to apply: still stored by id, so a retry after the game moved on is not decided again.
    if (outcome.events.length === 0 && !validated) return { ok: true, seq: this.ledger.lastDecidedSeq };
    const reply = this.commit(outcome.events, at, validated ? { commandKey: replyKey } : {}).then((stored): CommandReply => {
      this.waiting.delete(replyKey);
      // not remembered when not stored: a retry may succeed
      if (!stored.ok) return { ok: false, reason: "storage_unavailable" };
      const answer: CommandReply = { ok: true, seq: stored.seq };
      if (validated) this.acknowledged.set(replyKey, stored.seq);
      // "Clear unused seats" also drops the seat reservations whose socket never arrived (they are
      // Colyseus's, not the session's: nothing to store, so no event carries this part)
      if (command.kind === "clear_unused_seats") this.dropUnusedReservations();
      return answer;
    });
    this.waiting.set(replyKey, reply);
    return reply;
  }

  /** Decide, store, then show: the events reach players, and what they mean for connections is carried out. */
  private async commit(events: SessionEvent[], at: number, extras: AppendExtras = {}): Promise<{ ok: true; seq: number } | { ok: false }> {
    const moved = events.find((e) => e.type === "seat_moved");
    if (moved) extras = { ...extras, moveSeat: { from: moved.from, to: moved.to } };
    const decided = this.ledger.decide(events);
    try {
      await this.services.store.append(this.record.id, decided.firstSeq, events, at, extras);
    } catch (error) {
      this.services.log.error({ code: this.record.code, err: { message: (error as Error).message } }, "could not store events");
      this.ledger.rollBack();
      return { ok: false };
    }
    if (!this.ledger.confirm(decided)) return { ok: false };
    this.show(decided, at);
    return { ok: true, seq: decided.lastSeq };
  }

  /** Stored events reach players: views to rebuild, the rulebook, and what the events mean for connections. */
  private show({ events, before, after, touched }: Decided, at: number): void {
    if (events.length === 0) return;
    this.touch(touched);
    if (after.game.scenario !== before.game.scenario) this.state.rulebook = rulebookJson(after.game);
    for (const event of events) {
      if (event.type === "seat_kicked") {
        const client = this.seated.get(event.seatId);
        this.seated.delete(event.seatId);
        if (client) this.dismiss(client, "kicked", CloseReason.kicked);
        this.services.log.info({ code: this.record.code, seatId: event.seatId }, "seat kicked");
      }
      if (event.type === "seat_released") {
        this.seatAddress.delete(event.seatId);
        this.services.log.info({ code: this.record.code, seatId: event.seatId }, "unused seat released");
      }
      if (event.type === "boards_removed") {
        const boards = this.clients.filter((c) => (c.auth as Auth | undefined)?.as === "board");
        for (const board of boards) this.dismiss(board, "board_removed", CloseReason.kicked);
        this.services.log.info({ code: this.record.code, boards: boards.length }, "boards removed");
      }
      if (event.type === "seat_moved") {
        // the page joins again with its seat token, which now holds the bot's seat
        const client = this.seated.get(event.from);
        this.seated.delete(event.from);
        if (client) this.dismiss(client, "seat_moved", CloseReason.seatMoved);
      }
      if (event.type === "seat_sent") {
        // the page joins the other neighbourhood with the same nickname (the farewell says which)
        const client = this.seated.get(event.seatId);
        this.seated.delete(event.seatId);
        this.seatAddress.delete(event.seatId);
        if (client) {
          client.send(Notice.farewell, { reason: "sent_away", to: event.to } satisfies Farewell);
          client.leave(CloseReason.sentAway, "sent_away");
        }
        this.services.log.info({ code: this.record.code, seatId: event.seatId, to: event.to }, "player sent to another neighbourhood");
      }
      if (event.type === "seat_stepped_out") this.services.log.info({ code: this.record.code, seatId: event.seatId }, "a player asked to step out");
    }
    if (after.game.phase === "ended" && this.record.endedAt === null) void this.markEnded(at);
    this.sync();
  }

  /**
   * The game is over: the store stops counting the session as open (so it neither fills the
   * server's session limit nor reopens after a restart); its log stays for the debrief until
   * retention deletes it.
   */
  private async markEnded(at: number): Promise<void> {
    try {
      await this.services.store.endSession(this.record.id, at);
      this.record = { ...this.record, endedAt: at };
    } catch (error) {
      this.services.log.error({ code: this.record.code, err: { message: (error as Error).message } }, "could not mark the session ended");
    }
  }

  /** Phase deadlines and bots, on the room's clock; an ended room nobody looks at closes. */
  private tick(): void {
    const game = this.session.game;
    if (game.phase === "ended") {
      if (this.clients.length > 0) this.idleSince = this.services.now();
      else if (this.services.now() - this.idleSince > ENDED_ROOM_IDLE_MS) void this.disconnect();
      return;
    }
    const running = game.phase !== "lobby";
    const deadline = phaseDeadline(game);
    if (running && !game.paused && deadline !== null && this.services.now() >= deadline) {
      void this.gate(CLOCK, { id: `clock-${this.ledger.lastDecidedSeq}`, kind: "advance", from: { day: game.day, phase: game.phase } }, false);
    }
    if (running && !game.paused) this.bots.tick(() => this.session, this.services.now());
  }

  private ctx(now: number): Ctx {
    return { now, rng: createRng(randomInt(2 ** 31)) };
  }

  /** What the room draws for commands that create something, and who is connected. */
  private readonly fresh: Fresh = {
    seatId: (session) => freshSeatId(session),
    botName: (session) => this.bots.name(session),
    present: () => new Set([...this.seated.keys(), ...this.arriving]),
  };

  private actorOf(client: Client): Actor | undefined {
    const auth = client.auth as Auth | undefined;
    if (!auth) return undefined;
    if (auth.as === "player") return this.seated.get(auth.seatId) === client ? studentActor(auth.seatId) : undefined;
    return auth.as === "host" ? HOST : { kind: "board" };
  }

  private attachView(client: Client, auth: Auth): void {
    const key = auth.as === "player" ? auth.seatId : auth.as === "host" ? HOST_VIEW : undefined;
    client.view = new StateView();
    if (!key) return;
    syncPrivate(this.state, this.shown, [key]);
    const view = this.state.views.get(key);
    if (view) client.view.add(view);
  }

  private seat(client: Client, seatId: string): void {
    const previous = this.seated.get(seatId);
    if (previous && previous !== client) this.dismiss(previous, "replaced", CloseReason.replaced);
    this.seated.set(seatId, client);
    this.sync();
  }

  private dismiss(client: Client, reason: Reason, closeCode: number): void {
    client.send(Notice.farewell, { reason } satisfies Farewell);
    client.leave(closeCode, reason);
  }

  /**
   * A new host console or board joined: the oldest of its kind close until the caps hold again
   * (per address first, so one address only ever replaces its own boards).
   */
  private makeWay(newcomer: Client, auth: Auth, perSession: number, perAddress: number, reason: Reason): void {
    const held = this.clients
      .filter((c) => c !== newcomer && (c.auth as Auth | undefined)?.as === auth.as)
      .map((c) => ({ item: c, address: (c.auth as Auth).address }));
    for (const old of makeWay(held, auth.address, perSession, perAddress)) this.dismiss(old, reason, CloseReason.replaced);
  }

  /**
   * Drops every seat reservation that was never used (not a player's reconnection window). They
   * expire by themselves within RESERVATION_SECONDS; this is for a facilitator who wants it now.
   */
  private dropUnusedReservations(): void {
    const colyseus = this as unknown as { _reservedSeats: Record<string, [unknown, unknown, boolean, boolean]>; _reservedSeatTimeouts: Record<string, NodeJS.Timeout | undefined> };
    let dropped = 0;
    for (const [sessionId, [, , consumed, reconnection]] of Object.entries(colyseus._reservedSeats)) {
      if (consumed || reconnection) continue;
      clearTimeout(colyseus._reservedSeatTimeouts[sessionId]);
      delete colyseus._reservedSeatTimeouts[sessionId];
      delete colyseus._reservedSeats[sessionId];
      dropped++;
    }
    if (dropped > 0) this.services.log.info({ code: this.record.code, dropped }, "unused seat reservations dropped");
  }

  /** Seats taken from `address` that nobody is connected to now. */
  private unusedSeatsFrom(address: string): number {
    let unused = 0;
    for (const [seatId, from] of this.seatAddress) {
      const seat = this.session.lobby.seats[seatId];
      if (from === address && seat && !seat.kicked && !this.seated.has(seatId) && !this.arriving.has(seatId)) unused++;
    }
    return unused;
  }

  private forget(client: Client): void {
    const auth = client.auth as Auth | undefined;
    if (auth?.as === "player") this.arriving.delete(auth.seatId);
    if (auth?.as === "player" && this.seated.get(auth.seatId) === client) {
      this.seated.delete(auth.seatId);
      this.sync();
    }
    if (auth?.as === "host") this.hosts.delete(client);
  }

  /**
   * Marks the synced state stale. The copy into the Colyseus state happens once per patch
   * (`onBeforePatch`), so a burst of commands costs one rebuild of each private view, and every
   * patch carries one consistent snapshot of public and private parts.
   */
  private sync(): void {
    this.stale = true;
  }

  /** Notes the seats whose private views an event changed (the facilitator's changes with every event). */
  private touch(seats: ReadonlySet<string> | "all"): void {
    if (this.touched === "all") return;
    if (seats === "all") this.touched = "all";
    else for (const seat of seats) this.touched.add(seat);
  }

  override onBeforePatch(): void {
    // Colyseus's patch timer runs from the room's construction: nothing to show until onCreate has read the log
    if (!this.stale || this.ledger === undefined) return;
    this.stale = false;
    syncPublic(this.state, this.shown, this.seated, this.ledger.lastStoredSeq);
    // only the seats events touched: a seat that (re)connects gets its whole view in attachView
    const touched = this.touched;
    this.touched = new Set();
    const keys: string[] = touched === "all" ? [...this.seated.keys()] : [...touched].filter((seat) => this.seated.has(seat));
    if (this.hosts.size > 0) keys.push(HOST_VIEW);
    syncPrivate(this.state, this.shown, keys);
  }
}

/** A new bot seat id, free in `session`. */
function freshSeatId(session: Session): string {
  for (;;) {
    const id = `b${newSeatId()}`;
    if (!session.game.players[id] && !session.lobby.seats[id]) return id;
  }
}
