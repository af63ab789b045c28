/** The event board's strings, added when its page loads (see client/strings.ts). */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import en from "../../assets/strings/en/eventBoard.json";
import zh from "../../assets/strings/zh/eventBoard.json";

addStrings(area(en, zh));
