/** The debrief page (`/debrief/<CODE>`), for the facilitator: see client/debrief/. */
import "../styles/base.css";
import { setupLanguageSwitch } from "../i18n.ts";

setupLanguageSwitch();
