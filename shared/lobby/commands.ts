/**
 * Lobby commands as a table of small handlers: who may send each one, and what it decides.
 * The room's gate runs the schema check first, then `decideLobbyCommand`.
 */
import type { Command, CommandKind } from "../protocol/index.ts";
import { decideKick, decideLock, decideRename, type Decision, type LobbyState } from "./lobby.ts";

export type LobbyActor = { as: "host" } | { as: "board" } | { as: "player"; seatId: string };

type Handler<K extends CommandKind> = {
  /** Which kinds of client may send this command. */
  allowed: readonly LobbyActor["as"][];
  decide: (state: LobbyState, command: Extract<Command, { kind: K }>, at: number) => Decision;
};

const HANDLERS: { [K in CommandKind]: Handler<K> } = {
  kick: { allowed: ["host"], decide: (state, c, at) => decideKick(state, c.seatId, at) },
  rename: { allowed: ["host"], decide: (state, c, at) => decideRename(state, c.seatId, c.nickname, at) },
  lock: { allowed: ["host"], decide: (state, _c, at) => decideLock(state, true, at) },
  unlock: { allowed: ["host"], decide: (state, _c, at) => decideLock(state, false, at) },
};

export function decideLobbyCommand(state: LobbyState, actor: LobbyActor, command: Command, at: number): Decision {
  const handler = HANDLERS[command.kind] as Handler<CommandKind>;
  if (!handler.allowed.includes(actor.as)) return { reason: "not_allowed" };
  return handler.decide(state, command as never, at);
}
