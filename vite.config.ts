import { defineConfig } from "vite";
import { resolve } from "node:path";
import type { Plugin } from "vite";

/**
 * Phaser's sources test build flags as `if (typeof WEBGL_DEBUG)`, expecting the whole
 * `typeof FLAG` to be replaced at build time (a plain define would leave `typeof false`, a
 * non-empty string, so every flag would be on). This replaces it in Phaser's files only.
 */
function phaserFlags(flags: Record<string, boolean>): Plugin {
  const pattern = new RegExp(`typeof (${Object.keys(flags).join("|")})\\b`, "g");
  return {
    name: "phaser-flags",
    transform(code, id) {
      if (!id.includes("/node_modules/phaser/src/")) return null;
      return { code: code.replace(pattern, (_m, flag: string) => String(flags[flag])), map: null };
    },
  };
}

// The client: three small pages (join, host, board) built into dist/client, served by the game
// server itself. Nothing is loaded from any other host.
export default defineConfig({
  root: resolve(import.meta.dirname, "client"),
  // the town draws with a lean Phaser built from its sources (client/town/phaser-lean.js)
  resolve: {
    alias: {
      phaser: resolve(import.meta.dirname, "client/town/phaser-lean.js"),
      "phaser-src": resolve(import.meta.dirname, "node_modules/phaser/src"),
      phaser3spectorjs: resolve(import.meta.dirname, "client/town/phaser-spector.js"),
    },
  },
  define: {
    global: "globalThis", // Phaser's sources (CommonJS) end with `global.Phaser = Phaser`
  },
  plugins: [phaserFlags({ WEBGL_RENDERER: true, CANVAS_RENDERER: true, FEATURE_SOUND: false, WEBGL_DEBUG: false, PLUGIN_CAMERA3D: false, PLUGIN_FBINSTANT: false })],

  // the scenario lab's worker (client/lab/worker.ts) is a module worker, like the pages' scripts
  worker: { format: "es" },
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, "dist/client"),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    // the town's lazy chunk holds Phaser (~1 MB minified, 230 kB gzip); page weight is guarded by tests/unit/pageWeight.test.ts
    chunkSizeWarningLimit: 1500,
    // fonts stay files (fetched by unicode-range only when needed), never base64 inside the CSS
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    rollupOptions: {
      input: {
        join: resolve(import.meta.dirname, "client/index.html"),
        host: resolve(import.meta.dirname, "client/host.html"),
        board: resolve(import.meta.dirname, "client/board.html"),
        debrief: resolve(import.meta.dirname, "client/debrief.html"),
        lab: resolve(import.meta.dirname, "client/lab.html"),
        event: resolve(import.meta.dirname, "client/event.html"),
        "event-board": resolve(import.meta.dirname, "client/event-board.html"),
        "event-debrief": resolve(import.meta.dirname, "client/event-debrief.html"),
      },
    },
  },
});
