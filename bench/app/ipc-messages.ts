/** Harness → app. */
export type ParentMessage = { type: 'mem'; seq: number } | { type: 'cpu'; seq: number } | { type: 'mark'; seq: number } | { type: 'exit' };

/** App → harness. */
export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; error: string }
  | { type: 'mem'; seq: number; usage: NodeJS.MemoryUsage }
  | { type: 'cpu'; seq: number; usage: NodeJS.CpuUsage }
  | { type: 'mark'; seq: number; monotonicUs: number };
