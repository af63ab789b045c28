/** An event ("district") as both SQL stores keep it: the same columns in SQLite and PostgreSQL. */
import type { DistrictPlan, Placed } from "../../shared/district/plan.ts";
import type { DistrictRecord } from "./store.ts";

export type DistrictRow = {
  id: string;
  code: string;
  host_token_hash: string;
  created_at: number;
  expires_at: number;
  plan: string;
  pinned: string | null;
};

export const toDistrict = (row: DistrictRow): DistrictRecord => ({
  id: row.id,
  code: row.code,
  hostTokenHash: row.host_token_hash,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  plan: JSON.parse(row.plan) as DistrictPlan,
  pinned: row.pinned,
});

export const toPlaced = (rows: readonly { session_code: string; n: number }[]): Placed => Object.fromEntries(rows.map((r) => [r.session_code, Number(r.n)]));
