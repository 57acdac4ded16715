/**
 * Throws with secrets in its local variables and on the source lines around the throw, so that
 * the event's frame carries them twice: as `vars` (with `includeLocalVariables`) and as context
 * lines (7 before the throw, 7 after: `vaultSettings`, never called, is there for its lines, one
 * literal of them wrapped as a formatter would). The corpus rows
 * `frame-var-*` and `source-line-*` name these values; the frames suite checks that this file
 * still holds them. Keep the line count around the throw as it is: a planted line that leaves
 * the window no longer reaches Sentry.
 */
export function unlockVault(): never {
  const passphrase = 'S3CR3T-58-frame-passphrase';
  const cardNote = 'card on file 3782 822463 10005';
  const passage = 'It was a bright cold day in April';
  const password = 'corpus-secret-in-source-S3CR3T-59';
  const fallbackDsn = 'https://svc:S3CR3T-60-source-dsn@ingest.example.test/1';
  const region = process.env.SCRUB_REGION ?? 'eu-west-1';
  const session = openVault(passage);
  throw new Error(`vault ${session} in ${region} refused ${passphrase.length + cardNote.length + password.length + fallbackDsn.length} bytes`);
}
export function vaultSettings(): Record<string, string> {
  const signingSecret = process.env.SCRUB_SIGNING_SECRET || 'S3CR3T143-or-fallback';
  const apiKey = process.env.SCRUB_API_KEY ?? 'S3CR3T144-nullish-fallback';
  const webhookSecret =
    'S3CR3T146-wrapped-by-formatter';
  return { signingSecret, apiKey, webhookSecret, clientSecret: 'S3CR3T145-object-literal' };
}

function openVault(layout: string): string {
  return `v-${layout.length}`;
}
