/**
 * `npm start` serves a built client. If there is none, or the sources are newer than the last
 * build, it builds one first (Vite, a few seconds), so a fresh clone needs no separate step. An
 * installed package ships dist/client without the client sources: then the build counts as fresh.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const CLIENT_DIST = join(ROOT, "dist", "client");
const STAMP = join(CLIENT_DIST, ".built");
const SOURCES = ["client", "shared", "assets", "vite.config.ts"].map((p) => join(ROOT, p));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function clientIsFresh(): boolean {
  if (!existsSync(STAMP)) return false;
  // an installed package ships the built client without its sources: that build is the client
  if (!existsSync(join(ROOT, "client"))) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}

export async function ensureClientBuilt(log: (message: string) => void = () => {}, options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && clientIsFresh()) return;
  log("Building the client…");
  const started = Date.now();
  try {
    const { build } = await import("vite");
    await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
  } catch (error) {
    // an installation this user may not write to: serve the build that is there, if any
    const code = (error as { code?: unknown }).code;
    const cannotWrite = code === "EACCES" || code === "EPERM" || code === "EROFS";
    if (options.force || !cannotWrite || !existsSync(STAMP)) throw error;
    log(`Cannot write the client build here (${code}); serving the existing build.`);
    return;
  }
  writeFileSync(STAMP, new Date().toISOString());
  log(`Client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
