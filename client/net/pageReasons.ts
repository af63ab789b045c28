/**
 * The reasons a page gives itself when no answer of the server's came back to read: the server
 * could not be reached, or it answered something no reason could be read from. They are
 * translated like the server's reasons (`reason.<code>` in the string tables).
 */
export const PAGE_REASONS = ["network", "unknown"] as const;

export type PageReason = (typeof PAGE_REASONS)[number];
