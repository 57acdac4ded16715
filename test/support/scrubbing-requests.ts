import { plantsOf, SDK_BODY_LIMIT, setPath, type Suite } from './scrubbing-corpus';

/** What the client sends for the request-borne rows of a suite. */
export interface CorpusRequests {
  headers: Record<string, string>;
  /** `?a=b&...`, percent-encoded. */
  query: string;
  json: Record<string, unknown>;
  /** `application/x-www-form-urlencoded`. */
  form: string;
  /** JSON text over the SDK's body limit, with the planted pairs inside the part it keeps. */
  truncated: string;
}

/**
 * A JSON body of about 15 KB: a filler, then the planted pairs ending well before the SDK's cut
 * at {@link SDK_BODY_LIMIT} - 3 bytes, then a tail the SDK drops. What the SDK keeps ends inside
 * the tail's string (`..."appendix":"xxx...`) and does not parse.
 */
function truncatedBody(suite: Suite): string {
  const pairs = plantsOf(suite, 'truncatedBody')
    .map(({ plant }) => `${JSON.stringify(plant.name)}:${JSON.stringify(plant.value)},`)
    .join('');
  const head = '{"ticket":"scrub-corpus truncated","filler":"';
  const fillerLength = SDK_BODY_LIMIT - 1_000 - head.length - pairs.length;
  const body = `${head}${'lorem ipsum '.repeat(fillerLength / 12 + 1).slice(0, fillerLength)}",${pairs}"appendix":"${'x'.repeat(5_000)}"}`;
  JSON.parse(body); // well-formed before the SDK cuts it
  return body;
}

/** Builds every request-borne part of a suite's corpus. */
export function corpusRequests(suite: Suite): CorpusRequests {
  const headers: Record<string, string> = {};
  for (const { plant } of plantsOf(suite, 'header')) headers[plant.name] = plant.value;
  const cookies = plantsOf(suite, 'cookie').map(({ plant }) => `${plant.name}=${plant.value}`);
  if (cookies.length > 0) headers.cookie = cookies.join('; ');

  const query = new URLSearchParams(plantsOf(suite, 'query').map(({ plant }): [string, string] => [plant.name, plant.value])).toString();

  const json: Record<string, unknown> = { ticket: 'scrub-corpus json' };
  for (const { plant } of plantsOf(suite, 'jsonBody')) setPath(json, plant.path, plant.value);

  const form = new URLSearchParams([
    ['ticket', 'scrub-corpus form'],
    ...plantsOf(suite, 'formBody').map(({ plant }): [string, string] => [plant.name, plant.value]),
  ]).toString();

  return { headers, query: query ? `?${query}` : '', json, form, truncated: truncatedBody(suite) };
}
