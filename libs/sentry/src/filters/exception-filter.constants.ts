/** Mechanism type per Nest context; the same names as the official `SentryGlobalFilter`. */
export const FILTER_MECHANISM_TYPES: Readonly<Record<string, string>> = {
  http: 'auto.http.nestjs.global_filter',
  rpc: 'auto.rpc.nestjs.global_filter',
  ws: 'auto.ws.nestjs.global_filter',
  graphql: 'auto.graphql.nestjs.global_filter',
};

/** Used for contexts Nest does not name (e.g. a library's own `ExternalContextCreator` type). */
export const FALLBACK_MECHANISM_TYPE = 'auto.nestjs.global_filter';

/** `HttpException`s with a status at or above this are captured unless `captureStatusThreshold` says otherwise. */
export const DEFAULT_CAPTURE_STATUS_THRESHOLD = 500;

/** Tag carrying the HTTP status the client received. */
export const STATUS_CODE_TAG = 'http.status_code';

/** Context name for the RPC / WebSocket message an event came from. */
export const MESSAGE_CONTEXT = 'nestjs';

export const FILTER_MESSAGES = {
  captureFailed: (reason: string) =>
    `The Sentry exception filter could not capture an exception: ${reason} - the response is sent as usual`,
} as const;
