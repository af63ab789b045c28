import { defineConfig } from "vite";
import { resolve } from "node:path";

// The client: three small pages (join, host, board) built into dist/client, served by the game
// server itself. Nothing is loaded from any other host.
export default defineConfig({
  root: resolve(import.meta.dirname, "client"),
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, "dist/client"),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    // fonts stay files (fetched by unicode-range only when needed), never base64 inside the CSS
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    rollupOptions: {
      input: {
        join: resolve(import.meta.dirname, "client/index.html"),
        host: resolve(import.meta.dirname, "client/host.html"),
        board: resolve(import.meta.dirname, "client/board.html"),
        debrief: resolve(import.meta.dirname, "client/debrief.html"),
      },
    },
  },
});
