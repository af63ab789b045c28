/**
 * Node 20 has no global WebSocket, and Colyseus reconnection (server and Node clients) needs one.
 * Import this first in every entry point and test helper; on Node 22+ it does nothing.
 */
import { WebSocket as WsWebSocket } from "ws";

if (typeof globalThis.WebSocket === "undefined") {
  (globalThis as { WebSocket?: unknown }).WebSocket = WsWebSocket;
}
