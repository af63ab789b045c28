/**
 * Server settings, read once from the environment and validated. A bad value stops the server
 * with a message naming the variable, instead of failing later in a confusing way.
 */
import { statSync } from "node:fs";
import { z } from "zod";

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const isPostgresUrl = (value: string) => {
  try {
    return ["postgres:", "postgresql:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const isRedisUrl = (value: string) => {
  try {
    return ["redis:", "rediss:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** host:port, as clients reach this process (no scheme, no path): a name or IPv4/[IPv6] and a port 1–65535. */
/** host:port, and a path when a reverse proxy routes each process by its own path (game.example.org:443/p1). */
const isPublicAddress = (value: string) => {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})(?:\/[A-Za-z0-9._~-]+)*$/.exec(value);
  if (!match) return false;
  const port = Number(match[2]);
  return port >= 1 && port <= 65535;
};

/** URLs that may hold a password. */
const SECRET_URLS = new Set(["DATABASE_URL", "REDIS_URL"]);

/** A refused DATABASE_URL as it may be shown: its scheme only (the rest may hold a password). */
const schemeOnly = (value: string | undefined) => {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value?.trim() ?? "")?.[1];
  return scheme ? `"${scheme}:…"` : "(hidden)";
};

const intFrom = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const EnvSchema = z.object({
  PORT: intFrom(0, 65535).default(2567),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RETENTION_DAYS: intFrom(1, 365).default(7),
  /** When set, creating a session needs this key (for events where students share the LAN). */
  HOST_KEY: z.string().min(8, "must be at least 8 characters").max(128).optional(),
  MAX_SESSIONS: intFrom(1, 10_000).default(200),
  JOINS_PER_MINUTE: intFrom(1, 100_000).default(600),
  API_REQUESTS_PER_MINUTE: intFrom(1, 100_000).default(600),
  MESSAGES_PER_SECOND: intFrom(1, 1000).default(20),
  /**
   * How many reverse proxies stand between the clients and this server. 0 (the default): a
   * client's address is its socket's, and X-Forwarded-For is ignored (anyone can write it).
   */
  TRUST_PROXY: intFrom(0, 10).default(0),
  RECONNECT_SECONDS: intFrom(0, 3600).default(20),
  BOT_THINK_MS: intFrom(50, 60_000).default(2500),
  /** "process": acknowledged commands survive a crash of the server; "machine": also a power cut (slower). */
  DURABILITY: z.enum(["process", "machine"]).default("process"),
  /** A folder of extra scenario files (your own), offered beside the built-in ones. */
  SCENARIOS_DIR: z.string().trim().min(1).refine(isDirectory, "must be an existing folder").optional(),
  /** When set, the sessions live in this PostgreSQL database instead of the SQLite file in DATA_DIR. */
  DATABASE_URL: z.string().trim().refine(isPostgresUrl, "must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@db.example:5432/good_standing").optional(),
  /**
   * When set, several server processes share the sessions: Colyseus's presence and room listing
   * live in this Redis, and a join through any process reaches the room wherever it is held.
   */
  REDIS_URL: z.string().trim().refine(isRedisUrl, "must be a redis:// or rediss:// URL, e.g. redis://redis.example:6379").optional(),
  /** With REDIS_URL: host:port at which clients reach this very process (its WebSocket). */
  PUBLIC_ADDRESS: z
    .string()
    .trim()
    .refine(isPublicAddress, "must be host:port as clients reach this process, e.g. 10.0.0.5:2567, or host:port/path behind a proxy that routes by path, e.g. game.example.org:443/p1 (no scheme)")
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  retentionDays: number;
  hostKey: string | undefined;
  maxSessions: number;
  joinsPerMinute: number;
  apiRequestsPerMinute: number;
  messagesPerSecond: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed (0: none). */
  trustProxy: number;
  reconnectSeconds: number;
  /** How long each bot waits between its commands. */
  botThinkMs: number;
  /** An extra folder of scenarios, or undefined. */
  scenariosDir: string | undefined;
  durability: "process" | "machine";
  /** A PostgreSQL database for the store, or undefined: the SQLite file in dataDir. */
  databaseUrl: string | undefined;
  /** Redis shared by several processes (presence, room listing, one holder per session), or undefined: one process. */
  redisUrl: string | undefined;
  /** host:port at which clients reach this process (Colyseus's publicAddress), or undefined. */
  publicAddress: string | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Reads the settings from `env`; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const known = Object.keys(EnvSchema.shape);
  const picked = Object.fromEntries(known.filter((k) => env[k] !== undefined && env[k] !== "").map((k) => [k, env[k]]));
  const result = EnvSchema.safeParse(picked);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const shown = name === "HOST_KEY" ? "(hidden)" : SECRET_URLS.has(name) ? schemeOnly(picked[name]) : JSON.stringify(picked[name]);
        return `${name} ${issue.message} (got ${shown})`;
      }),
    );
  }
  const e = result.data;
  const together: string[] = [];
  if (e.REDIS_URL && !e.DATABASE_URL) together.push("REDIS_URL needs DATABASE_URL: processes sharing sessions must share one PostgreSQL store (the SQLite file is one process's)");
  if (e.REDIS_URL && !e.PUBLIC_ADDRESS) together.push("REDIS_URL needs PUBLIC_ADDRESS: the host:port at which clients reach this process, so a join through another process can send them here");
  if (e.PUBLIC_ADDRESS && !e.REDIS_URL) together.push("PUBLIC_ADDRESS is only used with REDIS_URL (several processes); set both or neither");
  if (together.length > 0) throw new ConfigError(together);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    retentionDays: e.RETENTION_DAYS,
    hostKey: e.HOST_KEY,
    maxSessions: e.MAX_SESSIONS,
    joinsPerMinute: e.JOINS_PER_MINUTE,
    apiRequestsPerMinute: e.API_REQUESTS_PER_MINUTE,
    messagesPerSecond: e.MESSAGES_PER_SECOND,
    trustProxy: e.TRUST_PROXY,
    reconnectSeconds: e.RECONNECT_SECONDS,
    botThinkMs: e.BOT_THINK_MS,
    scenariosDir: e.SCENARIOS_DIR,
    durability: e.DURABILITY,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicAddress: e.PUBLIC_ADDRESS,
  };
}
