import * as diagnosticsChannel from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import { defineIntegration, getIsolationScope, HTTP_ON_SERVER_REQUEST } from '@sentry/core';
import { runFetchResponsesInCallerContext } from './fetch-caller-context';
import { forkScopePerRequest, requestOfScope } from './fork-scope-per-request';
import { subscribeOutgoingRequests } from './outgoing-requests';
import { bestEffortTransactionName, requestEventData } from './request-event-data';

export interface LeanHttpOptions {
  /** Start an `http.server` transaction per request and an `http.client` span per outgoing one. */
  spans: boolean;
}

/**
 * Replacement for the light SDK's `Http` integration (same name, so a user's own
 * `httpIntegration()` still wins), with the SDK's own code doing the work. Same
 * outcome for an event: its own isolation scope per request, request data, trace
 * continued from `sentry-trace`, outgoing-request breadcrumbs; and with `spans`,
 * an `http.server` transaction per request, which the light SDK's own never makes.
 * Different cost: an untraced request without a body has its request data read
 * when an event is built, not copied on arrival (see fork-scope-per-request.ts).
 */
export const leanHttpIntegration = defineIntegration(({ spans }: LeanHttpOptions) => ({
  name: 'Http',
  setupOnce() {
    diagnosticsChannel.subscribe(HTTP_ON_SERVER_REQUEST, (message) => forkScopePerRequest((message as { server: Server }).server, spans));
    subscribeOutgoingRequests(spans);
    runFetchResponsesInCallerContext();
  },
  preprocessEvent(event) {
    const request = requestOfScope(getIsolationScope());
    if (!request) return;
    const metadata = (event.sdkProcessingMetadata ??= {});
    if (metadata.normalizedRequest === undefined) {
      metadata.normalizedRequest = requestEventData(request);
      metadata.ipAddress ??= request.socket?.remoteAddress;
    }
    event.transaction ??= bestEffortTransactionName(request);
  },
}));
