/** The API token lives in sessionStorage: it is gone when the tab closes. */
const KEY = "plugraph.token";

export function storedToken(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) {
      window.sessionStorage.setItem(KEY, token);
    } else {
      window.sessionStorage.removeItem(KEY);
    }
  } catch {
    /* storage disabled: the session lasts as long as the page */
  }
}
