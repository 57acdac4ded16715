// Plain `npm install` / `npm run` under the target's Node (npm checks engines against the
// Node that runs it). A consumer must not meet ERESOLVE or a peer warning: peerTrouble() finds them.
import { exec } from './exec.mjs';

const PEER_TROUBLE = /ERESOLVE|peer dep|peerDep|conflicting peer|unmet peer|npm warn peer/i;

/** Installs and returns npm's warning lines; rejects only when npm itself fails. */
export async function npmInstall(runtime, cwd, packages, label) {
  const args = [...runtime.npm.slice(1), 'install', '--no-audit', '--no-fund', ...packages];
  const { output } = await exec(runtime.node, args, { cwd, env: runtime.env, label, timeoutMs: 600_000 });
  return output.split('\n').filter((line) => /^npm (warn|error)/i.test(line));
}

/** Throws with every npm warning line (the ERESOLVE detail follows the first one) if any is about peers. */
export function assertNoPeerTrouble(warnings) {
  if (warnings.some((line) => PEER_TROUBLE.test(line))) throw new Error(`npm printed peer trouble:\n${warnings.slice(0, 40).join('\n')}`);
  return true;
}

export function npmRun(runtime, cwd, script, label, args = []) {
  const scriptArgs = args.length > 0 ? ['--', ...args] : [];
  return exec(runtime.node, [...runtime.npm.slice(1), 'run', script, ...scriptArgs], { cwd, env: runtime.env, label, timeoutMs: 300_000 });
}
