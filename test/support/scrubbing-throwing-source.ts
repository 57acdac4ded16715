/**
 * Throws with secrets in its local variables and on the source lines around the throw, so that
 * the event's frame carries them twice: as `vars` (with `includeLocalVariables`) and as context
 * lines. The corpus rows `frame-var-*` and `source-line-*` name these values; the frames suite
 * checks that this file still holds them.
 */
export function unlockVault(): never {
  const passphrase = 'S3CR3T-58-frame-passphrase';
  const cardNote = 'card on file 3782 822463 10005';
  const passage = 'It was a bright cold day in April';
  const password = 'corpus-secret-in-source-S3CR3T-59';
  const fallbackDsn = 'https://svc:S3CR3T-60-source-dsn@ingest.example.test/1';
  const session = openVault(passage);
  throw new Error(`vault ${session} refused ${passphrase.length + cardNote.length + password.length + fallbackDsn.length} bytes`);
}

function openVault(layout: string): string {
  return `v-${layout.length}`;
}
