/**
 * Generated avatars: abstract shapes (DiceBear "Shapes", CC0 design, MIT code), no faces, built
 * in the browser from the seat id — never the nickname, so an anonymous board gives nothing away.
 */
import { createAvatar } from "@dicebear/core";
import * as shapes from "@dicebear/shapes";

const cache = new Map<string, string>();

/** The avatar of a seat as an SVG string. */
export function avatarSvg(seatId: string): string {
  let svg = cache.get(seatId);
  if (!svg) {
    svg = createAvatar(shapes, { seed: seatId, size: 64 }).toString();
    cache.set(seatId, svg);
  }
  return svg;
}

/** The avatar of a seat as a data: URI for an <img> (CSP allows data: images). */
export function avatarUri(seatId: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(avatarSvg(seatId))}`;
}
