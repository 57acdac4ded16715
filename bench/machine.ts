import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  /** The Node running the harness (autocannon, the ingest). */
  node: string;
  /** The Node running the measured app processes: the harness's own binary unless BENCH_NODE named another. */
  appNode: AppNode;
  /** Package → installed version (from node_modules, not the ranges in package.json). */
  versions: Record<string, string>;
}

export interface AppNode {
  version: string;
  path: string;
  /** True when BENCH_NODE chose a binary other than the harness's. */
  fromEnv: boolean;
}

const PACKAGES = ['@nestjs/core', '@nestjs/platform-express', '@sentry/nestjs', '@sentry/node', '@sentry/core', 'autocannon', 'typescript'];

export function describeMachine(repoRoot: string, appNode: AppNode): MachineInfo {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    appNode,
    versions: Object.fromEntries(PACKAGES.map((name) => [name, installedVersion(repoRoot, name)])),
  };
}

/** Which Node will run the apps, asked of the binary itself: a bad BENCH_NODE fails here, before any app starts. */
export function describeAppNode(path: string): AppNode {
  const fromEnv = path !== process.execPath;
  if (!fromEnv) return { version: process.version, path, fromEnv };
  try {
    return { version: execFileSync(path, ['-p', 'process.version'], { encoding: 'utf8' }).trim(), path, fromEnv };
  } catch (error) {
    throw new Error(`BENCH_NODE=${path} does not run: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** 1-minute load average: above the core count, something else was competing for the CPU. */
export function loadAverage(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}

function installedVersion(repoRoot: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}
