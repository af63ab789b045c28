/**
 * Packaging for event hosts: `npm pack`, install the tarball into an empty folder, and start the
 * game with one command (`npx good-standing`). Installing compiles better-sqlite3 from source
 * (one to two minutes here), so this runs with `npm run test:package`, not in `npm test`.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../server/clientBuild.ts";
import { freePort } from "../support/process.ts";
import { until } from "../support/server.ts";

const enabled = process.env.GS_PACKAGE_TEST === "1";
const work = mkdtempSync(join(tmpdir(), "gs-package-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!enabled)("the packed game", () => {
  it("installs from its tarball into an empty folder and starts with one command", async () => {
    execFileSync("npm", ["pack", "--pack-destination", work], { cwd: ROOT, stdio: "ignore" });
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBeTruthy();
    const folder = join(work, "event");
    mkdirSync(folder);
    // npm 11 runs a dependency's install script only when approved: the SQLite driver compiles in one
    writeFileSync(join(folder, "package.json"), JSON.stringify({ allowScripts: { "better-sqlite3": true, esbuild: true } }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(work, tarball!)], { cwd: folder, stdio: "ignore" });

    const port = await freePort();
    const child = spawn("npx", ["good-standing"], {
      cwd: folder,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    try {
      await until(() => output.includes("Good Standing is running"), `the start banner (output so far: ${output})`, 60_000);
      expect(output).toContain(`http://127.0.0.1:${port}/host`);
      expect(output).not.toContain("Building the client"); // the tarball ships the built client
      const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
      const join = await fetch(`http://127.0.0.1:${port}/`);
      expect(join.status).toBe(200);
      expect(await join.text()).toContain("<script type=\"module\"");
      const { scenarios } = (await (await fetch(`http://127.0.0.1:${port}/api/scenarios`)).json()) as { scenarios: unknown[] };
      expect(scenarios.length).toBeGreaterThanOrEqual(4);
      expect(readdirSync(folder)).toContain("data"); // the SQLite file lives where the host started it
    } finally {
      child.kill("SIGTERM");
    }
  }, 600_000);
});
