// The static checks before the tests, in two lanes at once: tsc and eslint are single-threaded,
// so on a two-core machine the type check and the lint + build run side by side. Each lane's
// output is printed whole when it ends (never interleaved); the first failing step stops its lane.
import { spawn } from 'node:child_process';

const lanes = [
  ['typecheck', 'lint:format', 'lint:citations', 'lint:test-support'],
  ['lint:boundaries', 'lint:eslint', 'build:renderer'],
];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runScript(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      resolve({ script, ok: code === 0, output, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

async function runLane(scripts) {
  for (const script of scripts) {
    const result = await runScript(script);
    process.stdout.write(`\n> ${script}: ${result.ok ? 'ok' : 'FAILED'} (${result.seconds.toFixed(0)} s)\n`);
    process.stdout.write(result.output);
    if (!result.ok) return false;
  }
  return true;
}

const results = await Promise.all(lanes.map(runLane));
process.exit(results.every(Boolean) ? 0 : 1);
