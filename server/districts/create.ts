/**
 * Creating an event: its neighbourhoods (sessions, each with its scenario or a variant of one)
 * first, then the event that places arrivals among them, under a code no session or event has.
 */
import type { RoomServices } from "../rooms/services.ts";
import type { VariantShelf } from "../variants.ts";
import { codeIsFree, createSession, isUniqueViolation, type CreateOptions } from "../sessions/create.ts";
import { hashToken, newJoinCode, newSessionId, newToken } from "../tokens.ts";
import { neighbourhoodToken } from "./tokens.ts";
import { parseVariants, variantName } from "../../shared/scenario/variants.ts";
import type { Scenario } from "../../shared/scenario/index.ts";
import type { ScenarioError } from "../../shared/scenario/crosscheck.ts";
import type { LocalText } from "../../shared/lang.ts";
import type { Neighbourhood } from "../../shared/district/plan.ts";
import type { CreateEventBody } from "../../shared/protocol/bodies.ts";
import type { CreatedEvent } from "../../shared/protocol/http.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

type Refused = { reason: "no_such_scenario" | "too_many_sessions" } | { reason: "invalid_scenario"; problems: ScenarioError[] };

/** The neighbourhoods' scenarios and names, before anything is stored. */
function chooseTowns(services: RoomServices, shelf: VariantShelf, body: CreateEventBody): { name: LocalText; scenario: Scenario }[] | Refused {
  if (body.scenarioIds) {
    const towns: { name: LocalText; scenario: Scenario }[] = [];
    for (const [i, id] of body.scenarioIds.entries()) {
      const scenario = services.catalogue.get(id);
      if (!scenario) return { reason: "no_such_scenario" };
      // the same scenario twice is told apart by its place in the list
      const twice = body.scenarioIds.filter((other) => other === id).length > 1;
      towns.push({ scenario, name: twice ? { en: `${scenario.title.en} (${i + 1})`, zh: `${scenario.title.zh}（${i + 1}）` } : scenario.title });
    }
    return towns;
  }
  const set = typeof body.variants === "string" ? shelf.get(body.variants) : undefined;
  if (typeof body.variants === "string" && !set) return { reason: "no_such_scenario" };
  const parsed = set ? { ok: true as const, set } : parseVariants(body.variants, (id) => services.catalogue.get(id));
  if (!parsed.ok) return { reason: "invalid_scenario", problems: parsed.errors };
  return parsed.set.variants.map(({ variant, scenario }) => ({ name: variantName(variant), scenario }));
}

export async function createDistrict(services: RoomServices, shelf: VariantShelf, body: CreateEventBody): Promise<CreatedEvent | Refused> {
  const towns = chooseTowns(services, shelf, body);
  if ("reason" in towns) return towns;
  const { store, config, now } = services;
  const at = now();
  if ((await store.countOpenSessions(at)) + towns.length > config.maxSessions) return { reason: "too_many_sessions" };
  const hostToken = newToken();
  const expiresAt = at + (body.retentionDays ?? config.retentionDays) * DAY_MS;
  const options: CreateOptions = { retentionDays: body.retentionDays, gentle: body.gentle, showApprover: body.showApprover };
  const neighbourhoods: Neighbourhood[] = [];
  for (const town of towns) {
    // a session's code is known only once it is created: its host token is derived after (sessions/create.ts takes it as given)
    const created = await createSession(services, town.scenario, { ...options, hostToken: (c) => neighbourhoodToken(hostToken, c) });
    if ("reason" in created) return created;
    neighbourhoods.push({ code: created.code, name: town.name, scenarioId: town.scenario.id, maxPlayers: town.scenario.maxPlayers });
  }
  const plan = { title: body.title?.trim() || "", neighbourhoods };
  for (let attempt = 0; ; attempt++) {
    const code = await freeCode(services);
    try {
      await store.createDistrict({ id: newSessionId(), code, hostTokenHash: hashToken(hostToken), createdAt: at, expiresAt, plan });
    } catch (error) {
      // another process took the same code between our look and our insert: draw another
      if (!isUniqueViolation(error) || attempt > 20) throw error;
      continue;
    }
    services.log.info({ code, neighbourhoods: neighbourhoods.map((n) => n.code) }, "event created");
    return { code, hostToken, expiresAt };
  }
}

async function freeCode(services: RoomServices): Promise<string> {
  for (let attempt = 0; attempt <= 20; attempt++) {
    const code = newJoinCode();
    if (await codeIsFree(services, code)) return code;
  }
  throw new Error("could not find a free join code");
}
