/**
 * Turns whatever a failed join throws (a refusal from our room, a matchmaker error, a network
 * failure) into one reason the page can translate.
 */
import { decodeRefusal, type JoinRefusal } from "../../shared/protocol/index.ts";
import type { PageReason } from "./pageReasons.ts";

const ROOM_NOT_FOUND = 522;
const TOO_MANY = 4429;

export type JoinProblem = JoinRefusal | { reason: PageReason };

export function joinProblem(error: unknown): JoinProblem {
  const { code, message } = (error ?? {}) as { code?: number; message?: unknown };
  const refusal = decodeRefusal(message);
  if (refusal) return refusal;
  if (code === ROOM_NOT_FOUND) return { reason: "no_such_session" };
  if (code === TOO_MANY) return { reason: "too_many_attempts" };
  if (error instanceof TypeError || code === undefined || (typeof message === "string" && /fetch|network|ECONNREFUSED|socket/i.test(message))) {
    return { reason: "network" };
  }
  return { reason: "unknown" };
}

/** Refusals that no amount of retrying will change. */
export function isFinal(problem: JoinProblem): boolean {
  return ["seat_kicked", "not_host", "bad_join_request", "room_locked", "room_full", "too_many_unused_seats"].includes(problem.reason) || problem.reason.startsWith("nickname_");
}
