/**
 * A plain copy of `extra` that the SDK can read. The SDK spreads `extra` while it prepares the
 * event, inside a promise chain that swallows errors: one getter that throws (or a Proxy that
 * refuses its keys) loses the whole event without a word. Each unreadable value becomes a note
 * instead; the copy is scrubbed like any `extra`.
 */
export function readableExtra(extra: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (extra === undefined || extra === null) return extra;
  let keys: string[];
  try {
    keys = Object.keys(extra);
  } catch {
    return { extra: '[unreadable]' };
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    try {
      copy[key] = extra[key];
    } catch {
      copy[key] = '[unreadable]';
    }
  }
  return copy;
}
