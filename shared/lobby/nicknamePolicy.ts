/** The server's full nickname check: shape first, then the word filter. */
import { checkNicknameShape, type NicknameCheck } from "./nickname.ts";
import { isOffensive } from "./wordFilter.ts";

export function checkNickname(raw: string): NicknameCheck {
  const shape = checkNicknameShape(raw);
  if (!shape.ok) return shape;
  if (isOffensive(shape.nickname)) return { ok: false, problem: "nickname_offensive" };
  return shape;
}
