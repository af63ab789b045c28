/**
 * Words that should not be on a page (issue 13: "every string a person reads comes from the
 * string tables, in both languages"): a raw string key (`board.phase.undefined`,
 * `ending.record.status.reversed`) in any language, and English from the string tables or the
 * scenarios in the Chinese interface. Names, numbers and codes pass: only the tables' own English
 * sentences and words, and the scenarios' English labels, count as English.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "../../server/clientBuild.ts";
import { stringTable } from "./strings.ts";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/** Every `{ en, zh }` pair in the built-in scenarios whose two texts differ. */
function scenarioPairs(): [string, string][] {
  const pairs: [string, string][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.en === "string" && typeof record.zh === "string") {
      if (record.en !== record.zh) pairs.push([record.en, record.zh]);
      return;
    }
    Object.values(record).forEach(walk);
  };
  const dir = join(ROOT, "assets/scenarios");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) walk(JSON.parse(readFileSync(join(dir, file), "utf8")));
  return pairs;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An English text as a pattern: its {{placeholders}} stand for anything. */
function pattern(text: string): RegExp {
  return new RegExp(`^${text.split(/{{\w+}}/).map(escape).join(".+?")}$`, "su");
}

/** Letters outside placeholders: a text with fewer is a name or a number, not English. */
const letters = (text: string) => text.replace(/{{\w+}}/g, "").replace(/[^A-Za-z]/g, "").length;

export type StrayRules = { english: RegExp[]; keys: RegExp };

export function strayRules(): StrayRules {
  const en = flatten(stringTable("en") as Tree);
  const zh = flatten(stringTable("zh") as Tree);
  const english = new Set<string>();
  for (const [key, text] of en) {
    if (zh.get(key) === text || letters(text) < 2) continue; // the same in both (a grade "AAA"), or no words
    english.add(text);
  }
  for (const [text] of scenarioPairs()) if (letters(text) >= 2) english.add(text);
  const areas = [...new Set([...en.keys()].map((k) => k.split(".")[0]!))];
  return {
    english: [...english].map(pattern),
    // a key path of the tables: an area, then dotted names (never a sentence, a URL or a file)
    keys: new RegExp(`(^|[^\\w./:-])(${areas.map(escape).join("|")})\\.[A-Za-z_][\\w-]*(\\.[\\w-]+)*`, "u"),
  };
}

/**
 * What a reader finds on the page: the text of every visible element (each element's own text,
 * and its whole text when short), the labels and placeholders of visible controls, the title.
 */
export function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>([document.title]);
    const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true, opacityProperty: false }) ?? true;
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest("script, style, select#lang, canvas, svg") || !visible(el)) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("").replace(/\s+/g, " ").trim();
      if (own) texts.add(own);
      const whole = (el as HTMLElement).innerText?.replace(/\s+/g, " ").trim() ?? "";
      if (whole && whole.length <= 200) texts.add(whole);
      for (const attribute of ["aria-label", "placeholder", "title", "alt"]) {
        const value = el.getAttribute(attribute)?.trim();
        if (value) texts.add(value);
      }
    }
    return [...texts];
  });
}

/** The stray strings on a page in `lang`: raw keys always, English table texts in Chinese. */
export async function strays(page: Page, lang: "en" | "zh", rules: StrayRules): Promise<string[]> {
  const found: string[] = [];
  for (const text of await readableTexts(page)) {
    const key = rules.keys.exec(text);
    if (key) found.push(`raw key "${key[0].trim()}" in "${text}"`);
    else if (lang === "zh" && rules.english.some((p) => p.test(text))) found.push(`English: "${text}"`);
  }
  return found;
}
