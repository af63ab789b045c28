/** The scenario lab's strings, added when the lab page loads (see client/strings.ts). */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import en from "../../assets/strings/en/lab.json";
import zh from "../../assets/strings/zh/lab.json";

addStrings(area(en, zh));
