import { captureException, isThenable, type Scope } from '@sentry/core';
import { isAlreadyCaptured } from '../sdk-bridge/sentry/sentry-internals';
import { cleanIsolationFork } from '../scope/clean-scope.util';
import { prepareUnitScope, runInUnitScope } from '../scope/run-in-scope.util';
import { WS_CONNECTION_MECHANISM, type GatewayConnectionPhase } from './gateway-connection-method';
import { BACKGROUND_KIND_TAG, BACKGROUND_MECHANISMS } from './background.constants';
import { jobMetaOf, payloadOf, transactionNameOf, type BackgroundMethod } from './background-method';
import type { SentryJobMeta } from './background.types';
import type { JobPrincipalResolver } from './job-principal.resolver';

/**
 * Runs one call of a background handler as its own unit of work: a clean isolation scope
 * named after what ran, with the run's principal; an error it throws (or rejects with) is
 * captured once and rethrown unchanged, so the scheduler, the emitter and BullMQ handle it
 * as they would without the module (log it, fail and retry the job).
 */
export class BackgroundUnitRunner {
  constructor(private readonly principals: JobPrincipalResolver) {}

  run(method: BackgroundMethod, key: string, original: Function, self: object, args: unknown[]): unknown {
    const type = self.constructor;
    let meta: SentryJobMeta;
    let scope: Scope;
    try {
      meta = jobMetaOf(method, `${type.name}.${key}`, args);
      scope = prepareUnitScope({ ...this.principals.resolve(type, key, payloadOf(meta.kind, args), meta), tags: { [BACKGROUND_KIND_TAG]: meta.kind } });
      scope.setTransactionName(transactionNameOf(meta));
    } catch {
      return original.apply(self, args); // fail-open: the job runs as it would without the module
    }
    return runCapturing(scope, BACKGROUND_MECHANISMS[meta.kind], original, self, args);
  }

  /**
   * Runs one call of a gateway's `handleConnection` / `handleDisconnect` as its own unit of
   * work: a clean isolation scope named `ws connect <Gateway>` / `ws disconnect <Gateway>`;
   * an error is captured once and rethrown (or rejected) unchanged, so Nest sees what it would
   * without the module.
   */
  runConnection(phase: GatewayConnectionPhase, original: Function, self: object, args: unknown[]): unknown {
    let scope: Scope;
    try {
      scope = cleanIsolationFork();
      scope.setTransactionName(`ws ${phase} ${self.constructor.name}`);
    } catch {
      return original.apply(self, args); // fail-open: the handler runs as it would without the module
    }
    return runCapturing(scope, WS_CONNECTION_MECHANISM, original, self, args);
  }
}

function runCapturing(scope: Scope, mechanism: string, original: Function, self: object, args: unknown[]): unknown {
  return runInUnitScope(scope, () => {
    let result: unknown;
    try {
      result = original.apply(self, args);
    } catch (error) {
      throw captureOnce(error, mechanism);
    }
    // The rejection handler is attached inside the scope, so the capture happens there too.
    return isThenable(result) ? result.then(undefined, (error: unknown) => Promise.reject(captureOnce(error, mechanism))) : result;
  });
}

/**
 * With the preload, Sentry's own wrapper (inside this one) may have captured it already. (The
 * client also refuses an error object it has seen; checking first keeps that explicit and cheap.)
 */
function captureOnce(error: unknown, mechanism: string): unknown {
  if (!isAlreadyCaptured(error)) captureException(error, { mechanism: { type: mechanism, handled: false } });
  return error;
}
