import { describe, expect, it } from "vitest";
import { actionsAt } from "../../../shared/rules/index.ts";
import { HOST, ok, rejected, to, town, withPlayer } from "./helpers.ts";

describe("move", () => {
  it("is free within a zone, costs an action point on foot across zones, or a bus fare", () => {
    const s = to(town(), "day");
    const near = ok(s, "r1", { kind: "move", to: "park" });
    expect(near.players.r1).toMatchObject({ location: "park", ap: 3, money: 100 });
    const walk = ok(s, "r1", { kind: "move", to: "market", by: "walk" });
    expect(walk.players.r1).toMatchObject({ location: "market", ap: 2, money: 100 });
    const bus = ok(s, "r1", { kind: "move", to: "market", by: "bus" });
    expect(bus.players.r1).toMatchObject({ location: "market", ap: 3, money: 96 });
  });

  it("the bus is half price for AA and above, full fare when blacklisted", () => {
    const s = to(town(), "day");
    const aa = withPlayer(s, "r1", { grade: "aa", perks: ["half_price_bus", "deposit_free"] });
    expect(ok(aa, "r1", { kind: "move", to: "market", by: "bus" }).players.r1!.money).toBe(98);
    const d = withPlayer(s, "r1", { grade: "d", perks: ["half_price_bus"], restrictions: ["full_fare_bus"] });
    expect(ok(d, "r1", { kind: "move", to: "market", by: "bus" }).players.r1!.money).toBe(96);
  });

  it("is refused with a reason otherwise", () => {
    const s = to(town(), "day");
    rejected(s, "r1", { kind: "move", to: "moon" }, "unknown_location");
    rejected(s, "r1", { kind: "move", to: "home" }, "already_there");
    rejected(withPlayer(s, "r1", { ap: 0 }), "r1", { kind: "move", to: "market", by: "walk" }, "no_action_points");
    rejected(withPlayer(s, "r1", { money: 1 }), "r1", { kind: "move", to: "market", by: "bus" }, "not_enough_money");
    rejected(s, "o1", { kind: "move", to: "market" }, "wrong_role");
    rejected(s, HOST, { kind: "move", to: "market" }, "wrong_role");
    rejected(ok(s, HOST, { kind: "end" }), "r1", { kind: "move", to: "market" }, "game_over");
    // the town is awake in every phase: moving in the morning or the evening is allowed
    expect(ok(town(), "r1", { kind: "move", to: "park" }).players.r1!.location).toBe("park");
    expect(ok(to(town(), "evening"), "r1", { kind: "move", to: "park" }).players.r1!.location).toBe("park");
  });

  it("watchers move like residents", () => {
    const s = to(town(), "day");
    expect(ok(s, "w1", { kind: "move", to: "park" }).players.w1!.location).toBe("park");
  });
});

describe("act", () => {
  it("a deed records the truth, its cost and benefit, and the watchers who saw it", () => {
    let s = to(town(), "day");
    s = ok(s, "w1", { kind: "move", to: "park" });
    s = ok(s, "r1", { kind: "move", to: "park" });
    s = ok(s, "r1", { kind: "act", action: "litter" });
    const [o] = Object.values(s.occurrences);
    expect(o).toMatchObject({ actor: "r1", deed: "litter", location: "park", witnesses: ["w1"], camera: false });
    expect(s.players.r1).toMatchObject({ ap: 3, wellbeing: 6 });
    expect(Object.keys(s.journal)).toHaveLength(0);
    rejected(s, "r1", { kind: "act", action: "litter" }, "done_today");
  });

  it("a camera at the market flags what it sees as a witnessed entry for the officials", () => {
    let s = to(town(), "day");
    s = ok(s, "r1", { kind: "move", to: "market", by: "bus" });
    s = ok(s, "r1", { kind: "act", action: "buy_alcohol" });
    const entries = Object.values(s.journal);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ source: "camera", deed: "buy_alcohol", basis: "witnessed", status: "pending" });
    expect(s.players.r1).toMatchObject({ money: 81, wellbeing: 7, ap: 2 });
  });

  it("refuses actions that are elsewhere, unknown, unaffordable or not offered", () => {
    const s = to(town(), "day");
    rejected(s, "r1", { kind: "act", action: "donate_blood" }, "not_here");
    rejected(s, "r1", { kind: "act", action: "fly_to_mars" }, "unknown_action");
    rejected(s, "r1", { kind: "act", action: "default_loan" }, "unknown_action");
    rejected(s, "r1", { kind: "act", action: "return_wallet" }, "not_offered");
    rejected(withPlayer(s, "r1", { ap: 0 }), "r1", { kind: "act", action: "help_elderly" }, "no_action_points");
    rejected(withPlayer(s, "r1", { money: 10 }), "r1", { kind: "act", action: "rent_bike" }, "not_enough_money");
    rejected(s, "o1", { kind: "act", action: "help_elderly" }, "wrong_role");
    rejected(ok(s, HOST, { kind: "end" }), "r1", { kind: "act", action: "help_elderly" }, "game_over");
    expect(Object.keys(ok(to(town(), "night"), "r1", { kind: "act", action: "help_elderly" }).occurrences)).toHaveLength(1);
  });

  it("a service grants its item; a grade's restriction blocks it with the restriction named", () => {
    let s = to(town(), "day");
    s = ok(s, "r1", { kind: "move", to: "station", by: "bus" });
    // tickets go on sale on day 2, once the first grades are published
    rejected(withPlayer(s, "r1", { money: 200 }), "r1", { kind: "act", action: "train_ticket" }, "not_open_yet");
    expect(actionsAt(s, "r1").find((a) => a.id === "train_ticket")).toMatchObject({ blocked: "not_open_yet" });
    s = withPlayer(to(to(s, "night"), "day"), "r1", { money: 200, location: "station" });
    const bought = ok(s, "r1", { kind: "act", action: "train_ticket" });
    expect(bought.players.r1!.items).toEqual(["train_ticket"]);
    expect(bought.players.r1!.itemDays).toEqual({ train_ticket: 2 });
    expect(bought.players.r1!.money).toBe(200 - 120);
    const b = withPlayer(s, "r1", { grade: "b", restrictions: ["no_fast_travel"] });
    rejected(b, "r1", { kind: "act", action: "train_ticket" }, "blocked_by_restriction");
    const blocked = actionsAt(b, "r1").find((a) => a.id === "train_ticket");
    expect(blocked).toMatchObject({ blocked: "blocked_by_restriction", restriction: "no_fast_travel" });
  });

  it("deposit-free rental for AA and above", () => {
    const s = to(town(), "day");
    expect(ok(s, "r1", { kind: "act", action: "rent_bike" }).players.r1).toMatchObject({ money: 80, ap: 4 });
    const aa = withPlayer(s, "r1", { grade: "aa", perks: ["half_price_bus", "deposit_free"] });
    expect(ok(aa, "r1", { kind: "act", action: "rent_bike" }).players.r1!.money).toBe(100);
  });

  it("an offered event deed can be done once", () => {
    let s = to(town(), "day");
    s = withPlayer(s, "r1", { offers: ["return_wallet"] });
    s = ok(s, "r1", { kind: "act", action: "return_wallet" });
    expect(s.players.r1!.offers).toEqual([]);
    rejected(s, "r1", { kind: "act", action: "return_wallet" }, "not_offered");
  });
});
