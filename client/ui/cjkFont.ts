/**
 * Loads the bundled Chinese font the first time a page shows Chinese text (the Chinese
 * interface, or a Chinese nickname on an English page). English-only pages never pay for its
 * long @font-face list.
 */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

let loaded = false;

export function loadCjkFont(): void {
  if (loaded) return;
  loaded = true;
  void import("../styles/cjk-font.css");
}

/** The language switch names "简体中文" on every page; that alone does not need the font. */
function shown(node: Node): string {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest("#lang") ? "" : (node.textContent ?? "");
}

function hasCjk(root: Node): boolean {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (CJK.test(shown(node))) return true;
  return false;
}

/** Watches the page and loads the font as soon as any Chinese character appears in it. */
export function watchForCjk(root: HTMLElement = document.body): void {
  if (loaded) return;
  if (hasCjk(root)) return loadCjkFont();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const nodes = record.type === "characterData" ? [record.target] : Array.from(record.addedNodes);
      if (nodes.some((node) => (node.nodeType === Node.TEXT_NODE ? CJK.test(shown(node)) : hasCjk(node)))) {
        observer.disconnect();
        return loadCjkFont();
      }
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });
}
