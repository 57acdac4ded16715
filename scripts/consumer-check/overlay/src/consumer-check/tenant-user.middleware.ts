// Stands in for an auth layer: the user and tenant come from request headers and land on
// `request.user`, where the library's default resolver looks (id, tenantId).
type HeaderRequest = { headers: Record<string, string | string[] | undefined>; user?: unknown };

export function tenantUserMiddleware(request: HeaderRequest, _response: unknown, next: () => void): void {
  const id = request.headers['x-user-id'];
  const tenantId = request.headers['x-tenant-id'];
  if (typeof id === 'string') request.user = { id, tenantId };
  next();
}
