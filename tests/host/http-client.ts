// Raw HTTP for host tests: node:http sends request targets and Host headers exactly as given (fetch would normalise them).
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(port: number, r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: r.method ?? 'GET',
        path: r.path,
        headers: { host: `127.0.0.1:${port}`, ...r.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

export const portOf = (url: string): number => Number(new URL(url).port);

/** The `name=value` pairs a response sets, keyed by name, with the attributes kept for inspection. */
export function setCookies(res: RawResponse): Map<string, { value: string; attributes: string }> {
  const out = new Map<string, { value: string; attributes: string }>();
  for (const line of res.headers['set-cookie'] ?? []) {
    const [pair = '', ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq).trim(), {
      value: decodeURIComponent(pair.slice(eq + 1).trim()),
      attributes: attrs.join(';').trim(),
    });
  }
  return out;
}

/** A browser-like client: signs in with the run token through GET /?token=, then keeps the cookies the host sets. */
export class CookieClient {
  readonly jar = new Map<string, string>();
  constructor(readonly port: number) {}

  async open(token: string): Promise<RawResponse> {
    const res = await rawRequest(this.port, { path: `/?token=${encodeURIComponent(token)}` });
    this.keep(res);
    return res;
  }

  async call(method: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
    const res = await rawRequest(this.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: {
        'content-type': 'application/json',
        origin: `http://127.0.0.1:${this.port}`,
        cookie: this.cookieHeader(),
        ...headers,
      },
      body: JSON.stringify(input),
    });
    this.keep(res);
    return res;
  }

  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  private keep(res: RawResponse): void {
    for (const [name, { value, attributes }] of setCookies(res)) {
      if (/max-age=0/i.test(attributes)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
}
