/**
 * Chinese glyphs for canvas text. The bundled Chinese font is split by unicode-range, and the
 * browser fetches a slice only for text in the DOM — never for text drawn on a canvas. So the
 * town asks for the characters it is about to draw, then redraws its texts once they arrived.
 */
import { loadCjkFont } from "../ui/cjkFont.ts";

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/g;
const asked = new Set<string>();
let pending = "";
let fontCss: Promise<unknown> | undefined;

export function hasCjk(text: string): boolean {
  CJK.lastIndex = 0;
  return CJK.test(text);
}

/** Makes sure the Chinese characters of `text` can be drawn; `redraw` runs once they can. */
export function needGlyphs(text: string, redraw: () => void): void {
  const fresh = (text.match(CJK) ?? []).filter((c) => !asked.has(c));
  if (fresh.length === 0) return;
  for (const c of fresh) asked.add(c);
  const first = pending === "";
  pending += fresh.join("");
  if (!first) return;
  // one request per batch of texts drawn in the same turn
  queueMicrotask(() => {
    const chars = pending;
    pending = "";
    loadCjkFont();
    fontCss ??= import("../styles/cjk-font.css");
    void fontCss
      .then(() => document.fonts.load('12px "Noto Sans SC"', chars))
      .then(redraw, () => {});
  });
}
