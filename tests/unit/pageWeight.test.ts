/**
 * The join page stays light: it loads no Phaser and no zod, and fits QUALITY.md's 100 kB gzip
 * budget. Sizes are deterministic for a build, so this is a guard, not a timing test.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { measurePageWeight } from "../bench/pageWeight.ts";
import { CLIENT_DIST } from "../../server/clientBuild.ts";

describe("page weight", () => {
  it("keeps the join page under 100 kB gzip", async () => {
    const weights = await measurePageWeight();
    expect(weights.join!.gzipBytes).toBeLessThan(100 * 1024);
    expect(weights.board!.gzipBytes).toBeLessThan(150 * 1024);
  });

  it("ships no Phaser and no zod to the browser", () => {
    const code = readdirSync(join(CLIENT_DIST, "assets"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(CLIENT_DIST, "assets", f), "utf8"))
      .join("\n");
    expect(code).not.toMatch(/Phaser v\d/);
    expect(code).not.toContain("ZodError");
  });
});
