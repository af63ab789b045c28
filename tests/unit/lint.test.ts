/**
 * The rule that keeps shared/ pure: Colyseus, Phaser, express, Node built-ins and timers are
 * refused there (and only there). Runs the real linter on a probe file.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/clientBuild.ts";
import { tempDir } from "../support/server.ts";

function lint(dir: string): string {
  try {
    execFileSync(join(ROOT, "node_modules/.bin/oxlint"), ["-c", ".oxlintrc.json", "shared", "server"], { cwd: dir, encoding: "utf8" });
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
    const output = lint(dir);
    for (const module of ["node:fs", "path", "@colyseus/core", "express", "phaser"]) expect(output).toContain(`'${module}' import is restricted`);
    expect(output).toContain("setTimeout");
    expect(output).toContain("shared/probe.ts");
    expect(output).not.toContain("server/fine.ts");
  });
});
