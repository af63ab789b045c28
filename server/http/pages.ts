/**
 * Serves the built client: hashed assets with a long cache, and the page routes (join, board,
 * debrief, host, the scenario lab) mapped to their HTML files, which are never cached.
 */
import express, { type Router } from "express";
import { join } from "node:path";

const PAGES: Record<string, string> = {
  "/": "index.html",
  "/join/:code": "index.html",
  "/board/:code": "board.html",
  "/debrief": "debrief.html",
  "/debrief/:code": "debrief.html",
  "/host": "host.html",
  "/lab": "lab.html",
  "/event": "event.html",
  "/event/:code/board": "event-board.html",
  "/event/:code/debrief": "event-debrief.html",
};

export function pagesRouter(clientDir: string): Router {
  const router = express.Router();
  router.use("/assets", express.static(join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false, fallthrough: false }));
  for (const [route, file] of Object.entries(PAGES)) {
    router.get(route, (_req, res) => {
      res.set("Cache-Control", "no-cache");
      res.sendFile(join(clientDir, file));
    });
  }
  router.use(express.static(clientDir, { index: false }));
  return router;
}
