/**
 * What grew between two heap snapshots (written by the probe with BENCH_HEAP_SNAPSHOTS): live
 * objects grouped by kind and constructor, the groups that grew most by size, largest first.
 *
 *   npx tsx tests/bench/heapDiff.ts before.heapsnapshot after.heapsnapshot [--top 25]
 */
import { readFileSync } from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};
type Group = { count: number; bytes: number };

/** Self size and count of every node, grouped by "kind: name" (names of strings and code are cut short). */
export function groups(file: string): Map<string, Group> {
  const snap = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const kinds = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const out = new Map<string, Group>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const kind = kinds[snap.nodes[i + typeAt]!];
    const name = kind === "object" || kind === "closure" || kind === "native" ? snap.strings[snap.nodes[i + nameAt]!]! : "";
    const key = `${kind}: ${name.slice(0, 60)}`;
    const g = out.get(key) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += snap.nodes[i + sizeAt]!;
    out.set(key, g);
  }
  return out;
}

export function diff(before: Map<string, Group>, after: Map<string, Group>) {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .map((key) => {
      const a = before.get(key) ?? { count: 0, bytes: 0 };
      const b = after.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: b.count - a.count, bytes: b.bytes - a.bytes };
    })
    .sort((x, y) => Math.abs(y.bytes) - Math.abs(x.bytes));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [beforeFile, afterFile] = process.argv.slice(2).filter((a) => a.endsWith(".heapsnapshot"));
  if (!beforeFile || !afterFile) {
    console.error("usage: npx tsx tests/bench/heapDiff.ts before.heapsnapshot after.heapsnapshot [--top 25]");
    process.exit(2);
  }
  const topFlag = process.argv.indexOf("--top");
  const top = topFlag > 0 ? Number(process.argv[topFlag + 1]) : 25;
  const rows = diff(groups(beforeFile), groups(afterFile));
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`total ${(total / 1024).toFixed(1)} kB`);
  for (const r of rows.slice(0, top)) {
    console.log(`${(r.bytes / 1024).toFixed(1).padStart(9)} kB ${r.count.toString().padStart(8)}  ${r.key}`);
  }
}
