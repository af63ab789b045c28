/**
 * An event's neighbourhoods have host tokens of their own, so their full consoles and debriefs
 * work as any session's do. Each is derived from the event's host token and the neighbourhood's
 * code (HMAC-SHA-256), so the server stores only hashes, as ever, and the event's host gets every
 * one back from the event token alone.
 */
import { createHmac } from "node:crypto";

export function neighbourhoodToken(eventToken: string, code: string): string {
  return createHmac("sha256", eventToken).update(`neighbourhood:${code}`).digest("base64url").slice(0, 40);
}
