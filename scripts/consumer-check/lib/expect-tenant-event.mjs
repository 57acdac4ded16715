// One failing request with a user and tenant header; the error event must reach the
// ingest carrying that user id and the tenant_id tag.
export async function expectTenantEvent(ingest, baseUrl, { userId, tenantId }) {
  const response = await fetch(`${baseUrl}/consumer-check/boom`, {
    headers: { 'x-user-id': userId, 'x-tenant-id': tenantId },
  });
  if (response.status !== 500) throw new Error(`GET /consumer-check/boom answered ${response.status}, expected 500`);
  const event = await ingest.waitForEvent((e) => e.user?.id === userId, { timeoutMs: 15_000 });
  if (event.tags?.tenant_id !== tenantId) {
    throw new Error(`event for ${userId} has tag tenant_id=${event.tags?.tenant_id}, expected ${tenantId}`);
  }
  return event;
}
