import { EventEmitter } from 'node:events';
import type { Event, Profile, ProfileChunk, SerializedLog, SerializedSession, SessionAggregates } from '@sentry/core';
import type { ReceivedEnvelope, ReceivedItem } from './received-envelope';
import { summarize } from './summarize';
import { CHANGED, CLOSED, waitUntil, type WaitOptions } from './wait-until';

/** @publicApi */
export type Predicate<T> = (value: T) => boolean;

/**
 * What the test ingest received, with getters and waits. Kept apart from the HTTP
 * server so each stays small; `SentryTestIngest` extends it.
 * @publicApi
 */
export class IngestRecorder {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private received: ReceivedEnvelope[] = [];
  private requests = 0;
  private arrivals: number[] = [];
  private rejects = 0;
  private stopped = false;

  /** Every accepted envelope, oldest first. */
  get envelopes(): readonly ReceivedEnvelope[] {
    return [...this.received];
  }

  /** Decompressed utf8 body of every accepted envelope. */
  get rawBodies(): string[] {
    return this.received.map((envelope) => envelope.raw);
  }

  /** All raw bodies joined, for `expect(ingest.rawText()).not.toContain(secret)`. */
  rawText(): string {
    return this.rawBodies.join('\n');
  }

  /** HTTP requests seen, including rejected, hung and reset ones. */
  get requestCount(): number {
    return this.requests;
  }

  /** Arrival time (`Date.now()`) of every HTTP request, so tests can prove nothing came during a back-off. */
  get requestTimes(): readonly number[] {
    return [...this.arrivals];
  }

  /** Requests answered without recording (faults, bad routes, malformed bodies, resets, hangs). */
  get rejected(): number {
    return this.rejects;
  }

  /** Items of one type across all envelopes. */
  items<P = unknown>(type: string): ReceivedItem<P>[] {
    return this.received.flatMap((envelope) => envelope.items).filter((item): item is ReceivedItem<P> => item.type === type);
  }

  /** Error and message events. */
  get events(): Event[] {
    return this.payloads<Event>('event');
  }

  get transactions(): Event[] {
    return this.payloads<Event>('transaction');
  }

  /** Individual log records, flattened out of their `log` containers. */
  get logs(): SerializedLog[] {
    return this.payloads<{ items?: SerializedLog[] }>('log').flatMap((container) => container.items ?? []);
  }

  get profiles(): Array<Profile | ProfileChunk> {
    return [...this.payloads<Profile>('profile'), ...this.payloads<ProfileChunk>('profile_chunk')];
  }

  get sessions(): Array<SerializedSession | SessionAggregates> {
    return [...this.payloads<SerializedSession>('session'), ...this.payloads<SessionAggregates>('sessions')];
  }

  /** Forgets all envelopes and resets the counters. */
  clear(): void {
    this.received = [];
    this.requests = 0;
    this.arrivals = [];
    this.rejects = 0;
  }

  /** First event matching `predicate`, already received or still to come. */
  waitForEvent(predicate: Predicate<Event> = () => true, options?: WaitOptions): Promise<Event> {
    return this.waitFor(() => this.events.find(predicate), 'an event', options);
  }

  /** The first `count` events matching `predicate`. */
  waitForEvents(count: number, predicate: Predicate<Event> = () => true, options?: WaitOptions): Promise<Event[]> {
    const check = (): Event[] | undefined => {
      const matching = this.events.filter(predicate);
      return matching.length >= count ? matching.slice(0, count) : undefined;
    };
    return this.waitFor(check, `${count} event(s)`, options);
  }

  waitForTransaction(predicate: Predicate<Event> = () => true, options?: WaitOptions): Promise<Event> {
    return this.waitFor(() => this.transactions.find(predicate), 'a transaction', options);
  }

  waitForLog(predicate: Predicate<SerializedLog> = () => true, options?: WaitOptions): Promise<SerializedLog> {
    return this.waitFor(() => this.logs.find(predicate), 'a log record', options);
  }

  waitForItem<P = unknown>(
    type: string,
    predicate: Predicate<ReceivedItem<P>> = () => true,
    options?: WaitOptions,
  ): Promise<ReceivedItem<P>> {
    return this.waitFor(() => this.items<P>(type).find(predicate), `a '${type}' item`, options);
  }

  /** Resolves with the request count once at least `count` requests arrived. */
  waitForRequests(count: number, options?: WaitOptions): Promise<number> {
    return this.waitFor(() => (this.requests >= count ? this.requests : undefined), `${count} request(s)`, options);
  }

  protected noteRequest(): void {
    this.requests += 1;
    this.arrivals.push(Date.now());
    this.emitter.emit(CHANGED);
  }

  protected noteRejected(): void {
    this.rejects += 1;
    this.emitter.emit(CHANGED);
  }

  protected record(envelope: ReceivedEnvelope): void {
    this.received.push(envelope);
    this.emitter.emit(CHANGED);
  }

  /** Rejects every pending wait; called by `close()`. */
  protected stopWaiting(): void {
    this.stopped = true;
    this.emitter.emit(CLOSED);
  }

  private payloads<P>(type: string): P[] {
    return this.items<P>(type).map((item) => item.payload);
  }

  private waitFor<T>(check: () => T | undefined, what: string, options?: WaitOptions): Promise<T> {
    const summary = (): string => summarize(this.received, this.requests, this.rejects);
    if (this.stopped) return Promise.reject(new Error(`SentryTestIngest is closed; cannot wait for ${what}. ${summary()}`));
    return waitUntil(this.emitter, check, what, summary, options);
  }
}
