/**
 * Boots one Good Standing server: store, scenario catalogue, HTTP API, pages and the Colyseus
 * session rooms, all on one port. Used by `server/main.ts` and by the tests (which pass port 0
 * and a temporary data directory).
 */
import "./shim.ts";
import http from "node:http";
import { join } from "node:path";
import { Server, defineRoom, defineServer, matchMaker, type IRoomCache, type Presence } from "@colyseus/core";
import { RedisPresence } from "@colyseus/redis-presence";
import { RedisDriver } from "@colyseus/redis-driver";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { Encoder } from "@colyseus/schema";
import type { Application } from "express";
import type { Config } from "./config.ts";
import { createLogger, type Logger } from "./log.ts";
import { colyseusLogger, routeSchemaDecodeErrors } from "./colyseusLog.ts";
import { openSqliteStore } from "./store/sqlite.ts";
import { describeDatabase, openPostgresStore } from "./store/postgres.ts";
import type { Store } from "./store/store.ts";
import { loadCatalogue } from "./scenarios.ts";
import { provideRoomServices, type RoomServices } from "./rooms/services.ts";
import { SessionRoom } from "./rooms/sessionRoom.ts";
import { SESSION_ROOM } from "../shared/protocol/index.ts";
import { apiRouter, type Startup } from "./http/api.ts";
import { debriefRouter } from "./http/debrief.ts";
import { eventsRouter } from "./http/events.ts";
import { loadVariantShelf } from "./variants.ts";
import { pagesRouter } from "./http/pages.ts";
import { closeCrossOrigin, securityHeaders } from "./http/security.ts";
import { attemptLimiter, requestLimits } from "./limits.ts";
import { alwaysMyTurn, sharedSweepTurn } from "./sweepTurn.ts";
import { installDoor } from "./http/door.ts";
import { findOrReopen, reopenSessions } from "./sessions/open.ts";
import { sweepExpired } from "./sessions/delete.ts";
import { describeRedis, reachRedis, redisClient, redisHolders, soleHolder, type Holders } from "./holders.ts";
import { CLIENT_DIST, ROOT } from "./clientBuild.ts";

export type Running = {
  port: number;
  url: string;
  services: RoomServices;
  /** Stops accepting, closes every connection and the store. */
  close(): Promise<void>;
};

export type StartOptions = {
  log?: Logger;
  /** Let Colyseus handle SIGTERM/SIGINT and exit the process (the real server does; tests don't). */
  handleSignals?: boolean;
  scenariosDir?: string;
};

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use. Stop the other program or choose another port, e.g. PORT=${port + 1} npm start`);
  }
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;

// The first full state carries the rulebook (a scenario is 15–25 kB of JSON) and, for the
// facilitator, the whole game: room for both in one encode.
Encoder.BUFFER_SIZE = 256 * 1024;

export async function startServer(config: Config, options: StartOptions = {}): Promise<Running> {
  const log = options.log ?? createLogger(config.logLevel);
  if (config.redisUrl) await reachRedis(config.redisUrl);
  const store = await openStore(config, log);
  const builtIn = options.scenariosDir ?? join(ROOT, "assets", "scenarios");
  const catalogue = config.scenariosDir ? loadCatalogue(builtIn, config.scenariosDir) : loadCatalogue(builtIn);
  for (const problem of catalogue.problems) log.error({ file: problem.file, errors: problem.errors }, "scenario refused");
  const shelf = loadVariantShelf(join(ROOT, "assets", "variants"), catalogue);
  for (const problem of shelf.problems) log.warn({ file: problem.file, errors: problem.errors }, "variants file left out");
  const redis = config.redisUrl ? redisClient(config.redisUrl, log) : undefined;
  const holders: Holders = redis ? redisHolders(redis, log, { onLost: (code) => void matchMaker.getLocalRoomById(code)?.disconnect(), onKept: (code) => keepListed(code, log) }) : soleHolder;
  const closeRedis = async () => {
    await holders.close();
    await redis?.quit().catch(() => {});
  };
  const services: RoomServices = {
    config,
    store,
    holders,
    log,
    catalogue,
    refusedJoins: attemptLimiter(30, 60, redis && { redis, name: "guesses" }),
    now: () => Date.now(),
  };
  provideRoomServices(services);
  closeCrossOrigin();

  routeSchemaDecodeErrors(log);
  const httpServer = http.createServer();
  const transport = new WebSocketTransport({ server: httpServer, maxPayload: 4 * 1024 });
  const startup: Startup = { reopened: false };
  const shared = config.redisUrl ? sharedMatchmaking(config.redisUrl, config.publicAddress, log) : {};
  const server: Server = defineServer({
    rooms: { [SESSION_ROOM]: defineRoom(SessionRoom) },
    transport,
    ...shared,
    greet: false,
    // its notices and each bad frame's stack trace: one pino line each, not raw console output
    logger: colyseusLogger(log),
    gracefullyShutdown: options.handleSignals === true,
    express: (app: Application) => {
      app.disable("x-powered-by");
      // the same proxies the door trusts (express-rate-limit keys on req.ip)
      app.set("trust proxy", config.trustProxy === 0 ? false : config.trustProxy);
      app.use(securityHeaders(config.publicAddress));
      const limits = requestLimits(redis);
      app.use("/api", debriefRouter(services, limits));
      app.use("/api", eventsRouter(services, shelf, limits));
      app.use("/api", apiRouter(services, startup, limits));
      app.use(pagesRouter(CLIENT_DIST));
    },
  });

  try {
    await listenOrExplain(server, httpServer, config);
  } catch (error) {
    await closeRedis();
    await store.close();
    throw error;
  }
  // joins that arrive while the sessions of before a restart reopen wait for them (not "no such session")
  let reopening!: () => void;
  const reopenedAll = new Promise<void>((resolve) => (reopening = resolve));
  installDoor(httpServer, { find: (code) => findOrReopen(services, code), trustProxy: config.trustProxy, joins: attemptLimiter(config.joinsPerMinute, 60, redis && { redis, name: "joins" }), guesses: services.refusedJoins, ready: reopenedAll });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;

  // retention's sweep: once per period for the whole deployment (sweepTurn.ts), at start and then every hour
  const myTurn = redis ? sharedSweepTurn(redis, matchMaker.processId, SWEEP_EVERY_MS) : alwaysMyTurn;
  const sweep = async () => {
    if (await myTurn()) await sweepExpired(services);
  };
  let reopened: number;
  try {
    await sweep();
    reopened = await reopenSessions(services);
  } finally {
    startup.reopened = true;
    reopening();
  }
  const sweeper = setInterval(() => void sweep().catch((e: Error) => log.error({ err: { message: e.message } }, "sweep failed")), SWEEP_EVERY_MS);
  sweeper.unref();

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    clearInterval(sweeper);
    await server.gracefullyShutdown(false);
    await closeRedis();
    await store.close();
  };
  server.onShutdown(async () => {
    clearInterval(sweeper);
    await closeRedis();
    if (!closed) await store.close();
    closed = true;
  });
  log.info({ port, reopened }, "server listening");
  return { port, url: `http://127.0.0.1:${port}`, services, close };
}

/**
 * Several processes (REDIS_URL): Colyseus's presence and room listing in Redis, so a join through
 * any process finds the room and its seat reservation sends the client to the process holding it
 * (its PUBLIC_ADDRESS). A room opens in the process that asks for it (the one that created the
 * session, or reopened it): never sent to another process by load.
 */
function sharedMatchmaking(url: string, publicAddress: string | undefined, log: Logger) {
  const presence: Presence = new RedisPresence(url);
  const driver = new RedisDriver(url);
  log.info({ redis: describeRedis(url), publicAddress }, "sessions shared with other processes through Redis");
  return { presence, driver, publicAddress, selectProcessIdToCreateRoom: async () => matchMaker.processId };
}

/**
 * A room held here must stay in the shared listing, or joins through other processes miss it. A
 * peer that found this process slow (a failed health check) or that cleaned up after a dead
 * process whose room had the same id (the join code) may have removed it: put it back.
 */
async function keepListed(code: string, log: Logger): Promise<void> {
  const room = matchMaker.getLocalRoomById(code);
  if (!room || (await matchMaker.driver.has(code))) return;
  const listing = (room as unknown as { _listing?: IRoomCache })._listing;
  if (!listing?.roomId) return;
  await matchMaker.driver.persist(listing);
  log.warn({ code }, "session room listed again (its listing had been removed)");
}

/** PostgreSQL when DATABASE_URL is set, else the SQLite file in DATA_DIR. */
async function openStore(config: Config, log: Logger): Promise<Store> {
  if (!config.databaseUrl) return openSqliteStore(join(config.dataDir, "good-standing.db"), config.durability);
  const store = await openPostgresStore(config.databaseUrl, log);
  log.info({ database: describeDatabase(config.databaseUrl) }, "sessions stored in PostgreSQL");
  return store;
}

/** Colyseus only logs a failed listen; we want a clear message and a failed start. */
function listenOrExplain(server: Server, httpServer: http.Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(config.port) : error);
    };
    httpServer.once("error", onError);
    server.listen(config.port, config.host).then(() => {
      httpServer.off("error", onError);
      resolve();
    }, reject);
  });
}
