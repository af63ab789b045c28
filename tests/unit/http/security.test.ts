/** Where the pages' content policy lets them open WebSockets: their own origin, and a cluster's public host. */
import { describe, expect, it } from "vitest";
import { connectSources } from "../../../server/http/security.ts";

describe("connect-src", () => {
  it("is the page's own origin when one process runs alone", () => {
    expect(connectSources(undefined)).toEqual(["'self'"]);
  });

  it("adds any port of the public host when several processes share the sessions", () => {
    expect(connectSources("10.0.0.5:2567")).toEqual(["'self'", "ws://10.0.0.5:*", "wss://10.0.0.5:*"]);
    expect(connectSources("game.example.org:443/p1")).toEqual(["'self'", "ws://game.example.org:*", "wss://game.example.org:*"]);
    expect(connectSources("[::1]:2567/a/b")).toEqual(["'self'", "ws://[::1]:*", "wss://[::1]:*"]);
  });
});
