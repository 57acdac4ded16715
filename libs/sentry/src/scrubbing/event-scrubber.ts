import type { Event, RequestEventData } from '@sentry/core';
import { scrubBreadcrumbParts, withoutBreadcrumbData } from './breadcrumb-scrubber';
import { dropFrameVariables, scrubExceptionsAndThreads } from './exception-scrubber';
import { scrubRequest } from './request-scrubber';
import { ScrubEngine } from './scrub-engine';
import { dropSpanData, scrubSpanParts } from './span-scrubber';
import { sensitiveParameterIndexes } from './template-parameters';
import { scrubText } from './text-scrubber';
import { scrubUser } from './user-scrubber';

/**
 * Contexts the SDK itself builds. They hold no app data, so the fail-safe path keeps them
 * (scrubbed like everything else) while it drops contexts the app set.
 */
const STRUCTURAL_CONTEXTS: ReadonlySet<string> = new Set([
  'trace', 'os', 'runtime', 'app', 'device', 'culture', 'cloud_resource', 'otel', 'profile',
]);

/**
 * Scrubs every place of an error or transaction event where app data can land. The event
 * itself is owned by the SDK once `beforeSend*` runs, so its fields are reassigned in place;
 * anything the app may still hold (`extra`, contexts, tags, user, breadcrumbs, request parts,
 * span data) is replaced by a scrubbed copy, never mutated.
 */
export function scrubEventParts(event: Event, engine: ScrubEngine): void {
  if (event.message !== undefined) event.message = scrubText(event.message, engine);
  if (event.logentry !== undefined) {
    const { message, params } = event.logentry;
    event.logentry = { ...event.logentry };
    if (message !== undefined) event.logentry.message = scrubText(message, engine);
    if (params !== undefined) event.logentry.params = scrubTemplateParams(message, params, engine);
  }
  scrubExceptionsAndThreads(event, engine);
  maskSyntheticMessageException(event);
  if (event.request !== undefined) event.request = scrubRequest(event.request, engine);
  if (event.breadcrumbs !== undefined) {
    event.breadcrumbs = event.breadcrumbs.map((breadcrumb) => scrubBreadcrumbParts(breadcrumb, engine));
  }
  if (event.extra !== undefined) event.extra = engine.scrubDeep(event.extra) as Event['extra'];
  if (event.contexts !== undefined) event.contexts = engine.scrubDeep(event.contexts) as Event['contexts'];
  if (event.tags !== undefined) event.tags = engine.scrubDeep(event.tags) as Event['tags'];
  if (event.user !== undefined) {
    const user = scrubUser(event.user, engine);
    if (user === undefined) delete event.user;
    else event.user = user;
  }
  if (event.transaction !== undefined) event.transaction = scrubText(event.transaction, engine);
  if (event.fingerprint !== undefined) event.fingerprint = engine.scrubDeep(event.fingerprint) as string[];
  for (const span of event.spans ?? []) scrubSpanParts(span, engine);
  scrubSamplingContext(event, engine);
  scrubProcessingRequest(event, engine);
}

/**
 * With `attachStacktrace`, a captured message also carries a synthetic exception whose value is
 * the message with its parameters filled in: each parameter would leave there, past the
 * per-parameter check of `logentry.params`. It gets the template instead (already scrubbed).
 */
function maskSyntheticMessageException(event: Event): void {
  const template = event.logentry?.params?.length ? event.logentry.message : undefined;
  if (template === undefined) return;
  for (const exception of event.exception?.values ?? []) {
    if (exception.mechanism?.synthetic) exception.value = template;
  }
}

/**
 * The SDK keeps the raw request (and the client IP) in `sdkProcessingMetadata` while it builds the
 * event. It is stripped before sending, but the user's own `beforeSend*` hooks, which run after
 * ours, can read it: it is scrubbed like `event.request`, on a copy (the scope shares it).
 */
function scrubProcessingRequest(event: Event, engine: ScrubEngine): void {
  const metadata = event.sdkProcessingMetadata;
  if (metadata === undefined || (metadata.normalizedRequest === undefined && metadata.ipAddress === undefined)) return;
  const { ipAddress: _dropped, ...rest } = metadata;
  if (rest.normalizedRequest !== undefined && rest.normalizedRequest !== null) {
    rest.normalizedRequest = scrubRequest(rest.normalizedRequest as RequestEventData, engine);
  }
  event.sdkProcessingMetadata = rest;
}

/**
 * The dynamic sampling context the SDK writes into the envelope header (`trace`). Its
 * `transaction` is the root span's name, which no other hook sees: a job named
 * `charge card 4111 ...` would otherwise leave in the header. Replaced by a copy, because the
 * SDK freezes the DSC on the span and reuses it. Only the name: the ids and sampling fields
 * must stay exact.
 */
function scrubSamplingContext(event: Event, engine: ScrubEngine): void {
  const metadata = event.sdkProcessingMetadata;
  const dsc = metadata?.dynamicSamplingContext as Record<string, unknown> | undefined;
  if (dsc === undefined || dsc === null || typeof dsc.transaction !== 'string') return;
  const transaction = engine.scrubString(dsc.transaction);
  if (transaction === dsc.transaction) return;
  event.sdkProcessingMetadata = { ...metadata, dynamicSamplingContext: { ...dsc, transaction } };
}

/**
 * `logentry.params` (from `parameterize`): by key and value like any data, and masked where the
 * raw template puts them in a secret's place (`password=%s`).
 */
function scrubTemplateParams(template: unknown, params: unknown[], engine: ScrubEngine): unknown[] {
  const scrubbed = engine.scrubDeep(params) as unknown[];
  if (typeof template !== 'string' || !Array.isArray(params) || !Array.isArray(scrubbed)) return scrubbed;
  for (const index of sensitiveParameterIndexes(template, params, engine)) scrubbed[index] = engine.mask(scrubbed[index]);
  return scrubbed;
}

function keepStructuralContexts(contexts: NonNullable<Event['contexts']>): Event['contexts'] {
  const kept: NonNullable<Event['contexts']> = {};
  for (const name of Object.keys(contexts)) {
    if (STRUCTURAL_CONTEXTS.has(name)) kept[name] = { ...contexts[name] };
  }
  if (kept.trace !== undefined) delete kept.trace.data;
  return kept;
}

/**
 * The fail-safe path: drops every part that carries arbitrary app data (request body, headers,
 * cookies, query string, env, extra, app contexts, log params, breadcrumb data, frame variables,
 * mechanism data, span data, the SDK's raw copy of the request), so that a second scrubbing pass
 * over the rest can succeed.
 */
export function dropRiskyEventParts(event: Event): void {
  if (event.request !== undefined) {
    const { url, method } = event.request;
    event.request = { url, method };
  }
  delete event.extra;
  if (event.sdkProcessingMetadata?.normalizedRequest !== undefined) {
    const { normalizedRequest: _request, ipAddress: _ip, ...rest } = event.sdkProcessingMetadata;
    event.sdkProcessingMetadata = rest;
  }
  if (event.contexts !== undefined) event.contexts = keepStructuralContexts(event.contexts);
  if (event.logentry !== undefined) event.logentry = { message: event.logentry.message };
  if (event.breadcrumbs !== undefined) event.breadcrumbs = event.breadcrumbs.map(withoutBreadcrumbData);
  dropFrameVariables(event);
  for (const exception of event.exception?.values ?? []) delete exception.mechanism?.data;
  for (const span of event.spans ?? []) dropSpanData(span);
}
