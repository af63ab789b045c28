/**
 * Import FIRST in a bench client process (before @colyseus/sdk, which picks its WebSocket class
 * when it loads): every client WebSocket counts the bytes it receives, so downstream bandwidth is
 * measured at the clients. Server → client frames are unmasked and uncompressed (the ws transport
 * turns per-message deflate off), so payload plus frame header is what crossed the wire; pings
 * (every 3 s) are left out.
 */
import { WebSocket } from "ws";

export class CountingWebSocket extends WebSocket {
  bytesIn = 0;

  constructor(address: string | URL, protocols?: string | string[] | WebSocket.ClientOptions, options?: WebSocket.ClientOptions) {
    // ws accepts the options object in place of the protocols, which is how the SDK calls it
    super(address, protocols as string[] | undefined, options);
    this.on("message", (data: ArrayBuffer | Buffer) => {
      const n = data.byteLength;
      this.bytesIn += n + (n < 126 ? 2 : n < 65_536 ? 4 : 10);
    });
  }
}

(globalThis as { WebSocket?: unknown }).WebSocket = CountingWebSocket;

/** Bytes a Colyseus SDK room's socket has received so far (0 when not connected). */
export function bytesIn(room: { connection?: unknown }): number {
  const ws = (room.connection as { transport?: { ws?: unknown } } | undefined)?.transport?.ws;
  return ws instanceof CountingWebSocket ? ws.bytesIn : 0;
}
