import type { RequestEventData } from '@sentry/core';
import { scrubCookieRecord } from './cookie-scrubber';
import { scrubHeaders } from './header-scrubber';
import { scrubQueryString } from './query-string-scrubber';
import { scrubRequestBody } from './request-body';
import { ScrubEngine } from './scrub-engine';

/**
 * `event.request`, as a scrubbed copy: URL (password and sensitive query parameters), query
 * string, headers by name, cookies by name, the body by key, and `env`.
 */
export function scrubRequest(request: RequestEventData, engine: ScrubEngine): RequestEventData {
  const result: Record<string, unknown> = { ...request };
  if (request.url !== undefined) result.url = engine.scrubDeep(request.url);
  if (request.query_string !== undefined) result.query_string = scrubQueryString(request.query_string, engine);
  if (request.headers !== undefined) result.headers = scrubHeaders(request.headers, engine);
  if (request.cookies !== undefined) result.cookies = scrubCookieRecord(request.cookies, engine);
  if (request.data !== undefined) result.data = scrubRequestBody(request.data, engine);
  if (request.env !== undefined) result.env = engine.scrubDeep(request.env);
  return result as RequestEventData;
}
