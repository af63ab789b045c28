/** The play strings, added when this part of the interface loads (see client/strings.ts). */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import en from "../../assets/strings/en/play.json";
import zh from "../../assets/strings/zh/play.json";

addStrings(area(en, zh));
