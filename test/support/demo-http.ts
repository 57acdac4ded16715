/** One HTTP call to the demo, the way the cheat sheet's curl lines make it. */
export interface DemoCall {
  method?: 'GET' | 'POST';
  /** Sent as `x-api-key`. */
  apiKey?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  bearer?: string;
  body?: unknown;
}

export interface DemoResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any route
}

export async function callDemo(baseUrl: string, path: string, call: DemoCall = {}): Promise<DemoResponse> {
  const headers: Record<string, string> = {};
  if (call.apiKey) headers['x-api-key'] = call.apiKey;
  if (call.bearer) headers.authorization = `Bearer ${call.bearer}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
