/** The debrief blanks exactly the texts the facilitator hid, with the ids the host console sends. */
import { describe, expect, it } from "vitest";
import { hideTexts } from "../../../shared/debrief/names.ts";
import type { LogEvent } from "../../../shared/debrief/log.ts";
import { noteTextId } from "../../../shared/rules/state.ts";

const note = (seq: number, seat: string, text: string): LogEvent => ({ seq, at: seq, event: { type: "note_written", seat, text } });

describe("hidden texts in the debrief", () => {
  it("blanks the n-th observer note for the id note-<n>, and nothing else", () => {
    const log = [note(5, "a", "first"), { seq: 6, at: 6, event: { type: "room_locked", at: 6 } } as LogEvent, note(9, "b", "second"), note(12, "a", "third")];
    const out = hideTexts(log, [noteTextId(1)]);
    expect(out.map((x) => (x.event.type === "note_written" ? x.event.text : x.event.type))).toEqual(["first", "room_locked", "", "third"]);
    expect(log[2]!.event).toMatchObject({ text: "second" }); // the input is not changed
  });
});
