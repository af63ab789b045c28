/**
 * Join codes: six characters a student can read off a projector and type on a phone.
 * The alphabet leaves out characters that are easy to confuse (0/O, 1/I/L), so a code
 * read aloud or from the back of the room is still typed right.
 */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Upper-cases a typed code and drops spaces and dashes ("abc-def" → "ABCDEF"). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isJoinCode(value: unknown): value is string {
  return typeof value === "string" && JOIN_CODE_PATTERN.test(value);
}
