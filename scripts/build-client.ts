/**
 * `npm run build` / `prepack`: builds the client into dist/client and stamps it, so a packed
 * tarball ships a client that `npm start` and `npx good-standing` serve without Vite.
 */
import { ensureClientBuilt } from "../server/clientBuild.ts";

await ensureClientBuilt((message) => console.log(message), { force: true });
