/**
 * Who acts, in the one vocabulary every layer uses (the rules, the session, the room, bots and
 * the simulator); the same words name who is looking at a view (`Viewer` in views.ts):
 *  - `{ kind: "seat", seat }` — a player's seat, whoever plays it (a student, or a bot acting as
 *    the seat). `student: true` when the room knows the command came from the student's own
 *    page: only they may step out, and while a bot plays their character they only watch;
 *  - `{ kind: "host" }` — the facilitator's console;
 *  - `{ kind: "board" }` — a projected board (it may look, never act);
 *  - `{ kind: "clock" }` — the room's clock (it may only `advance`, once the phase timer ran out);
 *  - `{ kind: "door" }` — admission, seating a student who just joined by code.
 *
 * What each may send is declared with the command, in shared/commands/contract.ts.
 */
import type { SeatId } from "./state.ts";

export type Actor = { kind: "seat"; seat: SeatId; student?: boolean } | { kind: "host" } | { kind: "board" } | { kind: "clock" } | { kind: "door" };

export const seatActor = (seat: SeatId): Actor => ({ kind: "seat", seat });
export const studentActor = (seat: SeatId): Actor => ({ kind: "seat", seat, student: true });
export const HOST: Actor = { kind: "host" };
export const CLOCK: Actor = { kind: "clock" };
export const DOOR: Actor = { kind: "door" };

/** The longest note an observer may write. */
export const NOTE_MAX = 280;
