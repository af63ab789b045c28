/**
 * The interface's strings (i18next, English and Simplified Chinese from assets/strings).
 * Static text in the HTML carries `data-i18n` (and `data-i18n-attr` for attributes); code calls
 * `t()`. The tables are in client/strings.ts. The chosen language is remembered on the device; the first visit follows the browser.
 */
import i18next from "i18next";
import coreEn from "../assets/strings/en/core.json";
import coreZh from "../assets/strings/zh/core.json";
import type { Area } from "./strings.ts";
import { LANGS, isLang, type Lang, type LocalText } from "../shared/lang.ts";
import { watchForCjk } from "./ui/cjkFont.ts";

const STORAGE_KEY = "gs.lang";
const HTML_LANG: Record<Lang, string> = { en: "en", zh: "zh-Hans" };
const LANG_NAMES: Record<Lang, string> = { en: "English", zh: "简体中文" };

const listeners = new Set<() => void>();

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

void i18next.init({
  lng: initialLang(),
  fallbackLng: "en",
  resources: { en: { translation: coreEn }, zh: { translation: coreZh } },
  interpolation: { escapeValue: false }, // we only ever set textContent, never HTML
  initAsync: false,
});

export function t(key: string, options: Record<string, unknown> = {}): string {
  return i18next.t(key, options) as string;
}

/** Adds an area's strings (see client/strings.ts); call it when the page or part that needs them loads. */
export function addStrings(area: Area): void {
  for (const lang of LANGS) i18next.addResourceBundle(lang, "translation", area[lang], true, false);
}

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : "en";
}

/** Picks the current language's text of a scenario field. */
export function local(text: LocalText): string {
  return text[currentLang()];
}

export function setLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
  translatePage();
  for (const listener of listeners) listener();
}

/** Runs `render` now and again whenever the language changes. */
export function onLangChange(render: () => void): void {
  listeners.add(render);
}

export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = HTML_LANG[currentLang()];
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n ?? "");
  }
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-attr]")) {
    // data-i18n-attr="aria-label:board.qr;placeholder:join.code"
    for (const pair of (el.dataset.i18nAttr ?? "").split(";")) {
      const [attr, key] = pair.split(":");
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  const title = document.querySelector<HTMLElement>("[data-i18n-title]");
  if (title) document.title = `${t(title.dataset.i18nTitle ?? "")} · ${t("app.name")}`;
}

/** Fills the page's language switch and translates the page. Call once per page. */
export function setupLanguageSwitch(): void {
  const select = document.querySelector<HTMLSelectElement>("#lang");
  if (select) {
    select.replaceChildren(
      ...LANGS.map((lang) => {
        const option = document.createElement("option");
        option.value = lang;
        option.textContent = LANG_NAMES[lang];
        option.lang = HTML_LANG[lang];
        return option;
      }),
    );
    select.value = currentLang();
    select.addEventListener("change", () => {
      if (isLang(select.value)) setLang(select.value);
    });
  }
  translatePage();
  watchForCjk();
}
