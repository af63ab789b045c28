/**
 * Pages stay light: the join page loads no Phaser and fits QUALITY.md's 100 kB gzip budget, the
 * whole play page (join page + play screen + town with Phaser, all it reaches through import())
 * fits 450 kB, and Phaser and zod reach a browser only in lazily loaded chunks (zod only when the
 * debrief opens an exported file or the event debrief compares its streets).
 * Sizes are deterministic for a build, so this is a guard, not a timing test.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { measurePageWeight, pageFiles } from "../bench/pageWeight.ts";
import { CLIENT_DIST, ensureClientBuilt } from "../../server/clientBuild.ts";

/** Phaser's banner, present in any bundle that holds Phaser (minified: "Phaser v`+x.VERSION"). */
const PHASER = /Phaser v/;
const read = (file: string) => readFileSync(join(CLIENT_DIST, file), "utf8");

describe("page weight", () => {
  it("keeps the join page under 100 kB gzip and the whole play page under 450 kB", async () => {
    const weights = await measurePageWeight();
    expect(weights.join!.gzipBytes).toBeLessThan(100 * 1024);
    expect(weights.board!.gzipBytes).toBeLessThan(150 * 1024);
    // the scenario lab before any action: the rules, the simulator and zod come with its worker
    expect(weights.lab!.gzipBytes).toBeLessThan(150 * 1024);
    // the event debrief before the logs come: the comparison (the simulator's measures, zod with them) and chart.js load after
    expect(weights.eventDebrief!.gzipBytes).toBeLessThan(80 * 1024);
    expect(weights.event!.gzipBytes).toBeLessThan(150 * 1024);
    // the event's big board: its tiles and strip (each framed neighbourhood's board loads as the board page does)
    expect(weights.eventBoard!.gzipBytes).toBeLessThan(80 * 1024);
    expect(weights.play!.gzipBytes).toBeLessThan(450 * 1024);
  });

  it("loads Phaser only lazily, and the play page reaches it", async () => {
    await ensureClientBuilt();
    const pages = pageFiles();
    for (const [page, files] of Object.entries(pages)) {
      for (const file of files.static.filter((f) => f.endsWith(".js"))) expect(read(file), `${page} loads ${file} at once`).not.toMatch(PHASER);
    }
    expect(pages.join.lazy.some((f) => f.endsWith(".js") && PHASER.test(read(f))), "the play screen's town").toBe(true);
  });

  it("loads zod only when the debrief opens an exported file, the event debrief compares its streets, or in the scenario lab's worker", () => {
    const withZod = readdirSync(join(CLIENT_DIST, "assets")).filter((f) => f.endsWith(".js") && read(join("assets", f)).includes("ZodError")).map((f) => `assets/${f}`);
    const pages = pageFiles();
    for (const [page, files] of Object.entries(pages)) expect(files.static.filter((f) => withZod.includes(f)), page).toEqual([]);
    const labWorker = (f: string) => /^assets\/worker-[\w-]+\.js$/.test(f);
    expect(withZod.every((f) => (pages.debrief.lazy.includes(f) || pages.eventDebrief.lazy.includes(f) || labWorker(f)) && !pages.join.lazy.includes(f)), withZod.join(", ")).toBe(true);
    expect(withZod.some(labWorker), "the lab's worker checks drafts with the scenario schema").toBe(true);
  });
});
