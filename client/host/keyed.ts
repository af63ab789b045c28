/**
 * Live lists without losing the facilitator's place: children are matched by key and rebuilt
 * only when their signature changed, so a focused button or an open select in an unchanged row
 * survives the many small updates a running game sends.
 */
export function renderKeyed<T>(
  parent: HTMLElement,
  items: readonly T[],
  key: (item: T) => string,
  signature: (item: T) => string,
  build: (item: T) => HTMLElement,
): void {
  const old = new Map<string, HTMLElement>();
  for (const child of Array.from(parent.children) as HTMLElement[]) {
    if (child.dataset.key !== undefined) old.set(child.dataset.key, child);
  }
  const next = items.map((item) => {
    const k = key(item);
    const sig = signature(item);
    const existing = old.get(k);
    if (existing && existing.dataset.sig === sig) return existing;
    const node = build(item);
    node.dataset.key = k;
    node.dataset.sig = sig;
    return node;
  });
  const keep = new Set(next);
  for (const child of Array.from(parent.children)) if (!keep.has(child as HTMLElement)) child.remove();
  next.forEach((node, i) => {
    if (parent.children[i] !== node) parent.insertBefore(node, parent.children[i] ?? null);
  });
}

/** Replaces a select's options only when they changed, keeping the chosen value if it still exists. */
export function setOptions(select: HTMLSelectElement, options: readonly { value: string; label: string; disabled?: boolean }[], fallback = ""): void {
  const sig = JSON.stringify(options);
  if (select.dataset.sig !== sig) {
    const value = select.value;
    select.replaceChildren(
      ...options.map((o) => {
        const option = document.createElement("option");
        option.value = o.value;
        option.textContent = o.label;
        option.disabled = Boolean(o.disabled);
        return option;
      }),
    );
    select.dataset.sig = sig;
    select.value = options.some((o) => o.value === value && !o.disabled) ? value : fallback || (options.find((o) => !o.disabled)?.value ?? "");
  }
}
