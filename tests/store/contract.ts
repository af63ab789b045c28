/**
 * What every store promises (server/store/store.ts), as one suite each store runs: SQLite
 * (sqlite.test.ts) and PostgreSQL (postgres.test.ts). Each test gets an empty database.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../server/store/store.ts";
import { isUniqueViolation } from "../../server/sessions/create.ts";

export type OpenedStore = {
  store: Store;
  /** The same database opened again (after `store` was closed). */
  reopen(): Promise<Store>;
  /** Tries to rewrite stored history behind the store's back (an UPDATE of events): must be refused. */
  rewriteHistory(): Promise<unknown>;
  cleanup(): Promise<void>;
};

export const session = (id: string, code: string, expiresAt = Date.now() + 60_000) => ({
  id,
  code,
  scenarioId: "rongcheng-pilot",
  hostTokenHash: "ab".repeat(32),
  createdAt: Date.now(),
  expiresAt,
});

const settle = (promises: Promise<unknown>[]) => Promise.allSettled(promises).then((outcomes) => outcomes.map((o) => o.status));

export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`the ${name} store`, () => {
    /** Stores to close and databases to clean up after each test, whatever happened in it. */
    let opened: OpenedStore[] = [];
    const stores = new Set<Store>();
    const track = (store: Store): Store => {
      const close = store.close.bind(store);
      stores.add(store);
      return {
        ...store,
        close: async () => {
          stores.delete(store);
          await close();
        },
      };
    };
    const fresh = async () => {
      const db = await open();
      opened.push(db);
      return { store: track(db.store), reopen: async () => track(await db.reopen()), rewriteHistory: db.rewriteHistory };
    };
    afterEach(async () => {
      for (const store of stores) await store.close().catch(() => {});
      stores.clear();
      for (const db of opened) await db.cleanup();
      opened = [];
    });

    it("appends events in order and keeps them, seats and command ids after it is closed and reopened", async () => {
      const { store, reopen } = await fresh();
      const s1 = session("s1", "AAAAAA");
      await store.createSession(s1);
      await store.append("s1", 1, [{ type: "a" }, { type: "b" }], 1);
      await store.append("s1", 3, [{ type: "c" }], 3, { seat: { tokenHash: "t1", seatId: "seat1" }, commandKey: "host:c1" });
      await store.close();
      const again = await reopen();
      expect((await again.events("s1")).map((e) => [e.seq, e.at, e.type])).toEqual([
        [1, 1, "a"],
        [2, 1, "b"],
        [3, 3, "c"],
      ]);
      expect(await again.seatForToken("s1", "t1")).toBe("seat1");
      expect(await again.seatForToken("s1", "nope")).toBeUndefined();
      expect(await again.acknowledged("s1")).toEqual(new Map([["host:c1", 3]]));
      expect(await again.sessionByCode("AAAAAA")).toEqual({ ...s1, endedAt: null });
      expect((await again.openSessions(Date.now())).map((s) => s.code)).toEqual(["AAAAAA"]);
      await again.close();
    });

    it("keeps events of several neighbourhoods: places arrivals one after another, the same ticket where it was, moves, pins, and lets retention delete them", async () => {
      const { store, reopen } = await fresh();
      const plan = { title: "Hall", neighbourhoods: ["AAAAAA", "BBBBBB"].map((code) => ({ code, name: { en: code, zh: code }, scenarioId: "quick-demo", maxPlayers: 40 })) };
      const now = Date.now();
      await store.createDistrict({ id: "d1", code: "EEEEEE", hostTokenHash: "cd".repeat(32), createdAt: now, expiresAt: now + 60_000, plan });
      await store.createDistrict({ id: "d2", code: "FFFFFF", hostTokenHash: "cd".repeat(32), createdAt: now, expiresAt: now - 1, plan });
      const taken = await store.createDistrict({ id: "d3", code: "EEEEEE", hostTokenHash: "x", createdAt: now, expiresAt: now, plan }).then(() => undefined, (error: unknown) => error);
      expect(isUniqueViolation(taken)).toBe(true);
      expect(await store.districtByCode("EEEEEE")).toEqual({ id: "d1", code: "EEEEEE", hostTokenHash: "cd".repeat(32), createdAt: now, expiresAt: now + 60_000, plan, pinned: null });
      // twenty arrivals at once, each choosing from the counts the ones before it left: ten and ten
      const fewest = (placed: Readonly<Record<string, number>>) => ((placed.AAAAAA ?? 0) <= (placed.BBBBBB ?? 0) ? "AAAAAA" : "BBBBBB");
      const placed = await Promise.all(Array.from({ length: 20 }, (_, i) => store.placeInDistrict("d1", `ticket-${i}`, fewest, now)));
      expect(placed.filter((c) => c === "AAAAAA")).toHaveLength(10);
      expect(await store.placeInDistrict("d1", "ticket-3", () => "BBBBBB", now)).toBe(placed[3]);
      expect(await store.movePlacement("d1", "ticket-3", placed[3] === "AAAAAA" ? "BBBBBB" : "AAAAAA")).toBe(true);
      expect(await store.movePlacement("d1", "no-such-ticket", "AAAAAA")).toBe(false);
      expect(await store.placedCounts("d1")).toEqual(placed[3] === "AAAAAA" ? { AAAAAA: 9, BBBBBB: 11 } : { AAAAAA: 11, BBBBBB: 9 });
      await store.pinDistrict("d1", "BBBBBB");
      await store.close();
      const again = await reopen();
      expect((await again.districtByCode("EEEEEE"))?.pinned).toBe("BBBBBB");
      await again.deleteExpired(now);
      expect(await again.districtByCode("FFFFFF")).toBeUndefined();
      expect(await again.districtByCode("EEEEEE")).toBeDefined();
      await again.createDistrict({ id: "d4", code: "GGGGGG", hostTokenHash: "cd".repeat(32), createdAt: now, expiresAt: now + 60_000, plan });
      await again.placeInDistrict("d4", "ticket-x", () => "AAAAAA", now);
      await again.deleteDistrict("d4");
      expect(await again.districtByCode("GGGGGG")).toBeUndefined();
      expect(await again.placedCounts("d4")).toEqual({});
      await again.deleteExpired(now + 120_000);
      expect(await again.districtByCode("EEEEEE")).toBeUndefined();
      expect(await again.placedCounts("d1")).toEqual({});
      await again.close();
    });

    it("refuses a second session with a taken join code with an error createSession knows to retry (another process took the code)", async () => {
      const { store } = await fresh();
      await store.createSession(session("s1", "AAAAAA"));
      const taken = await store.createSession(session("s2", "AAAAAA")).then(() => undefined, (error: unknown) => error);
      expect(taken).toBeDefined();
      expect(isUniqueViolation(taken)).toBe(true);
      expect(isUniqueViolation(new Error("connection lost"))).toBe(false);
      await store.createSession(session("s3", "BBBBBB"));
      expect((await store.openSessions(0)).map((s) => s.code).sort()).toEqual(["AAAAAA", "BBBBBB"]);
    });

    it("gives every event back exactly as it was appended (same JSON, same key order), times as numbers", async () => {
      const { store } = await fresh();
      await store.createSession(session("s1", "AAAAAA"));
      const event = { type: "entry_written", zeta: 1, alpha: { b: [1, 2.5, -3e-7, null, true], a: "Zoë 🐱 \"quoted\" \\ \n 积分" }, big: 2 ** 53 - 1 };
      const at = Date.UTC(2030, 0, 1);
      await store.append("s1", 1, [event], at);
      const [stored] = await store.events("s1");
      expect(stored).toEqual({ seq: 1, at, type: "entry_written", data: event });
      expect(JSON.stringify(stored!.data)).toBe(JSON.stringify(event));
      expect(typeof stored!.at).toBe("number");
    });

    it("keeps seat tokens: a new seat, a token given a new seat, and a seat moved to a bot's", async () => {
      const { store } = await fresh();
      await store.createSession(session("s1", "AAAAAA"));
      await store.createSession(session("s2", "BBBBBB"));
      await store.append("s1", 1, [{ type: "seat_joined" }], 1, { seat: { tokenHash: "t1", seatId: "seat1" } });
      await store.append("s1", 2, [{ type: "seat_joined" }], 2, { seat: { tokenHash: "t2", seatId: "seat2" } });
      await store.append("s2", 1, [{ type: "seat_joined" }], 2, { seat: { tokenHash: "t1", seatId: "seat1" } });
      await store.append("s1", 3, [{ type: "seat_moved" }], 3, { moveSeat: { from: "seat1", to: "bot1" } });
      expect(await store.seatForToken("s1", "t1")).toBe("bot1");
      expect(await store.seatForToken("s1", "t2")).toBe("seat2");
      expect(await store.seatForToken("s2", "t1"), "another session's seat is not moved").toBe("seat1");
      await store.append("s1", 4, [{ type: "seat_joined" }], 4, { seat: { tokenHash: "t2", seatId: "seat3" } });
      expect(await store.seatForToken("s1", "t2")).toBe("seat3");
      // a seat taken and moved while the appends before them wait: each sees the ones before it
      const writes = [
        store.append("s1", 5, [{ type: "x" }], 5),
        store.append("s1", 6, [{ type: "seat_joined" }], 6, { seat: { tokenHash: "t4", seatId: "seat4" } }),
        store.append("s1", 7, [{ type: "seat_moved" }], 7, { moveSeat: { from: "seat4", to: "bot2" } }),
        store.append("s1", 8, [{ type: "seat_joined" }], 8, { seat: { tokenHash: "t5", seatId: "seat5" } }),
      ];
      expect(await settle(writes)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
      expect(await store.seatForToken("s1", "t4")).toBe("bot2");
      expect(await store.seatForToken("s1", "t5")).toBe("seat5");
    });

    it("remembers each acknowledged command id with the seq it reached", async () => {
      const { store } = await fresh();
      await store.createSession(session("s1", "AAAAAA"));
      await store.createSession(session("s2", "BBBBBB"));
      await store.append("s1", 1, [{ type: "a" }, { type: "b" }], 1, { commandKey: "host:1" });
      // acknowledged with nothing to apply: the seq of the last event before it
      await store.append("s1", 3, [], 2, { commandKey: "seat1:2" });
      await store.append("s1", 3, [{ type: "c" }], 3, { commandKey: "bot:3" });
      await store.append("s2", 1, [{ type: "a" }], 1, { commandKey: "host:1" });
      expect(await store.acknowledged("s1")).toEqual(
        new Map([
          ["host:1", 2],
          ["seat1:2", 2],
          ["bot:3", 3],
        ]),
      );
      expect(await store.acknowledged("s2")).toEqual(new Map([["host:1", 1]]));
      expect(await store.acknowledged("none")).toEqual(new Map());
    });

    it("keeps an append-only log: history cannot be rewritten, and a seq is never taken twice", async () => {
      const { store, rewriteHistory } = await fresh();
      await store.createSession(session("s1", "AAAAAA"));
      await store.append("s1", 1, [{ type: "a" }], 1);
      await expect(rewriteHistory()).rejects.toThrow(/append-only/);
      await expect(store.append("s1", 1, [{ type: "forged" }], 2)).rejects.toThrow();
      expect((await store.events("s1")).map((e) => e.type)).toEqual(["a"]);
      await expect(store.append("nobody", 1, [{ type: "a" }], 1), "no log without its session").rejects.toThrow();
    });

    it("ends sessions, and deletes expired sessions with their events, seats and command ids, and only those", async () => {
      const { store } = await fresh();
      const now = Date.now();
      await store.createSession(session("old", "OLDOLD", now - 1));
      await store.createSession(session("new", "NEWNEW"));
      await store.createSession(session("done", "DONEDO"));
      await store.append("old", 1, [{ type: "a" }], 1, { seat: { tokenHash: "t", seatId: "x" }, commandKey: "host:1" });
      await store.append("new", 1, [{ type: "a" }], 1, { seat: { tokenHash: "t", seatId: "x" } });
      await store.endSession("done", now);
      expect((await store.sessionByCode("DONEDO"))?.endedAt).toBe(now);
      expect((await store.openSessions(now)).map((s) => s.id)).toEqual(["new"]);
      expect(await store.countOpenSessions(now)).toBe(1);
      expect(await store.deleteExpired(now)).toBe(1);
      expect(await store.sessionByCode("OLDOLD")).toBeUndefined();
      expect(await store.events("old")).toEqual([]);
      expect(await store.seatForToken("old", "t")).toBeUndefined();
      expect(await store.acknowledged("old")).toEqual(new Map());
      expect(await store.events("new")).toHaveLength(1);
      expect(await store.seatForToken("new", "t")).toBe("x");
      expect(await store.deleteExpired(now)).toBe(0);
      await store.deleteSession("new");
      expect(await store.sessionByCode("NEWNEW")).toBeUndefined();
      expect(await store.events("new")).toEqual([]);
      expect(await store.sessionByCode("DONEDO")).toBeDefined();
    });

    it("stores the appends of a session in the order made and acknowledges them in that order, sessions side by side", async () => {
      const { store } = await fresh();
      const ids = ["s1", "s2", "s3"];
      for (const [i, id] of ids.entries()) await store.createSession(session(id, `CODE0${i}`));
      const acknowledged: string[] = [];
      const writes: Promise<void>[] = [];
      const next = new Map(ids.map((id) => [id, 1]));
      for (let i = 0; i < 300; i++) {
        const id = ids[i % 3]!;
        const seq = next.get(id)!;
        const count = 1 + (i % 3);
        next.set(id, seq + count);
        const events = Array.from({ length: count }, (_, k) => ({ type: `e${seq + k}` }));
        writes.push(store.append(id, seq, events, i, { commandKey: `host:${i}` }).then(() => void acknowledged.push(`${id}:${seq}`)));
        // now and then a pause, so that appends both wait behind one another and find the queue empty
        if (i % 50 === 49) await new Promise((r) => setTimeout(r, 1));
      }
      await Promise.all(writes);
      for (const id of ids) {
        const stored = await store.events(id);
        expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
        expect(stored.map((e) => e.type)).toEqual(stored.map((e) => `e${e.seq}`));
        const order = acknowledged.filter((a) => a.startsWith(`${id}:`)).map((a) => Number(a.split(":")[1]));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect((await store.acknowledged(id)).size).toBe(100);
      }
    });

    it("fails an append whose seq is taken and the later ones of its session waiting with it, not other sessions'; later appends go through", async () => {
      const { store } = await fresh();
      await store.createSession(session("s1", "AAAAAA"));
      await store.createSession(session("s2", "BBBBBB"));
      await store.append("s1", 1, [{ type: "a" }], 1);
      const outcomes = await settle([
        store.append("s1", 2, [{ type: "b" }], 2, { commandKey: "host:b" }),
        store.append("s2", 1, [{ type: "x" }], 2),
        store.append("s1", 3, [{ type: "c" }], 2, { commandKey: "host:c" }),
        store.append("s1", 2, [{ type: "taken" }], 3), // seq 2 is taken: one room holds a session at a time
        store.append("s1", 3, [{ type: "after" }], 3, { commandKey: "host:after", seat: { tokenHash: "t", seatId: "seat9" } }), // decided on top of the failed one
        store.append("s2", 2, [{ type: "y" }], 3),
      ]);
      expect(outcomes).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "rejected", "fulfilled"]);
      expect((await store.events("s1")).map((e) => [e.seq, e.type])).toEqual([
        [1, "a"],
        [2, "b"],
        [3, "c"],
      ]);
      expect((await store.events("s2")).map((e) => [e.seq, e.type])).toEqual([
        [1, "x"],
        [2, "y"],
      ]);
      expect(await store.acknowledged("s1")).toEqual(
        new Map([
          ["host:b", 2],
          ["host:c", 3],
        ]),
      );
      expect(await store.seatForToken("s1", "t")).toBeUndefined();
      // the room rolled back to what was stored and decides again: that goes through
      await store.append("s1", 4, [{ type: "d" }], 4, { commandKey: "host:after" });
      expect((await store.events("s1")).map((e) => e.type)).toEqual(["a", "b", "c", "d"]);
      expect((await store.acknowledged("s1")).get("host:after")).toBe(4);
    });

    it("lets a read see the appends made before it, without waiting for them", async () => {
      const { store } = await fresh();
      await store.createSession(session("s1", "AAAAAA"));
      const stored = [
        store.append("s1", 1, [{ type: "a" }], 1, { seat: { tokenHash: "t1", seatId: "seat1" } }),
        store.append("s1", 2, [{ type: "b" }], 2, { commandKey: "host:b" }),
      ];
      // asked before the appends were acknowledged
      expect(await store.seatForToken("s1", "t1")).toBe("seat1");
      void store.append("s1", 3, [{ type: "c" }], 3, { commandKey: "host:c" });
      expect(await store.acknowledged("s1")).toEqual(
        new Map([
          ["host:b", 2],
          ["host:c", 3],
        ]),
      );
      void store.append("s1", 4, [{ type: "d" }], 4);
      expect((await store.events("s1")).map((e) => e.type)).toEqual(["a", "b", "c", "d"]);
      await Promise.all(stored);
    });

    it("writes what waits when it closes", async () => {
      const { store, reopen } = await fresh();
      await store.createSession(session("s1", "AAAAAA"));
      await store.append("s1", 1, [{ type: "a" }], 1);
      const waiting = [store.append("s1", 2, [{ type: "b" }], 2), store.append("s1", 3, [{ type: "c" }], 3, { seat: { tokenHash: "t", seatId: "seat1" } })];
      await store.close();
      expect(await settle(waiting)).toEqual(["fulfilled", "fulfilled"]);
      const again = await reopen();
      expect((await again.events("s1")).map((e) => e.type)).toEqual(["a", "b", "c"]);
      expect(await again.seatForToken("s1", "t")).toBe("seat1");
      await again.close();
    });
  });
}
