/** The play strings, added when this part of the interface loads (see client/strings.ts). */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import "../ui/roleStrings.ts";
import en from "../../assets/strings/en/play.json";
import zh from "../../assets/strings/zh/play.json";
import goalsEn from "../../assets/strings/en/goals.json";
import goalsZh from "../../assets/strings/zh/goals.json";

addStrings(area(en, zh));
// the goal card's words (client/play/goals.ts)
addStrings(area(goalsEn, goalsZh));
