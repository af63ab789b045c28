/**
 * What a session room needs from the process around it. Colyseus instantiates rooms itself, so
 * the boot code hands these over once, before any room opens.
 */
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Store } from "../store/store.ts";
import type { Catalogue } from "../scenarios.ts";
import type { AttemptLimiter } from "../limits.ts";
import type { Holders } from "../holders.ts";

export type RoomServices = {
  config: Config;
  store: Store;
  /** Which process holds which session's room (this one, without REDIS_URL). */
  holders: Holders;
  log: Logger;
  catalogue: Catalogue;
  /** Counts refused joins per address, so nobody can guess seats or names at speed. */
  refusedJoins: AttemptLimiter;
  now: () => number;
};

let current: RoomServices | undefined;

export function provideRoomServices(services: RoomServices): void {
  current = services;
}

export function roomServices(): RoomServices {
  if (!current) throw new Error("room services were not provided before a room opened");
  return current;
}
