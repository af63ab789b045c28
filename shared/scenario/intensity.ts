/**
 * Turning a scenario's intensity down for a younger or more sensitive group ("gentle" sessions):
 * the secret goals marked `intense` (silencing someone, corrupt officials …) are left out of the
 * deal. The board also starts anonymous (server/sessions.ts). The session's log keeps the
 * scenario as played, so the debrief and any replay see exactly these rules.
 */
import type { Scenario } from "./schema.ts";

export function gentleScenario(scenario: Scenario): Scenario {
  return { ...scenario, goals: scenario.goals.filter((goal) => !goal.intense) };
}
