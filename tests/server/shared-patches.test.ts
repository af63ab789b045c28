/**
 * The room's patch serializer (server/rooms/sharedPatches.ts) against Colyseus's own: two copies
 * of the session's schema are changed alike, each patched by one of the serializers for the same
 * three clients (two seats and the facilitator, each holding a StateView of its private view), and
 * every client must receive byte for byte the same frames from both — through patches with
 * nothing in them, public changes, one seat's private change, and a view that gains a part
 * without any state change.
 */
import { describe, expect, it } from "vitest";
import { ClientState, SchemaSerializer, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { PlayerState, PrivateView, SessionState } from "../../server/rooms/sessionState.ts";
import { SharedPatchSerializer } from "../../server/rooms/sharedPatches.ts";

const VIEWERS = ["s1", "s2", "host"] as const;

/** One side of the comparison: a state, its serializer, and what each client was sent. */
function table(serializer: SchemaSerializer<SessionState>) {
  const state = new SessionState();
  for (const key of VIEWERS) state.views.set(key, new PrivateView());
  serializer.reset(state);
  const sent = new Map<string, string[]>(VIEWERS.map((key) => [key, []]));
  const clients = VIEWERS.map((key) => {
    const view = new StateView();
    view.add(state.views.get(key)!);
    // a client as the serializer uses it: its state, its view, and the raw frames it is sent
    return { sessionId: key, state: ClientState.JOINED, view, raw: (bytes: Uint8Array) => sent.get(key)!.push(Buffer.from(bytes).toString("hex")) } as unknown as Client;
  });
  return {
    state,
    clients,
    sent,
    patch: () => serializer.applyPatches(clients, state, undefined),
    /** How many frames all clients have been sent so far. */
    frames: () => [...sent.values()].reduce((n, list) => n + list.length, 0),
  };
}

describe("the shared patch serializer", () => {
  it("sends every client exactly what Colyseus's own serializer sends", () => {
    const plain = table(new SchemaSerializer<SessionState>());
    const shared = table(new SharedPatchSerializer<SessionState>());
    const both = (change: (t: ReturnType<typeof table>) => void) => {
      change(plain);
      change(shared);
      const [a, b] = [plain.patch(), shared.patch()];
      expect(b).toBe(a);
      for (const key of VIEWERS) expect(shared.sent.get(key), key).toEqual(plain.sent.get(key));
      return a;
    };

    // the first patch: the public state and each client's own view
    expect(
      both((t) => {
        t.state.code = "ABC123";
        for (const seat of ["s1", "s2"]) {
          const row = new PlayerState();
          row.seatId = seat;
          t.state.players.set(seat, row);
        }
        for (const key of VIEWERS) t.state.views.get(key)!.parts.set("$keys", `["${key}"]`);
      }),
    ).toBe(true);
    const afterFirst = shared.frames();
    expect(afterFirst).toBeGreaterThan(0);

    // patches with nothing in them send nothing
    for (let i = 0; i < 3; i++) expect(both(() => {})).toBe(false);
    expect(shared.frames()).toBe(afterFirst);

    // a public change: everyone hears it
    both((t) => {
      t.state.seq = 7;
      t.state.players.get("s1")!.location = "market";
    });
    for (const key of VIEWERS) expect(shared.sent.get(key)!.length).toBe(2);

    // one seat's private change, with the facilitator's and a public one
    both((t) => {
      t.state.seq = 8;
      t.state.views.get("s1")!.items.set("actions.0", "walk");
      t.state.views.get("host")!.parts.set("players", "%2");
    });

    // a view that gains a part with no state change (as when a seat reconnects): Colyseus sends it to that client alone
    const before = VIEWERS.map((key) => shared.sent.get(key)!.length);
    both((t) => t.clients[1]!.view!.add(t.state.views.get("s1")!));
    expect(VIEWERS.map((key) => shared.sent.get(key)!.length)).toEqual([before[0], before[1]! + 1, before[2]]);

    // and quiet again
    const quiet = shared.frames();
    expect(both(() => {})).toBe(false);
    expect(shared.frames()).toBe(quiet);
  });
});
