/**
 * The CSV exports a teacher opens in a spreadsheet: the scenario's labels in the reader's
 * language beside the ids (grade, goals, deed), every formula-like start neutralised, and
 * bidi override/isolate characters stripped so a cell reads as what it holds.
 */
import { describe, expect, it } from "vitest";
import { csvCell, entriesCsv, ENTRY_COLUMNS, people, PLAYER_COLUMNS, playersCsv } from "../../../shared/debrief/index.ts";
import type { Role } from "../../../shared/rules/index.ts";
import type { Command } from "../../../shared/commands/index.ts";
import { loadScenario } from "../rules/helpers.ts";
import { ScriptedGame } from "./scripted.ts";

const pilot = loadScenario("rongcheng-pilot");
const SEATS: [string, Role][] = [["r1", "resident"], ["r2", "resident"], ["w1", "watcher"], ["o1", "official"]];

/** A tiny parser for the tests (RFC 4180: quoted cells, doubled quotes, CRLF rows). */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && csv[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

function game() {
  const g = new ScriptedGame(pilot, SEATS).to("day");
  g.do("w1", { kind: "move", to: "park" } as Command).do("r1", { kind: "move", to: "park" } as Command).do("r1", { kind: "act", action: "litter" } as Command);
  g.do("w1", { kind: "write_entry", subject: "r1", deed: "litter", basis: "witnessed", occurrence: Object.keys(g.game.occurrences)[0], note: "=cmd|'/c calc'!A1" } as Command);
  const replay = g.replay();
  return { final: replay.final, who: people(replay.final, replay.log) };
}

describe("CSV labels in the reader's language", () => {
  it("players: the grade's and the goals' labels beside their ids, in English and in Chinese", () => {
    const { final, who } = game();
    const g = final.game;
    for (const lang of ["en", "zh"] as const) {
      const [head, ...rows] = parse(playersCsv(g, who, true, lang));
      expect(head).toEqual([...PLAYER_COLUMNS]);
      const col = (name: string) => head!.indexOf(name);
      expect(col("grade_label")).toBe(col("grade") + 1);
      expect(col("goals_labels")).toBe(col("goals") + 1);
      const r1 = rows.find((r) => r[col("seat")] === "r1")!;
      expect(r1[col("grade")]).toBe("a");
      expect(r1[col("grade_label")]).toBe(pilot.grades.find((x) => x.id === "a")!.label[lang]);
      const goal = g.players.r1!.goals[0]!;
      expect(r1[col("goals")]).toBe(goal);
      expect(r1[col("goals_labels")]).toBe(pilot.goals.find((x) => x.id === goal)!.label[lang]);
      // anonymised names in the reader's language too
      expect(r1[col("player")]).toBe(who.get("r1")!.pseudonym[lang]);
      // the official carries no score, so no grade and no label
      expect(rows.find((r) => r[col("seat")] === "o1")![col("grade_label")]).toBe("");
    }
  });

  it("entries: the deed's label beside its id; English when no language is asked for", () => {
    const { final, who } = game();
    const zh = parse(entriesCsv(final.game, who, false, "zh"));
    expect(zh[0]).toEqual([...ENTRY_COLUMNS]);
    const deed = zh[0]!.indexOf("deed");
    expect(zh[0]![deed + 1]).toBe("deed_label");
    expect(zh[1]!.slice(deed, deed + 2)).toEqual(["litter", pilot.deeds.find((d) => d.id === "litter")!.label.zh]);
    const en = parse(entriesCsv(final.game, who, false));
    expect(en[1]!.slice(deed, deed + 2)).toEqual(["litter", pilot.deeds.find((d) => d.id === "litter")!.label.en]);
    // a watcher's note that looks like a formula stays text
    expect(en[1]![en[0]!.indexOf("note")]).toBe("'=cmd|'/c calc'!A1");
  });
});

describe("CSV cells a spreadsheet could run", () => {
  const starts = ["=", "+", "-", "@", "\t", "\r", "\n", " ", "\u3000", "＝", "＋", "－", "＠"];
  it.each(starts.map((s) => [JSON.stringify(s), s]))("a text starting with %s is neutralised with a quote", (_, start) => {
    const text = `${start}SUM(A1:A9)`;
    const cell = csvCell(text);
    const inner = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(inner).toBe(`'${text}`);
    // and it survives a round trip through a CSV reader as the same text with the guard
    expect(parse(`${cell}\r\n`)).toEqual([[`'${text}`]]);
  });

  it("leaves ordinary text and real numbers alone", () => {
    expect(csvCell("Litter")).toBe("Litter");
    expect(csvCell("乱扔垃圾")).toBe("乱扔垃圾");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("strips bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069), also before a formula", () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const c = String.fromCodePoint(cp);
      expect(csvCell(`Ann${c}exe.txt`), cp.toString(16)).toBe("Annexe.txt");
      // hiding a formula behind an invisible control does not get it past the guard
      expect(csvCell(`${c}=1+1`), cp.toString(16)).toBe("'=1+1");
    }
    expect(csvCell("\u202Etxt.exe\u202C")).toBe("txt.exe");
  });
});
