/**
 * Bots in a live room: each bot seat thinks on the room's clock, chooses one command from its
 * own view (shared/bots) and sends it through the room's gate like any player. They pace
 * themselves (one command per bot every `thinkMs`) so a class can follow what they do.
 */
import { randomInt } from "node:crypto";
import { botCommand } from "../../shared/bots/index.ts";
import { createRng, type Personality } from "../../shared/rules/index.ts";
import type { Session } from "../../shared/session/index.ts";

/** Names for bots: short, from many places, none a real student's full name. */
const NAMES = ["Ada", "Bao", "Chidi", "Dana", "Emil", "Farah", "Goro", "Hana", "Ines", "Jun", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Pia", "Quan", "Rosa", "Sami", "Tala", "Uri", "Vera", "Wen", "Yara", "Zeno"];

export type BotSend = (seatId: string, command: Record<string, unknown> & { id: string; kind: string }) => unknown;

export class BotDriver {
  private nextTurn = new Map<string, number>();
  private counter = 0;
  /** Bot command ids differ from one room instance (and server run) to the next. */
  private readonly prefix = `bot${randomInt(2 ** 31).toString(36)}`;

  constructor(
    private readonly thinkMs: number,
    private readonly send: BotSend,
  ) {}

  /** A free bot name for this session ("Ada (bot)" is not needed: the UI marks bots). */
  name(session: Session): string {
    const taken = new Set([...Object.values(session.game.players).map((p) => p.nickname), ...Object.values(session.lobby.seats).map((s) => s.nickname)]);
    const free = NAMES.filter((n) => !taken.has(n));
    if (free.length > 0) return free[randomInt(free.length)]!;
    for (let n = 2; ; n++) {
      const name = `${NAMES[randomInt(NAMES.length)]} ${n}`;
      if (!taken.has(name)) return name;
    }
  }

  /** Lets every bot whose turn has come send one command. */
  tick(current: () => Session, now: number): void {
    for (const seat of current().game.seats) {
      // read the session afresh for every bot: earlier bots may have changed it in this tick
      const game = current().game;
      const player = game.players[seat];
      if (!player?.bot || player.bot === "auto" || !player.role || player.role === "observer") continue;
      const due = this.nextTurn.get(seat) ?? now + randomInt(this.thinkMs);
      if (!this.nextTurn.has(seat)) this.nextTurn.set(seat, due);
      if (now < due) continue;
      this.nextTurn.set(seat, now + this.thinkMs);
      const choice = botCommand(game.scenario, game, seat, player.bot as Personality, createRng(randomInt(2 ** 31)));
      if (!choice) continue;
      this.send(seat, { ...choice, id: `${this.prefix}-${++this.counter}` });
    }
  }
}
