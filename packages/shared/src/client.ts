import { CLIENT_ROUTES } from './client-routes';
import type { HttpMethod, RouteInput, RouteResponse } from './route';
import type { Routes } from './routes';

export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
export interface TransportResponse {
  status: number;
  body: unknown;
}
/** `fetch` in tests and scripts, `Taro.request` in the mini-program. Must resolve for every HTTP status. */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

export interface ClientOptions {
  baseUrl: string;
  transport: Transport;
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Called once on a 401 from an authenticated route; resolve true if a new token is ready. */
  reauthenticate?: () => Promise<boolean>;
}

export type ApiClient = {
  [K in keyof Routes]: (input: RouteInput<Routes[K]>) => Promise<RouteResponse<Routes[K]>>;
};

export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params?.[key];
    if (value === undefined || value === null || value === '') throw new Error(`missing path parameter ${key}`);
    return encodeURIComponent(String(value));
  });
}

export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * One typed function per route. Errors come back as data (`{status, body}`), never as throws.
 * Built from CLIENT_ROUTES (generated from the contract), so it carries no schema.
 */
export function createApiClient(options: ClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/$/, '');
  type Input = { params?: object; query?: object; body?: unknown };
  const call = async ([method, path, authenticated]: readonly [HttpMethod, string, boolean], input: Input) => {
    const url = base + buildPath(path, input.params as Record<string, unknown>) + buildQuery(input.query as Record<string, unknown>);
    const send = async () => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (input.body !== undefined) headers['content-type'] = 'application/json';
      if (authenticated) {
        const token = await options.getToken?.();
        if (token) headers.authorization = `Bearer ${token}`;
      }
      return options.transport({
        method,
        url,
        headers,
        body: input.body === undefined ? undefined : JSON.stringify(input.body),
      });
    };
    let res = await send();
    if (res.status === 401 && authenticated && options.reauthenticate) {
      if (await options.reauthenticate()) res = await send();
    }
    return res;
  };
  const client: Record<string, unknown> = {};
  for (const [name, route] of Object.entries(CLIENT_ROUTES)) {
    client[name] = (input: Input = {}) => call(route, input);
  }
  return client as ApiClient;
}

/** A Transport over the standard fetch API (Node 20+, browsers). */
export function fetchTransport(fetchImpl: typeof fetch = fetch): Transport {
  return async ({ method, url, headers, body }) => {
    const res = await fetchImpl(url, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON bodies (a proxy's HTML error page) are passed through as text.
    }
    return { status: res.status, body: parsed };
  };
}
