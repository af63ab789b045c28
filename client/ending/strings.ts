/** The end-of-game strings, added when the ending loads (see client/strings.ts). */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import "../ui/roleStrings.ts";
import en from "../../assets/strings/en/ending.json";
import zh from "../../assets/strings/zh/ending.json";

addStrings(area(en, zh));
