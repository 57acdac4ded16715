export { SentryTestIngest, type SentryTestIngestOptions } from './sentry-test-ingest';
export { IngestRecorder, type Predicate } from './ingest-recorder';
export type { IngestFault } from './ingest-fault';
export type { ReceivedEnvelope, ReceivedItem } from './received-envelope';
export type { WaitOptions } from './wait-until';
