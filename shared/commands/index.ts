/** Commands: each kind declared once (contract.ts), one gate (gate.ts), the wire schema derived (wire.ts). */
export { CONTRACT, HANDLERS, BOTS_AT_ONCE, type Command, type CommandKind, type CommandOf, type Payload } from "./contract.ts";
export { decide, decideSession, gate, opensTo } from "./gate.ts";
export type { Fresh, Handler, Sender, Spec, Verdict } from "./spec.ts";
export { CommandSchema, HOST_KINDS, PLAYER_KINDS, type WireCommand, type WireKind } from "./wire.ts";
