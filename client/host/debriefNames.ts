/**
 * The console's "show names in the debrief" switch: the facilitator can decide before the end
 * whether the debrief opens with the nicknames the class played with or with pseudonyms. The
 * choice lives on this device (the debrief is opened from here, with this device's host key)
 * under the same key the debrief page reads and writes, so no server is involved.
 */
import { byId } from "../ui/dom.ts";
import { debriefNames } from "../net/storage.ts";

let wired = false;

/** Shows the choice for `code` and keeps it when the facilitator changes it. */
export function debriefNamesControl(code: string): void {
  const box = byId<HTMLInputElement>("debrief-names");
  box.checked = debriefNames.shown(code);
  box.dataset.code = code;
  if (wired) return;
  wired = true;
  box.addEventListener("change", () => {
    if (box.dataset.code) debriefNames.set(box.dataset.code, box.checked);
  });
}
