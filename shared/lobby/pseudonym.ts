/**
 * Stable pseudonyms for projection and exports: the n-th seat of a session (in joining order)
 * is always the same bird, in English and Chinese, so the board, the debrief and the exports
 * agree on who "Heron" is without ever showing a nickname. Beyond the list, names get a number.
 */
import type { LocalText } from "../lang.ts";

const BIRDS: readonly LocalText[] = [
  { en: "Heron", zh: "苍鹭" }, { en: "Sparrow", zh: "麻雀" }, { en: "Magpie", zh: "喜鹊" }, { en: "Swallow", zh: "燕子" },
  { en: "Crane", zh: "仙鹤" }, { en: "Oriole", zh: "黄鹂" }, { en: "Kingfisher", zh: "翠鸟" }, { en: "Egret", zh: "白鹭" },
  { en: "Finch", zh: "雀鹀" }, { en: "Owl", zh: "猫头鹰" }, { en: "Robin", zh: "知更鸟" }, { en: "Lark", zh: "云雀" },
  { en: "Wren", zh: "鹪鹩" }, { en: "Pelican", zh: "鹈鹕" }, { en: "Parrot", zh: "鹦鹉" }, { en: "Falcon", zh: "猎隼" },
  { en: "Swan", zh: "天鹅" }, { en: "Pigeon", zh: "鸽子" }, { en: "Hoopoe", zh: "戴胜" }, { en: "Cuckoo", zh: "杜鹃" },
  { en: "Ibis", zh: "朱鹮" }, { en: "Starling", zh: "椋鸟" }, { en: "Thrush", zh: "画眉" }, { en: "Goose", zh: "大雁" },
  { en: "Duck", zh: "鸳鸯" }, { en: "Peacock", zh: "孔雀" }, { en: "Stork", zh: "白鹳" }, { en: "Woodpecker", zh: "啄木鸟" },
  { en: "Bunting", zh: "黄鹀" }, { en: "Tit", zh: "山雀" }, { en: "Shrike", zh: "伯劳" }, { en: "Bulbul", zh: "白头鹎" },
  { en: "Gull", zh: "海鸥" }, { en: "Kite", zh: "黑鸢" }, { en: "Plover", zh: "鸻鸟" }, { en: "Quail", zh: "鹌鹑" },
  { en: "Rook", zh: "秃鼻乌鸦" }, { en: "Tern", zh: "燕鸥" }, { en: "Warbler", zh: "柳莺" }, { en: "Bittern", zh: "麻鳽" },
];

/** The pseudonym of the seat at `index` in joining order. */
export function pseudonymAt(index: number): LocalText {
  const bird = BIRDS[index % BIRDS.length]!;
  const round = Math.floor(index / BIRDS.length);
  return round === 0 ? bird : { en: `${bird.en} ${round + 1}`, zh: `${bird.zh}${round + 1}` };
}

/** Pseudonyms for a session's seats, given in joining order. */
export function pseudonyms(seatsInOrder: readonly string[]): Map<string, LocalText> {
  return new Map(seatsInOrder.map((seat, i) => [seat, pseudonymAt(i)]));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Free text with every nickname in `names` replaced by `replacement(seat)`, whatever its case.
 * Longer names are tried first, so "Annabel" is replaced before "Ann".
 */
export function nicknameScrubber(names: readonly { seat: string; name: string }[], replacement: (seat: string) => string): (text: string) => string {
  const known = names.filter((n) => n.name.length > 0).sort((a, b) => b.name.length - a.name.length);
  if (known.length === 0) return (t) => t;
  const bySeat = new Map(known.map((n) => [n.name.toLowerCase(), n.seat]));
  const pattern = new RegExp(known.map((n) => escape(n.name)).join("|"), "giu");
  return (text) => text.replace(pattern, (m) => replacement(bySeat.get(m.toLowerCase()) ?? ""));
}
