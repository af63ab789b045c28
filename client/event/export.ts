/** "Download the whole event's log": every neighbourhood's log in one file (`eventExport`), saved by the browser. */
import { call } from "../net/http.ts";
import { reasonKey } from "./outcome.ts";

/** Saves the event's export; says the file's name, or the key of why not. */
export async function downloadEvent(code: string, hostToken: string): Promise<{ file: string } | { reason: string }> {
  const answer = await call("eventExport", { params: { code }, hostToken });
  if (!answer.ok) return { reason: reasonKey(answer.reason) };
  const file = answer.reply.file ?? `good-standing-event-${code}.json`;
  const url = URL.createObjectURL(answer.reply.blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { file };
}
