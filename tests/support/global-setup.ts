/** Runs once before the whole suite: the pages the browser tests load must be built and current. */
import { ensureClientBuilt } from "../../server/clientBuild.ts";

export default async function setup(): Promise<void> {
  await ensureClientBuilt((message) => console.log(message));
}
