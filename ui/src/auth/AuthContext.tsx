/**
 * The signed-in session: the token, who it belongs to (`/admin/me`), and the API
 * bound to it. Signing in checks the token against `/admin/me` before keeping it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiClient, probeToken } from "../api/client";
import { api, type Api } from "../api/endpoints";
import { describeError, isApiError } from "../api/problem";
import type { Me } from "../api/types";
import { storedToken, storeToken } from "./session";

interface Session {
  token: string;
  me: Me;
  api: Api;
}

interface AuthState {
  session: Session | null;
  /** true while a stored token is being checked at start-up */
  restoring: boolean;
  /** why the last session ended, e.g. an expired token */
  notice: string | null;
  signIn(token: string): Promise<void>;
  signOut(notice?: string | null): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => storedToken());
  const [me, setMe] = useState<Me | null>(null);
  const [restoring, setRestoring] = useState<boolean>(() => storedToken() !== null);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((why: string | null = null) => {
    storeToken(null);
    setToken(null);
    setMe(null);
    setNotice(why);
  }, []);

  const signIn = useCallback(async (candidate: string) => {
    const value = candidate.trim();
    const who = await probeToken<Me>(value);
    storeToken(value);
    setNotice(null);
    setToken(value);
    setMe(who);
  }, []);

  useEffect(() => {
    if (!token || me) {
      setRestoring(false);
      return;
    }
    let cancelled = false;
    probeToken<Me>(token)
      .then((who) => !cancelled && setMe(who))
      .catch((error) => {
        if (!cancelled) {
          signOut(isApiError(error, 401) ? "Your session has ended: sign in again." : describeError(error));
        }
      })
      .finally(() => !cancelled && setRestoring(false));
    return () => {
      cancelled = true;
    };
  }, [token, me, signOut]);

  const session = useMemo<Session | null>(() => {
    if (!token || !me) {
      return null;
    }
    const client = new ApiClient(token, () => signOut("Your token was refused (401): sign in again."));
    return { token, me, api: api(client) };
  }, [token, me, signOut]);

  const value = useMemo<AuthState>(
    () => ({ session, restoring, notice, signIn, signOut }),
    [session, restoring, notice, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) {
    throw new Error("useAuth outside <AuthProvider>");
  }
  return state;
}

/** The API of the signed-in session (pages below <RequireSession> only). */
export function useApi(): Api {
  const { session } = useAuth();
  if (!session) {
    throw new Error("useApi without a session");
  }
  return session.api;
}

export function useMe(): Me {
  const { session } = useAuth();
  if (!session) {
    throw new Error("useMe without a session");
  }
  return session.me;
}
