/**
 * Import FIRST in a test file (before anything that loads @colyseus/sdk, which picks its WebSocket
 * class when it loads): every client WebSocket keeps the raw frames it receives, so a test can
 * search everything that reached a client — schema patches, private views, messages — byte for
 * byte, whatever decoded it (server → client frames are unmasked and uncompressed).
 */
import { WebSocket } from "ws";

export class RecordingWebSocket extends WebSocket {
  readonly received: Buffer[] = [];

  constructor(address: string | URL, protocols?: string | string[] | WebSocket.ClientOptions, options?: WebSocket.ClientOptions) {
    // ws accepts the options object in place of the protocols, which is how the SDK calls it
    super(address, protocols as string[] | undefined, options);
    this.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
      this.received.push(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
    });
  }
}

(globalThis as { WebSocket?: unknown }).WebSocket = RecordingWebSocket;

/** Every frame a Colyseus SDK room's current socket has received, as one buffer. */
export function receivedBytes(room: { connection?: unknown }): Buffer {
  const ws = (room.connection as { transport?: { ws?: unknown } } | undefined)?.transport?.ws;
  return ws instanceof RecordingWebSocket ? Buffer.concat(ws.received) : Buffer.alloc(0);
}

/** Which of `strings` appear (as UTF-8 bytes) in `bytes`. */
export function foundIn(bytes: Buffer, strings: readonly string[]): string[] {
  return strings.filter((s) => bytes.includes(Buffer.from(s, "utf8")));
}
