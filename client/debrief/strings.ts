/** The debrief strings, added when this part of the interface loads (see client/strings.ts). */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import "../ui/roleStrings.ts";
import en from "../../assets/strings/en/debrief.json";
import zh from "../../assets/strings/zh/debrief.json";

addStrings(area(en, zh));
