/**
 * Nickname rules. The shape (length, characters) is checked here and also on the join page for
 * instant feedback; the word filter and uniqueness are checked by the server (`lobby.ts`), so the
 * join page does not carry the filter's word lists.
 */
import { confusableSkeleton } from "./confusables.ts";

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 16;

/** Letters of any script, combining marks, digits, and space . - _ ' after the first character. */
const ALLOWED = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ._'-]*$/u;

export type NicknameProblem = "nickname_too_short" | "nickname_too_long" | "nickname_characters" | "nickname_offensive";

/** Trims, collapses inner whitespace and applies Unicode NFC, so "Mei  " and "Mei" are one name. */
export function cleanNickname(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ");
}

/** The form used to compare names for uniqueness: width and case folded, look-alike letters made one ("Аlice" in Cyrillic is "Alice"). */
export function nicknameKey(name: string): string {
  return confusableSkeleton(cleanNickname(name).normalize("NFKC"));
}

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; problem: NicknameProblem };

/** Length and characters only. */
export function checkNicknameShape(raw: string): NicknameCheck {
  const nickname = cleanNickname(raw);
  const length = [...nickname].length;
  if (length < NICKNAME_MIN) return { ok: false, problem: "nickname_too_short" };
  if (length > NICKNAME_MAX) return { ok: false, problem: "nickname_too_long" };
  if (!ALLOWED.test(nickname)) return { ok: false, problem: "nickname_characters" };
  return { ok: true, nickname };
}

/**
 * A free variant of `nickname` given the names already taken: "Mei" → "Mei 2", "Mei 3"…,
 * shortened so the suffix still fits the length cap.
 */
export function suggestNickname(nickname: string, taken: Iterable<string>): string {
  const takenKeys = new Set([...taken].map(nicknameKey));
  for (let n = 2; n < 1000; n++) {
    const suffix = ` ${n}`;
    const base = [...nickname].slice(0, NICKNAME_MAX - suffix.length).join("").trimEnd();
    const candidate = base + suffix;
    if (!takenKeys.has(nicknameKey(candidate))) return candidate;
  }
  return nickname;
}
