/**
 * The roles' words — each role's name, its name inside a sentence, and its hint for every phase
 * (`role.<role>.*`) — added by every part of the interface that names roles (see client/strings.ts).
 * One area for all of them, so a new role's words go in one file per language.
 */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import en from "../../assets/strings/en/roles.json";
import zh from "../../assets/strings/zh/roles.json";

addStrings(area(en, zh));
