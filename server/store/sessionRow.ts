/** A session as both SQL stores keep it (the same columns in SQLite and PostgreSQL). */
import type { SessionRecord } from "./store.ts";

export type SessionRow = {
  id: string;
  code: string;
  scenario_id: string;
  host_token_hash: string;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
};

export const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id,
  code: row.code,
  scenarioId: row.scenario_id,
  hostTokenHash: row.host_token_hash,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  endedAt: row.ended_at,
});
