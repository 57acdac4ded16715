/** Lines the scope interceptor logs (kept beside it: `sentry.messages.ts` belongs to the module core). */
export const SCOPE_MESSAGES = {
  resolveUserFailed: (reason: string) =>
    `resolveUser threw (${reason}) - the request carries on without a Sentry user; later failures are not logged`,
} as const;
