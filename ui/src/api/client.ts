/**
 * The one HTTP client of the app: every call goes through `ApiClient.request`,
 * which adds `Authorization: Bearer <token>`, sends/parses JSON, exposes the
 * ETag, and turns every non-2xx answer into an `ApiError` carrying the problem
 * document. A 401 tells the session to sign out (`onUnauthenticated`).
 */
import { ApiError, type Problem } from "./problem";

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Encodes each value for a path segment: `path\`/admin/x/${id}\`` stays safe. */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce(
    (out, chunk, index) =>
      out + chunk + (index < values.length ? encodeURIComponent(values[index]) : ""),
    "",
  );
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return { ...body, status: response.status } as Problem;
    } catch {
      /* fall through: an unreadable body */
    }
  }
  return {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    detail: `${response.status} ${response.statusText}`.trim(),
  };
}

export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthenticated: (problem: Problem) => void = () => {},
    private readonly baseUrl: string = "",
  ) {}

  async request<T>(method: string, target: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {
      Accept: "application/json, application/problem+json",
      Authorization: `Bearer ${this.token}`,
      ...options.headers,
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["Content-Type"] = options.contentType ?? "application/json";
      body = JSON.stringify(options.body);
    }
    const response = await fetch(this.baseUrl + withQuery(target, options.query), {
      method,
      headers,
      body,
      signal: options.signal,
    });
    if (!response.ok) {
      const problem = await problemOf(response);
      if (response.status === 401) {
        this.onUnauthenticated(problem);
      }
      throw new ApiError(problem);
    }
    const etag = response.headers.get("etag");
    if (response.status === 204 || response.headers.get("content-length") === "0") {
      return { data: undefined as T, status: response.status, etag };
    }
    const text = await response.text();
    return { data: (text ? JSON.parse(text) : undefined) as T, status: response.status, etag };
  }

  async get<T>(target: string, options?: RequestOptions): Promise<T> {
    return (await this.request<T>("GET", target, options)).data;
  }

  async post<T>(target: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return (await this.request<T>("POST", target, { ...options, body })).data;
  }

  async put<T>(target: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return (await this.request<T>("PUT", target, { ...options, body })).data;
  }

  async delete(target: string, options?: RequestOptions): Promise<void> {
    await this.request<void>("DELETE", target, options);
  }
}

/** Checks a token without a session: `GET /admin/me` with it. */
export async function probeToken<T>(token: string): Promise<T> {
  return new ApiClient(token).get<T>("/admin/me");
}
