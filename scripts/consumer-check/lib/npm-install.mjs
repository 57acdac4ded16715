// Plain `npm install` under the target's Node. A consumer must not meet ERESOLVE or a
// peer warning, so any such line fails the step; other npm warnings are returned for the log.
import { exec } from './exec.mjs';

const PEER_TROUBLE = /ERESOLVE|peer dep|peerDep|conflicting peer|unmet peer|npm warn peer/i;

export async function npmInstall(runtime, cwd, packages, label) {
  const args = [...runtime.npm.slice(1), 'install', '--no-audit', '--no-fund', ...packages];
  const { output } = await exec(runtime.node, args, { cwd, env: runtime.env, label, timeoutMs: 600_000 });
  const warnings = output.split('\n').filter((line) => /^npm (warn|error)/i.test(line));
  const peerLines = warnings.filter((line) => PEER_TROUBLE.test(line));
  if (peerLines.length > 0) throw new Error(`${label}: npm printed peer trouble:\n${peerLines.join('\n')}`);
  return warnings;
}

export function npmRun(runtime, cwd, script, label) {
  return exec(runtime.node, [...runtime.npm.slice(1), 'run', script], { cwd, env: runtime.env, label, timeoutMs: 300_000 });
}
