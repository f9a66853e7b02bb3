import { useState, type FormEvent } from "react";
import { Navigate, useLocation } from "react-router";
import { describeError, isApiError } from "../api/problem";
import { useAuth } from "../auth/AuthContext";

export function SignInPage() {
  const { session, signIn, notice } = useAuth();
  const location = useLocation();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? "/";

  if (session) {
    return <Navigate to={from} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token.trim()) {
      setError("Enter an API token.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(token);
    } catch (reason) {
      setError(isApiError(reason, 401) ? `That token was refused: ${describeError(reason)}` : describeError(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>plugraph admin</h1>
      <form onSubmit={submit} className="card" aria-describedby="sign-in-help" noValidate>
        <h2>Sign in</h2>
        {notice && (
          <p className="alert alert-warning" role="status">
            {notice}
          </p>
        )}
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="plg_…"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "token-error" : "sign-in-help"}
          required
        />
        <p id="sign-in-help" className="help">
          A personal API token (<code>plg_…</code>). It is kept in this tab only and sent as{" "}
          <code>Authorization: Bearer</code>.
        </p>
        {error && (
          <p id="token-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
