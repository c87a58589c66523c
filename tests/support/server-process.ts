// The real `zonelink` command in a child process (node bin/zonelink.js …), for tests that need the process itself:
// its exit, its output, its survival across faults. Kill what you start: stop() in `after`.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Still running (no exit seen). */
  alive(): boolean;
  /** Resolves once the output matches; rejects when the process exits first or after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves once GET `path` answers `status`; rejects when the process exits first or after `timeoutMs`. */
  waitForStatus(path: string, status: number, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface CommandResult { code: number | null; stdout: string; stderr: string }

/** Runs `zonelink <args>` to its end. */
export function runZonelink(args: string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/zonelink.js', ...args], { env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => { stdout += String(c); });
    child.stderr.on('data', (c) => { stderr += String(c); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `zonelink serve` on 127.0.0.1:`port` with `env` added to this process's environment. */
export function startServe(port: number, env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['bin/zonelink.js', 'serve'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  let exited: number | null | undefined;
  child.stdout!.on('data', (c) => { text += String(c); });
  child.stderr!.on('data', (c) => { text += String(c); });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => { exited = code ?? (signal ? -1 : null); resolve(exited); }));
  const baseUrl = `http://127.0.0.1:${port}`;
  const gone = () => new Error(`zonelink serve exited (${exited}) — output:\n${text.slice(-3000)}`);

  return {
    child,
    baseUrl,
    output: () => text,
    alive: () => exited === undefined,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        if (exited !== undefined) throw gone();
        if (Date.now() > until) throw new Error(`no ${pattern} within ${timeoutMs} ms — output:\n${text.slice(-3000)}`);
        await sleep(50);
      }
    },
    async waitForStatus(path, status, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      let last: string;
      for (;;) {
        if (exited !== undefined) throw gone();
        try {
          const res = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(5_000) });
          await res.arrayBuffer();
          if (res.status === status) return;
          last = String(res.status);
        } catch (error) {
          last = error instanceof Error ? error.message : String(error);
        }
        if (Date.now() > until) throw new Error(`GET ${path} did not answer ${status} within ${timeoutMs} ms (last: ${last}) — output:\n${text.slice(-3000)}`);
        await sleep(100);
      }
    },
    async stop(graceMs = 10_000) {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}
