import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** Package → installed version (from node_modules, not the ranges in package.json). */
  versions: Record<string, string>;
}

const PACKAGES = ['@nestjs/core', '@nestjs/platform-express', '@sentry/nestjs', '@sentry/node', '@sentry/node', '@sentry/core', 'autocannon', 'typescript'];

export function describeMachine(repoRoot: string): MachineInfo {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    versions: Object.fromEntries(PACKAGES.map((name) => [name, installedVersion(repoRoot, name)])),
  };
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
