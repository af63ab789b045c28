/** This machine's LAN addresses: what students' devices type or scan to reach the server. */
import { networkInterfaces } from "node:os";

export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === "IPv4" && !i.internal)
    .map((i) => i!.address);
}
