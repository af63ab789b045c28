/**
 * The word filter for nicknames and any other short text players choose. English comes from
 * the `obscenity` library (its dataset and its transformers catch leetspeak and confusable
 * letters); Chinese terms are matched as plain substrings, which obscenity's English
 * transformers would not handle. A match made of digits alone ("455", "717" read as leetspeak)
 * is a number, not a word: "Guest 455" and "Room 717" are fine.
 */
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";

const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

// Common Chinese insults and profanities; matched after removing spaces.
const CHINESE_TERMS = ["傻逼", "傻b", "煞笔", "沙比", "操你", "草你", "肏", "他妈的", "妈的", "尼玛", "你妈", "贱人", "婊子", "滚蛋", "王八蛋", "狗日", "去死", "智障", "脑残", "屌"];

export function isOffensive(text: string): boolean {
  const words = english.getAllMatches(text).filter((m) => !/^\d+$/.test(text.slice(m.startIndex, m.endIndex + 1)));
  if (words.length > 0) return true;
  const compact = text.replace(/\s+/g, "").toLowerCase();
  return CHINESE_TERMS.some((term) => compact.includes(term));
}
