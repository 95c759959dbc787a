import { request } from 'node:http';

/** What a raw request to the workbench answered. */
export interface RawResponse {
  status: number;
  text: string;
  headers: Record<string, unknown>;
}

/**
 * A request to the workbench on 127.0.0.1 with exactly the headers given (and the matching `Host`), as a page of
 * another origin or a script without the token could send it: `fetch` would add or refuse some of them. A body is
 * sent as JSON.
 */
export function rawRequest(port: number, method: string, pathname: string, headers: Record<string, string>, body?: unknown): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path: pathname, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, text, headers: response.headers }));
    });
    outgoing.on('error', reject);
    outgoing.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
