/**
 * The one place the pages talk to the server. A Link holds a joined session: it turns the
 * Colyseus state into plain lobby data, sends commands with ids (retried once after a reconnect,
 * answered once thanks to the id), and keeps the player in their seat — Colyseus reconnection for
 * short drops, and the seat token (a fresh join that reclaims the seat) after a server restart.
 */
import type { Client, Room } from "@colyseus/sdk";
import { SessionClient } from "./sessionClient.ts";
import {
  COMMAND,
  CloseReason,
  Notice,
  type WireCommand,
  type CommandReply,
  type Farewell,
  type JoinRequest,
  type Welcome,
} from "../../shared/protocol/index.ts";
import type { Reason } from "../../shared/reasons.ts";
import { isFinal, joinProblem, type JoinProblem } from "./refusals.ts";
import { playViewFromJson, shownName, type PlayView, type SyncedJson } from "./gameView.ts";

export type LobbyPlayer = { seatId: string; nickname: string; connected: boolean; joinedAt: number };
export type Lobby = {
  code: string;
  scenarioId: string;
  phase: string;
  day: number;
  locked: boolean;
  maxPlayers: number;
  seq: number;
  players: LobbyPlayer[];
};

export type LinkStatus = "connected" | "reconnecting" | "closed";

export type LinkHandlers = {
  lobby?: (lobby: Lobby) => void;
  /** The game as this client may see it: the board and its own private view. */
  play?: (view: PlayView) => void;
  welcome?: (welcome: Welcome) => void;
  status?: (status: LinkStatus, reason?: Reason | "network") => void;
};

type CommandBody = WireCommand extends infer C ? (C extends WireCommand ? Omit<C, "id"> : never) : never;

const MAX_RETRY_DELAY_MS = 2000;
/** How long a failed request waits for the connection's drop to be reported before retrying. */
const DROP_NOTICE_MS = 100;
/** A session that cannot be found for this long after a drop is taken as gone. */
const GIVE_UP_MISSING_AFTER_MS = 60_000;

export class Link {
  private room: Room | undefined;
  private status: LinkStatus = "connected";
  private waiting: (() => void)[] = [];
  private closedBy: Reason | undefined;
  /** At an event: the neighbourhood the host sent this player to (the page joins it). */
  sentTo: string | undefined;

  private readonly client: Client;
  /** Whose private view this client reads: its seat, or "host"; null for a board. */
  private viewKey: string | null = null;

  private constructor(
    endpoint: string,
    private readonly code: string,
    private readonly request: JoinRequest,
    private readonly handlers: LinkHandlers,
  ) {
    this.client = new SessionClient(endpoint, (room) => this.listen(room));
  }

  /** Joins a session; resolves with a Link, or with the reason the server refused. */
  static async open(endpoint: string, code: string, request: JoinRequest, handlers: LinkHandlers = {}): Promise<Link | JoinProblem> {
    const link = new Link(endpoint, code, request, handlers);
    try {
      link.attach(await link.client.joinById(code, request));
      return link;
    } catch (error) {
      return joinProblem(error);
    }
  }

  get connected(): boolean {
    return this.status === "connected";
  }

  /** Sends a command and waits for its reply; if the connection drops first, sends it again (same id) once back. */
  async send(body: CommandBody): Promise<CommandReply | { ok: false; reason: "network" }> {
    const command = { ...body, id: commandId() } as WireCommand;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (!this.connected) await this.whenConnected(10_000);
      if (!this.room || !this.connected) break;
      try {
        return (await this.room.request(COMMAND, command, { timeout: 8000 })) as CommandReply;
      } catch {
        // connection lost mid-request: the request can fail before the drop is reported, so give
        // the drop a moment to show, then try again (same id) once we are back
        await sleep(DROP_NOTICE_MS);
      }
    }
    return { ok: false, reason: "network" };
  }

  /** Leaves the session for good (the seat stays reserved for the seat token). */
  async leave(): Promise<void> {
    const wasConnected = this.connected;
    this.setStatus("closed");
    if (this.room && wasConnected) await Promise.race([this.room.leave(true), sleep(2000)]);
  }

  /** Handlers that must be in place before the room connects. */
  private listen(room: Room): void {
    room.onMessage(Notice.welcome, (welcome: Welcome) => {
      this.viewKey = welcome.as === "player" ? welcome.seatId : welcome.as === "host" ? "host" : null;
      this.handlers.welcome?.(welcome);
      const json = this.room?.state ? stateJson(this.room.state) : null;
      if (json && isSynced(json)) this.handlers.play?.(playViewFromJson(json, this.viewKey));
    });
    room.onMessage(Notice.farewell, (farewell: Farewell) => {
      this.closedBy = farewell.reason;
      if (farewell.reason === "sent_away" && farewell.to) this.sentTo = farewell.to;
    });
  }

  private attach(room: Room): void {
    this.room = room;
    room.reconnection.maxRetries = 6;
    room.reconnection.maxDelay = MAX_RETRY_DELAY_MS;
    room.onStateChange((state) => this.deliver(state));
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onReconnect(() => this.setStatus("connected"));
    room.onLeave((code) => {
      if (this.room !== room || this.status === "closed") return;
      // the farewell said why (a board removed by the facilitator, one replaced by a newer board)
      if (code === CloseReason.kicked) return this.setStatus("closed", this.closedBy ?? "kicked");
      if (code === CloseReason.replaced) return this.setStatus("closed", this.closedBy ?? "replaced");
      if (code === CloseReason.sessionEnded) return this.setStatus("closed", "session_ended");
      if (code === CloseReason.sentAway) return this.setStatus("closed", "sent_away");
      if (this.closedBy === "malformed" || code === 4000) return this.setStatus("closed", this.closedBy);
      void this.rejoin();
    });
    this.setStatus("connected");
    if (room.state) this.deliver(room.state);
  }

  /** Hands the pages the state as plain data: the lobby and the game as this client may see it. */
  private deliver(state: unknown): void {
    const json = stateJson(state);
    // a room's state exists, empty, before the server's first full state arrives: handing that
    // on would show a game with no phase (the board took it for play and mounted its town hidden)
    if (!isSynced(json)) return;
    this.handlers.lobby?.(toLobby(json));
    this.handlers.play?.(playViewFromJson(json, this.viewKey));
  }

  /** After the room is gone (server restart, long outage): join again with the same seat token. */
  private async rejoin(): Promise<void> {
    this.setStatus("reconnecting");
    const started = Date.now();
    for (let attempt = 0; this.status === "reconnecting"; attempt++) {
      await sleep(Math.min(MAX_RETRY_DELAY_MS, 200 * 2 ** attempt));
      if (this.status !== "reconnecting") return;
      try {
        this.attach(await this.client.joinById(this.code, this.request));
        return;
      } catch (error) {
        const problem = joinProblem(error);
        const missingTooLong = problem.reason === "no_such_session" && Date.now() - started > GIVE_UP_MISSING_AFTER_MS;
        if (isFinal(problem) || missingTooLong) return this.setStatus("closed", problem.reason as Reason);
      }
    }
  }

  private setStatus(status: LinkStatus, reason?: Reason | "network"): void {
    this.status = status;
    if (status === "connected") for (const resolve of this.waiting.splice(0)) resolve();
    this.handlers.status?.(status, reason);
  }

  private whenConnected(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      setTimeout(resolve, timeoutMs);
    });
  }
}

function stateJson(state: unknown): SyncedJson & Record<string, unknown> {
  return (state as { toJSON(): SyncedJson & Record<string, unknown> }).toJSON();
}

/** Whether the server's first full state has arrived (every synced state carries its phase). */
function isSynced(json: SyncedJson & Record<string, unknown>): boolean {
  return typeof json.phase === "string" && json.phase !== "";
}

function toLobby(json: SyncedJson & Record<string, unknown>): Lobby {
  const players = Object.values((json.players ?? {}) as unknown as Record<string, LobbyPlayer & { pseudonym?: number }>)
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((p) => ({ ...p, nickname: shownName(json, p) }));
  return { ...(json as unknown as Omit<Lobby, "players">), players };
}

function commandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

