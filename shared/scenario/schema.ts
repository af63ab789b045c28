/**
 * The scenario format: everything that makes one version of the neighbourhood differ from
 * another is data, validated here. The engine (shared/rules) reads only this shape, so a
 * facilitator can tune or translate a scenario without touching code.
 *
 * Cross-references (a grade naming a perk, a deed naming a location …) are checked in
 * `crossCheck` so a bad file is refused with every broken reference named by its path.
 */
import { PLAYING_ROLES } from "../rules/roleBook.ts";
import { z } from "zod";
import { TargetsSchema } from "./targets.ts";

/** Identifiers inside a scenario: short, lower-case, stable (they end up in event logs). */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, "must be lower-case letters, digits, '_' or '-' (max 48)");

/** Every text a player reads: English and Simplified Chinese, both required. */
export const LocalTextSchema = z
  .object({ en: z.string().min(1).max(600), zh: z.string().min(1).max(600) })
  .strict();

const Int = z.number().int();
const NonNeg = z.number().int().min(0);
const Fraction = z.number().min(0).max(1);

/** What a deed or service costs or gives the resident who does it. */
const PurseSchema = z
  .object({ ap: NonNeg.default(0), money: NonNeg.default(0), wellbeing: NonNeg.default(0) })
  .strict();

export const GradeSchema = z
  .object({
    id: IdSchema,
    label: LocalTextSchema,
    /** Lowest score that still earns this grade; null for the bottom grade ("below"). */
    min: Int.nullable(),
    perks: z.array(IdSchema).default([]),
    restrictions: z.array(IdSchema).default([]),
    /** Shown on the board's honour roll. */
    honourRoll: z.boolean().default(false),
    /** In "grade" blacklist mode, falling to this grade puts a resident on the blacklist. */
    blacklisted: z.boolean().default(false),
  })
  .strict();

export const PerkSchema = z
  .object({
    id: IdSchema,
    label: LocalTextSchema,
    /** Fraction taken off the bus fare (0.5 = half price). */
    busDiscount: Fraction.default(0),
    /** Fraction taken off the money cost of the named services (deposit-free rentals …). */
    discounts: z.array(z.object({ service: IdSchema, fraction: Fraction }).strict()).default([]),
  })
  .strict();

export const RestrictionSchema = z
  .object({
    id: IdSchema,
    label: LocalTextSchema,
    /** Services or deeds this restriction blocks; the blocked action shows this label. */
    blocks: z.array(IdSchema).default([]),
    /** Cancels any bus discount (the D grade's "full fare only"). */
    fullFareBus: z.boolean().default(false),
  })
  .strict();

export const LocationSchema = z
  .object({
    id: IdSchema,
    label: LocalTextSchema,
    /** Moving between zones is "far": it costs action points on foot or a bus fare. */
    zone: IdSchema,
    /** A camera flags what it sees to the officials' queue as a witnessed entry. */
    camera: z.boolean().default(false),
    /** Map position in tiles, for the client; the rules ignore it. */
    x: Int.min(0).max(200),
    y: Int.min(0).max(200),
  })
  .strict();

export const DeedSchema = z
  .object({
    id: IdSchema,
    label: LocalTextSchema,
    category: z.enum(["good", "bad", "neutral"]),
    /** Catalogue value an official approves by default. */
    points: Int.min(-1000).max(1000),
    /** Range an official may choose from; defaults to points ± the official's adjust fraction. */
    range: z.object({ min: Int, max: Int }).strict().optional(),
    /** "action": residents choose it; "event": only when an event card offers it; "system": the engine records it. */
    source: z.enum(["action", "event", "system"]).default("action"),
    /** Where it can happen; empty means anywhere. */
    locations: z.array(IdSchema).default([]),
    visibleToWatchers: z.boolean().default(true),
    visibleToCameras: z.boolean().default(true),
    cost: PurseSchema.default({ ap: 1, money: 0, wellbeing: 0 }),
    benefit: PurseSchema.default({ ap: 0, money: 0, wellbeing: 0 }),
  })
  .strict();

/** Things residents want that a grade can block: tickets, loans, licences, school places. */
export const ServiceSchema = z
  .object({
    id: IdSchema,
    label: LocalTextSchema,
    locations: z.array(IdSchema).min(1),
    cost: PurseSchema.default({ ap: 1, money: 0, wellbeing: 0 }),
    benefit: PurseSchema.default({ ap: 0, money: 0, wellbeing: 0 }),
    /** The item a resident holds afterwards (secret goals check items). */
    grants: IdSchema,
    /** Taking this service opens a loan (see `loans`). */
    opensLoan: z.boolean().default(false),
    /**
     * First day it is offered: a want that opens once the first grades are published (day 2)
     * is bought on a grade that means something, not on everyone's starting grade.
     */
    fromDay: Int.min(1).max(10).default(1),
  })
  .strict();

export const LoanPolicySchema = z
  .object({
    amount: NonNeg,
    repay: NonNeg,
    termDays: Int.min(1).max(10),
    cosignersRequired: Int.min(0).max(3),
    /** The system deed recorded against a defaulting borrower. */
    defaultDeed: IdSchema,
    /** Points for each cosigner of a defaulted loan (guilt by association). */
    cosignerPoints: Int.min(-1000).max(0),
    /** true: the default is applied at once; false: it waits in the officials' queue. */
    autoApprove: z.boolean().default(true),
  })
  .strict();

const RoleSlotSchema = z
  .object({
    label: LocalTextSchema,
    description: LocalTextSchema,
    ratio: z.number().min(0).max(1),
    min: NonNeg.default(0),
  })
  .strict();

export const RolesSchema = z
  .object({
    resident: RoleSlotSchema,
    watcher: RoleSlotSchema.extend({
      payPerApproved: NonNeg.default(0),
      /** Secret watchers: the board shows them as residents; only they, the facilitator and the ending know. */
      secret: z.boolean().default(false),
    }),
    official: RoleSlotSchema.extend({
      /** Officials may adjust points within ± this fraction of the catalogue value. */
      adjustFraction: Fraction.default(0.5),
      /** Whether officials carry a score like everyone else. */
      scored: z.boolean().default(false),
    }),
  })
  .strict();

export const PhasesSchema = z
  .object({
    days: Int.min(1).max(10),
    /** Seconds per phase. */
    morning: Int.min(5).max(3600),
    day: Int.min(5).max(3600),
    evening: Int.min(5).max(3600),
    night: Int.min(5).max(3600),
  })
  .strict();

export const CardEffectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("install_camera"), location: IdSchema }).strict(),
  z.object({ kind: z.literal("set_points"), deed: IdSchema, points: Int.min(-1000).max(1000) }).strict(),
  z.object({ kind: z.literal("wellbeing"), delta: Int.min(-10).max(10) }).strict(),
  z.object({ kind: z.literal("money"), delta: Int.min(-1000).max(1000) }).strict(),
  /** Offers an "event" deed to `count` residents drawn at random (the draw is recorded). */
  z.object({ kind: z.literal("offer_deed"), deed: IdSchema, count: Int.min(1).max(50) }).strict(),
]);

export const EventCardSchema = z
  .object({
    id: IdSchema,
    /** Drawn automatically on this day's morning; null = only when the facilitator injects it. */
    day: Int.min(1).max(10).nullable(),
    label: LocalTextSchema,
    text: LocalTextSchema,
    effects: z.array(CardEffectSchema).default([]),
  })
  .strict();

export const GoalCheckSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("acquire"), item: IdSchema, byDay: Int.min(1).max(10) }).strict(),
  z.object({ kind: z.literal("keep_grade"), grade: IdSchema }).strict(),
  z.object({ kind: z.literal("ally_keeps_grade"), grade: IdSchema }).strict(),
  z.object({ kind: z.literal("never_blacklisted") }).strict(),
  z.object({ kind: z.literal("win_appeal") }).strict(),
  z.object({ kind: z.literal("wellbeing"), min: Int.min(0).max(100) }).strict(),
  z.object({ kind: z.literal("approved_entries"), count: Int.min(1).max(100) }).strict(),
  z.object({ kind: z.literal("only_witnessed") }).strict(),
  z.object({ kind: z.literal("average_score"), min: Int }).strict(),
  z.object({ kind: z.literal("protect_ally") }).strict(),
  z.object({ kind: z.literal("target_down"), grade: IdSchema }).strict(),
  z.object({ kind: z.literal("clear_appeals") }).strict(),
  /** The ally ends the game at this grade or better (an official's favour, not just protection). */
  z.object({ kind: z.literal("ally_ends_grade"), grade: IdSchema }).strict(),
  /** This official decided at least `count` appeals themselves (desk work, not the policy's default). */
  z.object({ kind: z.literal("appeals_decided"), count: Int.min(1).max(100) }).strict(),
]);

export const GoalCardSchema = z
  .object({
    id: IdSchema,
    role: z.enum(PLAYING_ROLES),
    label: LocalTextSchema,
    check: GoalCheckSchema,
    /** Off when the facilitator turns intensity down (e.g. corrupt officials' goals). */
    intense: z.boolean().default(false),
    /**
     * Dealt only to the player whom another card (this goal id, a `target_down` card) names as
     * its target, never in the random draw: so the journalist knows they are the journalist.
     */
    forTargetOf: IdSchema.optional(),
  })
  .strict();

export const AppealPolicySchema = z
  .object({
    enabled: z.boolean(),
    /** Evenings an appeal may wait before its undecided outcome applies. */
    deadlineEvenings: Int.min(1).max(10),
    /** What an appeal nobody decided means: upheld (record stands), reversed, or pending for ever. */
    undecided: z.enum(["upheld", "reversed", "pending"]),
    /** Open appeals one resident may have at a time. */
    maxOpen: Int.min(1).max(20).default(2),
  })
  .strict();

export const BlacklistPolicySchema = z
  .object({
    /** "grade": a blacklisted grade lists a resident at night; "official": officials list people. */
    mode: z.enum(["grade", "official"]),
    /** Restrictions while listed, on top of the grade's. */
    restrictions: z.array(IdSchema).default([]),
    /** Leaving the list: when the grade recovers, or only through a reversed appeal. */
    delist: z.enum(["when_grade_recovers", "appeal_only"]),
    /** In "official" mode, which deeds an official may cite to list someone (empty = any bad deed). */
    citable: z.array(IdSchema).default([]),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
    title: LocalTextSchema,
    summary: LocalTextSchema,
    description: LocalTextSchema,
    default: z.boolean().optional(),
    maxPlayers: Int.min(2).max(200),
    minPlayers: Int.min(2).max(200).default(4),
    scoring: z
      .object({
        /** "points": approved entries move scores; "list": no points, only the blacklist matters. */
        mode: z.enum(["points", "list"]),
        startScore: Int.min(0).max(100000),
      })
      .strict(),
    grades: z.array(GradeSchema).min(1),
    perks: z.array(PerkSchema).default([]),
    restrictions: z.array(RestrictionSchema).default([]),
    resident: z
      .object({
        actionPoints: Int.min(1).max(20),
        money: NonNeg,
        wellbeing: NonNeg,
        wellbeingMax: Int.min(1).max(100),
      })
      .strict(),
    travel: z.object({ walkFarAp: NonNeg, busFare: NonNeg }).strict(),
    locations: z.array(LocationSchema).min(1),
    /** Where everyone starts the game. */
    home: IdSchema,
    deeds: z.array(DeedSchema).min(1),
    services: z.array(ServiceSchema).default([]),
    loans: LoanPolicySchema.optional(),
    roles: RolesSchema,
    phases: PhasesSchema,
    eventCards: z.array(EventCardSchema).default([]),
    goals: z.array(GoalCardSchema).default([]),
    /** Secret goals dealt to each player. */
    goalsPerPlayer: Int.min(0).max(3).default(1),
    appeals: AppealPolicySchema,
    blacklist: BlacklistPolicySchema,
    reporting: z
      .object({ enabled: z.boolean(), reward: NonNeg.default(0) })
      .strict(),
    /** Chance that an automated flag names the wrong resident (misidentification). */
    cameras: z.object({ errorRate: Fraction.default(0) }).strict(),
    ruleChanges: z
      .object({ enabled: z.boolean(), maxShift: Fraction.default(0.5) })
      .strict(),
    debrief: z.object({ prompts: z.array(LocalTextSchema).min(1) }).strict(),
    /** Experience targets `simulate --check` holds the scenario to (see ./targets.ts). */
    targets: TargetsSchema.optional(),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Grade = z.infer<typeof GradeSchema>;
export type Perk = z.infer<typeof PerkSchema>;
export type Restriction = z.infer<typeof RestrictionSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type Deed = z.infer<typeof DeedSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type LoanPolicy = z.infer<typeof LoanPolicySchema>;
export type EventCard = z.infer<typeof EventCardSchema>;
export type CardEffect = z.infer<typeof CardEffectSchema>;
export type GoalCard = z.infer<typeof GoalCardSchema>;
export type GoalCheck = z.infer<typeof GoalCheckSchema>;
export type AppealPolicy = z.infer<typeof AppealPolicySchema>;
export type BlacklistPolicy = z.infer<typeof BlacklistPolicySchema>;
