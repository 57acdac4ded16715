// Runs a child process quietly and resolves with its combined `output` (and
// `stdout` alone); rejects on a non-zero exit or timeout with the output tail, so a failing step says why.
import { spawn } from 'node:child_process';

export function exec(command, args, { cwd, env = process.env, timeoutMs = 600_000, label = command } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ output, stdout });
      reject(new Error(`${label} failed (${signal ?? `exit ${code}`}):\n${tail(output)}`));
    });
  });
}

export function tail(text, lines = 40) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** The end of a crashed process's output without stack frames and require-stack paths, so the error line stays in view. */
export function crashTail(text, lines = 25) {
  const kept = text.split('\n').filter((line) => !/^\s+at |^\s+'\/|^\s*- \//.test(line));
  return tail(kept.join('\n'), lines);
}
