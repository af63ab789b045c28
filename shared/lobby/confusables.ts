/**
 * Look-alike letters, so "Аlice" (Cyrillic А) beside "Alice" counts as the same nickname: a
 * classmate must not be able to pass for someone else on the board or in a journal entry.
 *
 * A small table in the spirit of Unicode's confusables skeleton (UTS #39), limited to the
 * scripts a nickname impostor reaches for: Cyrillic and Greek letters that look like Latin ones,
 * a few Latin variants, and the digits and letter pairs that pass for one another (0/o, 1/l/I,
 * rn/m, vv/w). It errs towards calling two names the same: the cost of a false match is only
 * that the second student is offered "Name 2". Chinese and other scripts compare as they are
 * (after NFKC, which already folds fullwidth forms).
 */

/** Single characters (either case) → the Latin letter they pass for. */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic, capitals
  А: "A", В: "B", Е: "E", Ё: "Ë", З: "3", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", У: "Y", Х: "X", Ь: "b",
  Ѕ: "S", І: "I", Ї: "Ï", Ј: "J", Һ: "H", Ӏ: "l", Ԛ: "Q", Ԝ: "W", Ү: "Y",
  // Cyrillic, small
  а: "a", в: "b", г: "r", е: "e", ё: "ë", з: "3", к: "k", м: "m", н: "h", о: "o", п: "n", р: "p", с: "c", т: "t", у: "y", х: "x", ь: "b",
  ѕ: "s", і: "i", ї: "ï", ј: "j", һ: "h", ӏ: "l", ԛ: "q", ԝ: "w", ү: "y",
  // Greek, capitals
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X", Ϲ: "C",
  // Greek, small
  α: "a", γ: "y", η: "n", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", υ: "u", χ: "x", ϲ: "c",
  // Latin variants
  ı: "i", ɑ: "a", ɡ: "g", ʏ: "y", ꞵ: "b",
};

const LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "gu");

/** After lower-casing: characters and pairs that stand for one another in most fonts. */
const SAME_SHAPE: [RegExp, string][] = [
  [/rn/g, "m"],
  [/vv/g, "w"],
  [/[l1|]/g, "i"],
  [/0/g, "o"],
];

/**
 * The form two nicknames are compared in: look-alikes mapped to Latin, lower-cased, then the
 * shapes that pass for one another folded together. `name` is already NFKC-normalised.
 */
export function confusableSkeleton(name: string): string {
  let key = name.replace(LOOK_ALIKE_PATTERN, (c) => LOOK_ALIKES[c] ?? c).toLocaleLowerCase("en");
  key = key.replace(LOOK_ALIKE_PATTERN, (c) => LOOK_ALIKES[c] ?? c); // small forms that lower-casing made
  for (const [pattern, to] of SAME_SHAPE) key = key.replace(pattern, to);
  return key;
}
