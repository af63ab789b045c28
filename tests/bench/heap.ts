/**
 * The server's live heap, measured from outside through Node's inspector (the server is
 * started with --inspect on 127.0.0.1 for the benchmark only): collect garbage, then read the
 * used heap. This is what "memory per connected player" compares, free of garbage not yet
 * collected, which makes RSS differences noisy.
 */
import { WebSocket } from "ws";

export type HeapProbe = { usedBytes(): Promise<number>; close(): void };

export async function connectHeapProbe(inspectorPort: number): Promise<HeapProbe> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error("no inspector target");
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  let nextId = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++nextId;
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown> };
        if (message.id !== id) return;
        socket.off("message", onMessage);
        resolve(message.result ?? {});
      };
      socket.on("message", onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    async usedBytes() {
      await call("HeapProfiler.collectGarbage");
      await call("HeapProfiler.collectGarbage");
      return Number((await call("Runtime.getHeapUsage")).usedSize);
    },
    close: () => socket.close(),
  };
}
