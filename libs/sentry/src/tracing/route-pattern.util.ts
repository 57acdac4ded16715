/** The parts of an Express or Fastify request that name its route. */
interface RoutedRequest {
  method?: string;
  baseUrl?: string;
  route?: { path?: unknown };
  routeOptions?: { url?: string };
  routerPath?: string;
}

/**
 * `GET /orders/:id` rather than `GET /orders/1000`: the route pattern, so one
 * route is one transaction (and one issue) whatever the ids in the URL.
 * Express gives `baseUrl` + `route.path`; Fastify gives `routeOptions.url`.
 */
export function routeNameOf(request: unknown): string | undefined {
  const req = request as RoutedRequest | undefined;
  if (!req?.method) return undefined;
  const fastifyPath = req.routeOptions?.url ?? req.routerPath;
  if (typeof fastifyPath === 'string') return `${req.method} ${fastifyPath}`;
  const expressPath = req.route?.path;
  if (typeof expressPath === 'string') return `${req.method} ${(req.baseUrl ?? '') + expressPath}`;
  return undefined;
}
