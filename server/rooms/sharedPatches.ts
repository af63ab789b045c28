/**
 * Patches without a private view's encoding where it would add nothing.
 *
 * Colyseus encodes each patch once for everyone, then, in a state with `.view()` fields, once more
 * for every client holding a StateView — walking the patch again for that client's private
 * fields and copying the shared bytes into a buffer of its own. Every client here holds one (its
 * seat's PrivateView), but a patch usually changes one or two of them (the mover's and the
 * facilitator's): for every other client that second pass finds nothing and sends the shared
 * bytes. This serializer sends those clients the shared encoding directly. A client gets the
 * per-view pass when its view has pending additions or when any tree the patch changed that may
 * carry private fields is visible to it (Colyseus's own visibility test), so what each client
 * receives is byte for byte what the plain serializer sends.
 */
import { SchemaSerializer, type Client } from "@colyseus/core";
import type { ChangeTree, Schema, StateView } from "@colyseus/schema";

type PatchTiming = Parameters<SchemaSerializer<Schema>["applyPatches"]>[2];

/** The encoder's pending changes: a list of the trees changed since the last patch. */
type ChangeQueue = { next?: { changeTree: ChangeTree; next?: ChangeQueue["next"] } };
type EncoderRoot = { changes: ChangeQueue; pendingFilterRefresh: unknown[] };

export class SharedPatchSerializer<T extends Schema> extends SchemaSerializer<T> {
  override applyPatches(clients: Client[], state?: unknown, timing?: PatchTiming): boolean {
    // a patch with nothing in it (most of an idle room's 20 a second): Colyseus would still filter its clients for view changes, in a new array with a closure each time
    if (this.hasFilters && !this.encoder.hasChanges && timing === undefined && clients.length > 0 && !anyViewChanged(clients)) return false;
    if (!this.hasFilters || !this.encoder.hasChanges) return super.applyPatches(clients, state, timing);
    const root = this.encoder.root as unknown as EncoderRoot;
    // filters still being settled: leave every decision to Colyseus
    if (root.pendingFilterRefresh.length > 0) return super.applyPatches(clients, state, timing);
    const privateTrees = changedPrivateTrees(root);
    const lent: [Client, StateView][] = [];
    for (const client of clients) {
      const view = client.view;
      if (!view || view.changes.size > 0 || privateTrees.some((tree) => view.isChangeTreeVisible(tree))) continue;
      // without a view for this patch, the client is sent the shared encoding
      lent.push([client, view]);
      client.view = undefined;
    }
    try {
      return super.applyPatches(clients, state, timing);
    } finally {
      for (const [client, view] of lent) client.view = view;
    }
  }
}

/** Whether a client's view has additions or removals waiting (what Colyseus sends on a patch without state changes). */
function anyViewChanged(clients: Client[]): boolean {
  for (let i = 0; i < clients.length; i++) if ((clients[i]!.view?.changes.size ?? 0) > 0) return true;
  return false;
}

/** Trees in the patch that may hold private fields: a filtered tree, or a schema with `.view()` fields. */
function changedPrivateTrees(root: EncoderRoot): ChangeTree[] {
  const trees: ChangeTree[] = [];
  for (let node = root.changes.next; node; node = node.next) {
    const tree = node.changeTree;
    if (tree.isFiltered || tree.encDescriptor.hasAnyView) trees.push(tree);
  }
  return trees;
}
