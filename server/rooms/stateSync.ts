/** Copies the lobby (plain data) into the Colyseus state, touching only what changed. */
import { activeSeats, type LobbyState } from "../../shared/lobby/lobby.ts";
import { PlayerState, type SessionState } from "./sessionState.ts";

export function syncLobby(state: SessionState, lobby: LobbyState, connected: ReadonlySet<string>, seq: number): void {
  state.code = lobby.code;
  state.scenarioId = lobby.scenarioId;
  state.locked = lobby.locked;
  state.maxPlayers = lobby.maxPlayers;
  state.seq = seq;
  const present = new Set<string>();
  for (const seat of activeSeats(lobby)) {
    present.add(seat.seatId);
    let player = state.players.get(seat.seatId);
    if (!player) {
      player = new PlayerState();
      player.seatId = seat.seatId;
      player.joinedAt = seat.joinedAt;
      state.players.set(seat.seatId, player);
    }
    if (player.nickname !== seat.nickname) player.nickname = seat.nickname;
    const isConnected = connected.has(seat.seatId);
    if (player.connected !== isConnected) player.connected = isConnected;
  }
  // collect first: deleting from a MapSchema while iterating it skips entries
  const gone = Array.from(state.players.keys()).filter((seatId) => !present.has(seatId));
  for (const seatId of gone) state.players.delete(seatId);
}
