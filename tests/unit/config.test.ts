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
});
