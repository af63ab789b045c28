/**
 * The architecture rules the linter keeps: shared/ is pure (Colyseus, Phaser, express, Node
 * built-ins and timers are refused there, and only there), and in client/ only client/net/http.ts
 * calls fetch. Runs the real linter on probe files.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/clientBuild.ts";
import { tempDir } from "../support/server.ts";

function lint(dir: string, folders: string[]): string {
  try {
    execFileSync(join(ROOT, "node_modules/.bin/oxlint"), ["-c", ".oxlintrc.json", ...folders], { cwd: dir, encoding: "utf8" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe("lint", () => {
  it("refuses framework, server and Node imports and timers inside shared/, not elsewhere", () => {
    const dir = tempDir("gs-lint-");
    copyFileSync(join(ROOT, ".oxlintrc.json"), join(dir, ".oxlintrc.json"));
    mkdirSync(join(dir, "shared"));
    mkdirSync(join(dir, "server"));
    const probe = [
      'import { readFileSync } from "node:fs";',
      'import path from "path";',
      'import { Room } from "@colyseus/core";',
      'import express from "express";',
      'import Phaser from "phaser";',
      "export const used = [readFileSync, path, Room, express, Phaser];",
      "export const later = () => setTimeout(() => {}, 1);",
    ].join("\n");
    writeFileSync(join(dir, "shared", "probe.ts"), probe);
    writeFileSync(join(dir, "server", "fine.ts"), probe);
    const output = lint(dir, ["shared", "server"]);
    for (const module of ["node:fs", "path", "@colyseus/core", "express", "phaser"]) expect(output).toContain(`'${module}' import is restricted`);
    expect(output).toContain("setTimeout");
    expect(output).toContain("shared/probe.ts");
    expect(output).not.toContain("server/fine.ts");
  });

  it("refuses fetch in client/ except in client/net/http.ts, the pages' one way to the HTTP API", () => {
    const dir = tempDir("gs-lint-");
    copyFileSync(join(ROOT, ".oxlintrc.json"), join(dir, ".oxlintrc.json"));
    mkdirSync(join(dir, "client", "pages"), { recursive: true });
    mkdirSync(join(dir, "client", "net"));
    const probe = 'export const load = () => fetch("/api/scenarios");\n';
    writeFileSync(join(dir, "client", "pages", "probe.ts"), probe);
    writeFileSync(join(dir, "client", "net", "http.ts"), probe);
    const output = lint(dir, ["client"]);
    expect(output).toContain("client/pages/probe.ts");
    expect(output).toContain("client/net/http.ts, whose routes");
    expect(output).not.toContain("client/net/http.ts:");
  });
});
