// A raw HTTPS call to a LAN host (no pinning, the self-signed certificate accepted): what a browser on the LAN sends.
import { request } from 'node:https';

export interface RawReply {
  status: number;
  json: any;
  text: string;
}

export function rawHttps(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RawReply> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = request(
      new URL(path, base),
      { method, rejectUnauthorized: false, headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            /* html */
          }
          ok({ status: res.statusCode ?? 0, json, text });
        });
      },
    );
    req.on('error', fail);
    req.end(data);
  });
}
