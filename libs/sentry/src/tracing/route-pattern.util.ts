/** The parts of an Express or Fastify request that name its route. */
export interface RoutedRequest {
  method?: string;
  /** Express: the matched route; Nest mounts every route on the app, so this is the full path. */
  route?: { path?: unknown };
  baseUrl?: string;
  /** Fastify 4.x and 5.x. */
  routeOptions?: { url?: unknown };
  /** Older Fastify. */
  routerPath?: unknown;
}

/**
 * `GET /orders/:id` rather than `GET /orders/1000`: the route pattern, so one
 * route is one transaction (and one issue) whatever the ids in the URL.
 * Undefined before routing (middleware, unknown routes).
 */
export function routeTransactionName(request: RoutedRequest | undefined): string | undefined {
  if (!request) return undefined;
  const method = (request.method ?? 'GET').toUpperCase();
  const fastifyPattern = request.routeOptions?.url ?? request.routerPath;
  if (typeof fastifyPattern === 'string' && fastifyPattern) return `${method} ${fastifyPattern}`;
  const expressPattern = request.route?.path;
  if (typeof expressPattern === 'string') return `${method} ${request.baseUrl ?? ''}${expressPattern}`;
  return undefined;
}
