/**
 * What the person starting the server reads (issue 13, classroom item 11), from the real server
 * started as a child process: where to open the game even with HOST=127.0.0.1 (and that students
 * on other machines cannot join then); JSON log lines when stdout is not a terminal, readable
 * lines when it is one (a pseudo-terminal from util-linux `script`, where installed).
 */
import { afterEach, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { freePort, kill, spawnServer, type ServerProcess } from "../support/process.ts";
import { tempDir, until } from "../support/server.ts";
import { ROOT } from "../../server/clientBuild.ts";
import { bannerText } from "../../server/banner.ts";

let running: ServerProcess | undefined;
afterEach(async () => {
  if (running) await kill(running);
  running = undefined;
});

const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("starting the server", () => {
  it("with HOST=127.0.0.1 and no terminal: says where to open the game, that other machines cannot join, and logs JSON", async () => {
    running = await spawnServer({ HOST: "127.0.0.1", LOG_LEVEL: "info", DATA_DIR: tempDir() });
    const { port } = running;
    await until(() => running!.output().includes("Good Standing is running"), "the start banner", 30_000);
    const output = running.output();
    expect(output).toContain(`Host console: http://127.0.0.1:${port}/host`);
    expect(output).toContain(`Open the game on this machine: http://127.0.0.1:${port}/`);
    expect(output).toContain("students on other machines cannot join");
    const logLines = output.split("\n").filter((l) => l.startsWith("{"));
    expect(logLines.length).toBeGreaterThan(0);
    const parsed = logLines.map((l) => JSON.parse(l) as { msg: string });
    expect(parsed.map((l) => l.msg)).toContain("server listening");
  }, 60_000);

  it.skipIf(!hasScript)("on a terminal: readable log lines, no JSON", async () => {
    const port = await freePort();
    const command = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(join(ROOT, "server/main.ts"))}`;
    const child = spawn("script", ["-qefc", command, "/dev/null"], {
      cwd: ROOT,
      env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", DATA_DIR: tempDir() },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      await until(() => output.includes("Good Standing is running"), `the start banner (so far: ${output})`, 45_000);
      const lines = output.split(/\r?\n/);
      expect(lines.some((l) => /^\d\d:\d\d:\d\d INFO +server listening port=\d+/.test(l)), output).toBe(true);
      expect(lines.filter((l) => l.trimStart().startsWith("{")), "no JSON on a terminal").toEqual([]);
      expect(output).toContain(`Host console: http://127.0.0.1:${port}/host`);
    } finally {
      // Ctrl-C on the terminal: the server shuts down and `script` ends with it
      child.stdin.write("\u0003");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }, 60_000);
});

describe("the start banner", () => {
  it("names each network address students can join at, or says why they cannot", () => {
    const lan = bannerText("0.0.0.0", 2567, ["192.168.1.20"]);
    expect(lan.lines).toContain("  Host console: http://localhost:2567/host");
    expect(lan.lines).toContain("  Students join at: http://192.168.1.20:2567/");
    expect(lan.joinUrl).toBe("http://192.168.1.20:2567/");
    const offline = bannerText("0.0.0.0", 2567, []);
    expect(offline.joinUrl).toBeUndefined();
    expect(offline.lines.join("\n")).toContain("students on other machines cannot join yet");
    const local = bannerText("127.0.0.1", 8080, ["192.168.1.20"]);
    expect(local.joinUrl).toBeUndefined();
    expect(local.lines.join("\n")).toContain("Open the game on this machine: http://127.0.0.1:8080/");
  });
});
