/** Fresh PostgreSQL databases for tests, on clusters started by startPostgres. */
import pg from "pg";
import type { PostgresService } from "./postgres.ts";

let created = 0;

/** A new empty database on `service`; returns its URL. */
export async function createDatabase(service: PostgresService, prefix = "gs_test"): Promise<string> {
  const name = `${prefix}_${process.pid}_${++created}`;
  const admin = new pg.Client(service.url);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(service.url);
  url.pathname = `/${name}`;
  return url.href;
}
