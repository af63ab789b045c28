/**
 * The parts of Phaser 4 the town uses, built from Phaser's own sources instead of its full
 * bundle: the core (renderer, scenes, images, text, graphics, tweens, input, scale) plus the
 * container and zone factories and the colour helpers. No physics, no sound, no tilemaps: about
 * 230 kB gzip instead of 360. vite.config.ts points the "phaser" import at this file (the types
 * still come from the phaser package) and sets Phaser's build flags.
 */
import Core from "phaser-src/phaser-core.js";
import "phaser-src/gameobjects/container/ContainerFactory.js";
import "phaser-src/gameobjects/zone/ZoneFactory.js";
import Color from "phaser-src/display/color/index.js";

export const AUTO = Core.AUTO;
export const Game = Core.Game;
export const GameObjects = Core.GameObjects;
export const Input = Core.Input;
export const Scale = Core.Scale;
export const Scene = Core.Scene;
export const Scenes = Core.Scenes;
export const Textures = Core.Textures;
export const Tweens = Core.Tweens;
export const Display = { ...Core.Display, Color };
