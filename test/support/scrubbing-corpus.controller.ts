import { Controller, Get, Logger, Module, NotFoundException, Param, Post } from '@nestjs/common';
import { SentryService } from '@app/sentry';
import { captureMessage, getIsolationScope, logger as sentryLogs, metrics, parameterize } from '@sentry/core';
import { plantsOf, setPath, type Suite } from './scrubbing-corpus';

/** Messages that name each expected item, so a suite can prove it arrived. */
export const CORPUS_MARKERS = {
  request: (kind: 'json' | 'form' | 'truncated') => `scrub-corpus request ${kind}`,
  path: 'scrub-corpus path',
  appSide: 'scrub-corpus app side',
  crumbWithData: 'scrub-corpus crumb with data',
  logPrefix: 'scrub-corpus log:',
  logAttributes: 'scrub-corpus log: attributes',
  messagePrefix: 'scrub-corpus message:',
  metric: 'scrub_corpus.checkout_declined',
} as const;

const SUITE: Suite = 'light';

/** A template tag (`logger.fmt`, `parameterize`) called on `before${parameter}`, as an app would write it inline. */
function tagged<R>(tag: (strings: TemplateStringsArray, ...values: unknown[]) => R, before: string, parameter: string): R {
  const strings = Object.assign([before, ''], { raw: [before, ''] }) as unknown as TemplateStringsArray;
  return tag(strings, parameter);
}

/**
 * Plants the app-side rows of the `light` corpus the way an app would: SentryService,
 * Nest's Logger (through SentryLogger), `Sentry.logger`, and errors thrown from handlers
 * (captured by the global exception filter). The request-borne rows arrive with the request.
 */
@Controller('scrub')
export class ScrubbingCorpusController {
  private readonly logger = new Logger('ScrubCorpus');

  constructor(private readonly sentry: SentryService) {}

  /** Headers, cookies, query and body come with the request; the filter captures the error. */
  @Post('request/:kind')
  request(@Param('kind') kind: 'json' | 'form' | 'truncated'): never {
    throw new Error(CORPUS_MARKERS.request(kind));
  }

  /**
   * Paths below `path/`, one to four segments: the request URL (and nothing else) carries the
   * corpus row. Listed, not a wildcard: Fastify allows a wildcard only as a route's last character.
   */
  @Get(['path/:a', 'path/:a/:b', 'path/:a/:b/:c', 'path/:a/:b/:c/:d'])
  path(): never {
    throw new Error(CORPUS_MARKERS.path);
  }

  @Post('app-side')
  appSide(): { eventId: string | undefined } {
    for (const { plant } of plantsOf(SUITE, 'breadcrumbMessage')) this.sentry.addBreadcrumb(plant.message, 'scrub-corpus');
    const crumbData = Object.fromEntries(plantsOf(SUITE, 'breadcrumbData').map(({ plant }) => [plant.key, plant.value]));
    this.sentry.addBreadcrumb(CORPUS_MARKERS.crumbWithData, 'scrub-corpus', 'info', crumbData);

    const contexts: Record<string, Record<string, unknown>> = {};
    for (const { plant } of plantsOf(SUITE, 'context')) (contexts[plant.name] ??= {})[plant.key] = plant.value;
    for (const [name, context] of Object.entries(contexts)) this.sentry.setContext(name, context);
    for (const { plant } of plantsOf(SUITE, 'tag')) this.sentry.setTag(plant.key, plant.value);

    const userFields = Object.fromEntries(plantsOf(SUITE, 'user').map(({ plant }) => [plant.key, plant.value]));
    this.sentry.setUserContext('user-8841', 'tenant-acme', userFields.email);
    const scope = getIsolationScope();
    scope.setUser({ ...scope.getUser(), ...userFields });

    const extra: Record<string, unknown> = {};
    for (const { plant } of plantsOf(SUITE, 'extra')) setPath(extra, plant.path, plant.value);
    return { eventId: this.sentry.captureMessage(CORPUS_MARKERS.appSide, 'warning', extra) };
  }

  /** Nest log lines (SentryLogger makes them breadcrumbs and Sentry logs) and `Sentry.logger` calls. */
  @Post('logs')
  logs(): { logs: number } {
    const nestLines = plantsOf(SUITE, 'nestLog');
    for (const { plant } of nestLines) this.logger[plant.level](plant.message);
    const attributes = Object.fromEntries(plantsOf(SUITE, 'sentryLog').map(({ plant }) => [plant.attribute, plant.value]));
    sentryLogs.info(CORPUS_MARKERS.logAttributes, attributes);
    const parameters = plantsOf(SUITE, 'sentryLogParameter');
    for (const { plant } of parameters) sentryLogs.info(tagged(sentryLogs.fmt, plant.before, plant.parameter));
    return { logs: nestLines.length + 1 + parameters.length };
  }

  /** Message events (SentryService, and the SDK's parameterize), and a metric with attributes. */
  @Post('messages')
  messages(): { messages: number } {
    const plain = plantsOf(SUITE, 'message');
    for (const { plant } of plain) this.sentry.captureMessage(plant.message, 'warning');
    const parameterized = plantsOf(SUITE, 'messageParameter');
    for (const { plant } of parameterized) captureMessage(tagged(parameterize, plant.before, plant.parameter), 'warning');
    const attributes = Object.fromEntries(plantsOf(SUITE, 'metricAttribute').map(({ plant }) => [plant.key, plant.value]));
    metrics.count(CORPUS_MARKERS.metric, 1, { attributes });
    return { messages: plain.length + parameterized.length };
  }

  @Get('throw/:id')
  throwInput(@Param('id') id: string): never {
    const input = plantsOf(SUITE, 'throw').find((candidate) => candidate.id === id);
    if (!input) throw new NotFoundException(id);
    const { message, cause } = input.plant;
    throw cause === undefined ? new Error(message) : new Error(message, { cause: new Error(cause) });
  }
}

@Module({ controllers: [ScrubbingCorpusController] })
export class ScrubbingCorpusModule {}
