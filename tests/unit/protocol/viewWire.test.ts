/**
 * The private view's wire format (shared/protocol/viewWire.ts): views written by the server's own
 * writer and read back by the clients' decoder come back as the plain data they were written from
 * (JSON's view of it), with plain objects travelling by shape.
 */
import { describe, expect, it } from "vitest";
import { writeView } from "../../../server/rooms/stateSync.ts";
import { PrivateView } from "../../../server/rooms/sessionState.ts";
import { decodeView, isShapeItemKey } from "../../../shared/protocol/viewWire.ts";

type Synced = { parts: Record<string, string>; items: Record<string, string> };

function written(view: PrivateView): Synced {
  return { parts: view.parts.toJSON() as Record<string, string>, items: view.items.toJSON() as Record<string, string> };
}

/** A fresh view holding `value`, as its maps. */
function wire(value: Record<string, unknown>): Synced {
  const view = new PrivateView();
  writeView(view, value);
  return written(view);
}

const decoded = ({ parts, items }: Synced) => decodeView(parts, items);
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const shapesOf = (items: Record<string, string>) => Object.keys(items).filter(isShapeItemKey).sort();

describe("view wire", () => {
  it("sends a list of objects of two shapes as their values, each shape once", () => {
    const actions = [
      { id: "volunteer_park", kind: "deed", blocked: null, restriction: null, price: 0 },
      { near: false, walkAp: 2 },
      { id: "loiter", kind: "deed", blocked: "closed", restriction: null, price: 3 },
    ];
    const synced = wire({ actions });
    expect(decoded(synced)).toStrictEqual({ actions });
    expect(shapesOf(synced.items)).toHaveLength(2);
    const first = synced.items["actions#0"]!;
    const shape = first.slice(0, first.indexOf("["));
    expect(first).toBe(`${shape}["volunteer_park","deed",null,null,0]`);
    expect(synced.items["actions#2"]).toBe(`${shape}["loiter","deed","closed",null,3]`);
    expect(JSON.parse(synced.items[shape]!)).toEqual(["id", "kind", "blocked", "restriction", "price"]);
  });

  it("sends a record of objects with each entry's key first", () => {
    const trips = { park: { near: false, walkAp: 2, busFare: 3 }, cafe: { near: true, walkAp: 1, busFare: 0 }, home: null };
    const synced = wire({ trips });
    expect(decoded(synced)).toStrictEqual({ trips });
    expect(synced.items["trips%0"]).toMatch(/^~\d+\["park",false,2,3\]$/);
    expect(synced.items["trips%2"]).toBe(`"home",null`);
  });

  it("leaves out a field that is undefined, as JSON does", () => {
    const view = { list: [{ a: 1, b: undefined, c: 3 }], me: { x: { a: undefined, b: 2 } } };
    const synced = wire(view);
    expect(decoded(synced)).toStrictEqual(plain(view));
    expect(shapesOf(synced.items).map((key) => JSON.parse(synced.items[key]!) as unknown)).toEqual(expect.arrayContaining([["a", "c"], ["b"]]));
  });

  it("keeps values nested deeper as plain JSON, and an empty object as {}", () => {
    const view = { list: [{ goal: "home", where: { day: 2, places: ["park"] }, seen: [] }, {}], me: { pos: { at: { x: 1 } }, empty: {} } };
    const synced = wire(view);
    expect(decoded(synced)).toStrictEqual(view);
    expect(synced.items["list#0"]).toMatch(/^~\d+\["home",\{"day":2,"places":\["park"\]\},\[\]\]$/);
    expect(synced.items["list#1"]).toBe("{}");
    expect(synced.items["me%1"]).toBe(`"empty",{}`);
  });

  it("keeps __proto__ a plain key, of a record or of a shaped object", () => {
    const odd = JSON.parse('{"__proto__":{"polluted":true},"x":1}') as Record<string, unknown>;
    const view = { list: [odd], me: JSON.parse('{"__proto__":{"near":true}}') as Record<string, unknown> };
    const back = decoded(wire(view))!;
    expect(back).toStrictEqual(view);
    const [element] = back.list as Record<string, unknown>[];
    expect(Object.keys(element!)).toEqual(["__proto__", "x"]);
    expect(Object.getPrototypeOf(element)).toBe(Object.prototype);
    expect(Object.keys(back.me as object)).toEqual(["__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("gives null when a shape is missing", () => {
    const synced = wire({ list: [{ a: 1 }] });
    const [shape] = shapesOf(synced.items);
    delete synced.items[shape!];
    expect(decoded(synced)).toBeNull();
    expect(decodeView(synced.parts, { ...synced.items, "list#0": "~x" })).toBeNull();
  });

  it("sends each view a shape once, the first time it uses it", () => {
    const a = { id: "a", price: 1 };
    const view = new PrivateView();
    writeView(view, { list: [a] });
    const shapeKey = shapesOf(written(view).items)[0]!;
    view.items.delete(shapeKey); // were it written again, it would be back
    writeView(view, { list: [a, { id: "b", price: 2 }] });
    expect(written(view).items[shapeKey]).toBeUndefined();
    // another view holding the same objects is sent the same texts, and the shape
    const other = wire({ list: [a, { id: "b", price: 2 }] });
    expect(other.items["list#0"]).toBe(written(view).items["list#0"]);
    expect(shapesOf(other.items)).toEqual([shapeKey]);
    expect(decoded(other)).toStrictEqual({ list: [a, { id: "b", price: 2 }] });
  });

  it("leaves alone an element rebuilt with the same fields, and writes one whose fields changed", () => {
    // views build some elements afresh at every change (a goal's progress, an entry without its approver)
    const goal = (met: boolean) => ({ goal: "home", met, places: ["park", "market"], where: null });
    const view = new PrivateView();
    writeView(view, { goals: [goal(false)], me: { at: { x: 1 }, ap: 3 } });
    // a rewrite would replace these marks
    view.items.set("goals#0", "mark");
    view.items.set("me%0", "mark");
    writeView(view, { goals: [goal(false)], me: { at: { x: 1 }, ap: 3 } });
    expect([view.items.get("goals#0"), view.items.get("me%0")]).toEqual(["mark", "mark"]);
    // a changed field, a list of another length, an object nested deeper: written again
    writeView(view, { goals: [goal(true)], me: { at: { x: 2 }, ap: 3 } });
    expect(decoded(written(view))).toStrictEqual({ goals: [goal(true)], me: { at: { x: 2 }, ap: 3 } });
    writeView(view, { goals: [{ ...goal(true), places: ["park"] }], me: { at: { x: 2, y: 0 }, ap: 3 } });
    expect(decoded(written(view))).toStrictEqual({ goals: [{ ...goal(true), places: ["park"] }], me: { at: { x: 2, y: 0 }, ap: 3 } });
    // the same fields in another order make another shape: written again
    writeView(view, { goals: [{ met: true, goal: "home", places: ["park"], where: null }], me: { at: { x: 2, y: 0 }, ap: 3 } });
    expect(Object.keys((decoded(written(view))!.goals as object[])[0]!)).toEqual(["met", "goal", "places", "where"]);
  });
});
