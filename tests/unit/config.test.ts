import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.ts";

describe("configuration from the environment", () => {
  it("has defaults that need nothing set", () => {
    expect(loadConfig({})).toMatchObject({ port: 2567, host: "0.0.0.0", dataDir: "./data", retentionDays: 7, hostKey: undefined });
  });

  it("reads valid values", () => {
    expect(loadConfig({ PORT: "8080", DATA_DIR: "/srv/gs", RETENTION_DAYS: "30", HOST_KEY: "a-long-enough-key" })).toMatchObject({
      port: 8080,
      dataDir: "/srv/gs",
      retentionDays: 30,
      hostKey: "a-long-enough-key",
    });
  });

  it("names every bad variable and never echoes the host key", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "http", RETENTION_DAYS: "0", LOG_LEVEL: "loud", HOST_KEY: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain("PORT must be a whole number");
    expect(message).toContain("RETENTION_DAYS must be at least 1");
    expect(message).toContain("LOG_LEVEL");
    expect(message).toContain("HOST_KEY must be at least 8 characters (got (hidden))");
    expect(message).not.toContain('"short"');
  });

  it("believes no proxy unless TRUST_PROXY names how many stand in front", () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY must be a whole number \(got "true"\)/);
    expect(() => loadConfig({ TRUST_PROXY: "11" })).toThrow(/TRUST_PROXY must be at most 10/);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(2567);
  });

  it("takes an extra scenarios folder only if it exists", () => {
    expect(loadConfig({ SCENARIOS_DIR: "assets/scenarios" }).scenariosDir).toBe("assets/scenarios");
    expect(() => loadConfig({ SCENARIOS_DIR: "/no/such/folder" })).toThrow(/SCENARIOS_DIR must be an existing folder \(got "\/no\/such\/folder"\)/);
  });

  it("keeps acknowledged commands through a process crash by default, through a power cut on request", () => {
    expect(loadConfig({}).durability).toBe("process");
    expect(loadConfig({ DURABILITY: "machine" }).durability).toBe("machine");
    expect(() => loadConfig({ DURABILITY: "always" })).toThrow(/DURABILITY/);
  });

  it("keeps the SQLite file unless DATABASE_URL names a PostgreSQL database, and never echoes its password", () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: "postgres://gs:secret@db.example:5432/good_standing" }).databaseUrl).toBe("postgres://gs:secret@db.example:5432/good_standing");
    expect(loadConfig({ DATABASE_URL: "postgresql://localhost/gs" }).databaseUrl).toBe("postgresql://localhost/gs");
    for (const bad of ["mysql://gs:secret@db.example/gs", "gs:secret@db.example", "secret"]) {
      let error: unknown;
      try {
        loadConfig({ DATABASE_URL: bad });
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL");
      expect(message).not.toContain("secret");
    }
  });
  describe("several processes (REDIS_URL, PUBLIC_ADDRESS)", () => {
    const pg = "postgres://gs@db.example/gs";
    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).message;
      }
      throw new Error("expected a ConfigError");
    };

    it("changes nothing without them: one process", () => {
      const config = loadConfig({});
      expect(config.redisUrl).toBeUndefined();
      expect(config.publicAddress).toBeUndefined();
    });

    it("takes a redis:// or rediss:// URL with PUBLIC_ADDRESS and DATABASE_URL", () => {
      const config = loadConfig({ REDIS_URL: "redis://:secret@cache.example:6379/0", PUBLIC_ADDRESS: "10.0.0.5:2567", DATABASE_URL: pg });
      expect(config.redisUrl).toBe("redis://:secret@cache.example:6379/0");
      expect(config.publicAddress).toBe("10.0.0.5:2567");
      expect(loadConfig({ REDIS_URL: "rediss://cache.example", PUBLIC_ADDRESS: "game1.example.org:443", DATABASE_URL: pg }).redisUrl).toBe("rediss://cache.example");
      expect(loadConfig({ REDIS_URL: "redis://x", PUBLIC_ADDRESS: "[::1]:2567", DATABASE_URL: pg }).publicAddress).toBe("[::1]:2567");
      // behind a reverse proxy that routes each process by a path of its own (docs/scale.md)
      expect(loadConfig({ REDIS_URL: "redis://x", PUBLIC_ADDRESS: "game.example.org:443/p1", DATABASE_URL: pg }).publicAddress).toBe("game.example.org:443/p1");
    });

    it("refuses another scheme for REDIS_URL without echoing its password", () => {
      for (const bad of ["http://:secret@cache.example", "cache.example:6379", "secret"]) {
        const message = problems({ REDIS_URL: bad, PUBLIC_ADDRESS: "10.0.0.5:2567", DATABASE_URL: pg });
        expect(message).toContain("REDIS_URL must be a redis:// or rediss:// URL");
        expect(message).not.toContain("secret");
      }
    });

    it("refuses a PUBLIC_ADDRESS that is not host:port", () => {
      for (const bad of ["http://10.0.0.5:2567", "10.0.0.5", "10.0.0.5:0", "10.0.0.5:70000", "game.example/ws:80", ":2567", "game.example:443/p1?x=1", "game.example:443/"]) {
        expect(problems({ REDIS_URL: "redis://x", PUBLIC_ADDRESS: bad, DATABASE_URL: pg }), bad).toContain("PUBLIC_ADDRESS must be host:port");
      }
    });

    it("refuses REDIS_URL without a shared PostgreSQL store or without PUBLIC_ADDRESS, and PUBLIC_ADDRESS alone", () => {
      expect(problems({ REDIS_URL: "redis://x", PUBLIC_ADDRESS: "h:1" })).toContain("REDIS_URL needs DATABASE_URL");
      expect(problems({ REDIS_URL: "redis://x", DATABASE_URL: pg })).toContain("REDIS_URL needs PUBLIC_ADDRESS");
      expect(problems({ PUBLIC_ADDRESS: "h:1" })).toContain("PUBLIC_ADDRESS is only used with REDIS_URL");
    });
  });
});
