/** Runs once before the whole suite. Browser tests build the client themselves when needed. */
export default function setup(): void {}
