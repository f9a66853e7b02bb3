/** A one-time message handed to the next page through the router's state ({flash}). */
import { useLocation } from "react-router";
import { Notice } from "./Alerts";

export function Flash() {
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  return flash ? <Notice tone="success">{flash}</Notice> : null;
}
