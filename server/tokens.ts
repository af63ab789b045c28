/**
 * Secrets and codes: host tokens, seat-token hashes, join codes and seat ids. Tokens are stored
 * only as SHA-256 hashes and compared in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { customAlphabet, nanoid } from "nanoid";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "../shared/lobby/joinCode.ts";

export const newJoinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
export const newSeatId = customAlphabet("abcdefghijkmnpqrstuvwxyz23456789", 8);

export function newToken(): string {
  return nanoid(32);
}

export function newSessionId(): string {
  return nanoid(16);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares a presented token with a stored hash without leaking timing. */
export function tokenMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(presented), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
