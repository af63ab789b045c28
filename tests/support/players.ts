/**
 * What the browser tests do with a student's page again and again: join from the invitation link,
 * read who sits where from the host's state, and wait for the status bar to show a phase.
 */
import { expect } from "vitest";
import type { Page } from "playwright-core";
import type { Room } from "@colyseus/sdk";
import { stringTable } from "./strings.ts";

const en = stringTable("en") as typeof import("../../assets/strings/en/core.json");

/** A student opens `/join/<code>`, types a nickname and waits in the lobby. */
export async function joinByLink(page: Page, url: string, code: string, nickname: string): Promise<void> {
  await page.goto(`${url}/join/${code}`);
  await page.getByLabel(en.join.nickname).fill(nickname);
  await page.getByRole("button", { name: en.join.submit }).click();
  await page.getByRole("heading", { name: en.join.inTitle }).waitFor();
}

/** Seat ids by nickname, from what the host's room has received. */
export function seatsByName(host: Room): Record<string, string> {
  const players = (host.state as { toJSON(): { players: Record<string, { seatId: string; nickname: string }> } }).toJSON().players;
  return Object.fromEntries(Object.values(players).map((x) => [x.nickname, x.seatId]));
}

/** Every page's status bar names the phase `label`. */
export async function phaseShown(pages: Page[], label: string): Promise<void> {
  for (const page of pages) await expect.poll(() => page.locator(".play-status .phase").textContent(), { timeout: 10_000 }).toBe(label);
}
