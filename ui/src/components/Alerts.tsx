import type { ReactNode } from "react";
import { describeError, isApiError } from "../api/problem";

/** An error from the API as an alert; 403s say which permission is missing. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) {
    return null;
  }
  const heading = title ?? (isApiError(error, 403) ? "Not permitted" : isApiError(error, 404) ? "Not found" : "Something went wrong");
  return (
    <div className="alert alert-error" role="alert">
      <strong>{heading}</strong> <span>{describeError(error)}</span>
    </div>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}
