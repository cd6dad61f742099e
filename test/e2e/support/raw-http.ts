/** HTTP requests with headers fetch will not send as given (Host, or none at all), for probing the bot's edge. */
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as given; a `host` here replaces the one of `url`. */
  headers?: Record<string, string>;
  body?: string;
  /** false: send no Host header at all. */
  setHost?: boolean;
}

export function rawRequest(url: string, { method = 'GET', headers = {}, body, setHost = true }: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) }, setHost }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
