/**
 * The rules of Good Standing: pure, event-sourced. A command's handler here turns it into events
 * or a rejection (shared/commands declares each kind and gates it); `apply` is the only writer;
 * `viewFor` says what one seat may know.
 */
export * from "./state.ts";
export * from "./actor.ts";
export * from "./events.ts";
export * from "./context.ts";
export * from "../reasons.ts";
export * from "./rng.ts";
export { apply, applyAll } from "./apply.ts";
export { gradeFor, gradeIndex, standingFor, blockingRestriction, busFare, serviceMoney } from "./grades.ts";
export { goalMet, goalReport } from "./goals.ts";
export { goalProgress, namedPerson, type GoalProgress, type GoalFacts } from "./goalProgress.ts";
export { actionsAt, type ActionOption } from "./deeds.ts";
export { pointsRange } from "./review.ts";
export { roleTargets } from "./roles.ts";
export { ROLE_BOOK, ROLES, PLAYING_ROLES, TOWN_ROLES, OBSERVER, isRole, isPlaying, isTown, observes, type PlayingRole, type TownRole } from "./roleBook.ts";
export { replay } from "./replay.ts";
export { touches, type Touched } from "./touches.ts";
export { phaseDeadline } from "./phases.ts";
export { STATEMENT_ANSWERS } from "./statements.ts";
export { footageOf } from "./footage.ts";
export * from "./views.ts";
