/**
 * Checks on the raw envelope bytes the test ingest received. A secret counts as leaked in any
 * form the SDK could serialize it in: as is, JSON-escaped (inside an event), JSON-escaped twice
 * (a JSON body is a string inside the event), percent-encoded (URLs, cookies) or form-encoded.
 */

/** The forms of a text we look for; the first is the text itself. */
export function encodingsOf(text: string): string[] {
  const once = JSON.stringify(text).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  const percent = encodeURIComponent(text);
  const form = percent.replace(/%20/g, '+');
  return [...new Set([text, once, twice, percent, form])];
}

/** The forms of `secret` found in `raw` (empty when it did not leak). */
export function leakedForms(raw: string, secret: string): string[] {
  return encodingsOf(secret).filter((form) => raw.includes(form));
}

/** True when `text` appears in `raw` as is or JSON-escaped (once or twice). */
export function appearsIn(raw: string, text: string): boolean {
  const once = JSON.stringify(text).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  return raw.includes(text) || raw.includes(once) || raw.includes(twice);
}

/** Every `S3CR3T` tag in the bytes, with some context, to name what leaked if anything did. */
export function secretTagsIn(raw: string): string[] {
  const found: string[] = [];
  const tag = /S3CR3T/g;
  for (let match = tag.exec(raw); match !== null; match = tag.exec(raw)) {
    found.push(raw.slice(Math.max(0, match.index - 60), match.index + 40));
  }
  return found;
}
