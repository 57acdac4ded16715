import type { DataCollection } from '@sentry/core';

/**
 * The SDK's own collection turned all the way up (the opposite of its defaults): every header,
 * cookie, query parameter, body, `user.ip_address` and frame variable is collected, so that
 * whatever is kept out of the envelope is kept out by our scrubber, not by the SDK's defaults.
 */
export const COLLECT_EVERYTHING: DataCollection = {
  userInfo: true,
  cookies: true,
  httpHeaders: { request: true, response: true },
  httpBodies: ['incomingRequest', 'outgoingRequest', 'incomingResponse', 'outgoingResponse'],
  urlQueryParams: true,
  stackFrameVariables: true,
  frameContextLines: 7,
};
