#!/usr/bin/env node
/**
 * `npx good-standing` (or `good-standing` once installed): starts the game from a packed or
 * installed copy — the same server as `npm start`, with the client already built into the package.
 * Configuration comes from the environment exactly as for `npm start` (see README).
 */
import { register } from "tsx/esm/api";

register();
await import("../server/main.ts");
