/** The event console's strings, added when its page loads (see client/strings.ts); it borrows the host console's too. */
import { addStrings } from "../i18n.ts";
import { area } from "../strings.ts";
import "../host/strings.ts";
import en from "../../assets/strings/en/event.json";
import zh from "../../assets/strings/zh/event.json";

addStrings(area(en, zh));
