/** The event debrief's strings, with the debrief's (its charts and reasons words), added when the page loads (see client/strings.ts). */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import "../debrief/strings.ts";
import en from "../../assets/strings/en/eventDebrief.json";
import zh from "../../assets/strings/zh/eventDebrief.json";

addStrings(area(en, zh));
