// `npm start`: build what is missing, then open the desktop window — or, where Electron cannot run, serve the app on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const rendererIndex = path.join(root, 'build', 'out', 'renderer', 'index.html');
const sourcesChanged = () =>
  Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'db', 'contract'))) >
  fs.statSync(rendererIndex).mtimeMs;
if (!fs.existsSync(rendererIndex) || sourcesChanged()) {
  console.log('Building the screens…');
  run(process.execPath, [
    path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'renderer/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
}

/** The Electron executable, or the reason there is none. */
function electronBinary() {
  try {
    const binary = require('electron');
    if (typeof binary === 'string' && fs.existsSync(binary)) return { binary };
    return { reason: 'the Electron binary is not installed (it could not be downloaded)' };
  } catch {
    return { reason: 'the Electron binary is not installed (it could not be downloaded)' };
  }
}

/** Whether 127.0.0.1:port can be bound now; if not (another copy running, say) the host takes any free port. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const electron = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

let child;
if (electron.binary && hasDisplay) {
  run(process.execPath, [path.join(root, 'build', 'bundle-electron.mjs')]);
  child = spawn(electron.binary, [path.join(root, 'build', 'out', 'electron', 'main.cjs'), '--offer-demo', ...args], {
    cwd: root,
    stdio: 'inherit',
  });
} else {
  const why = electron.reason ?? 'there is no display';
  console.log(`Electron cannot run here (${why}): serving StrokeDesk in the browser instead.`);
  const wanted = Number(process.env.PORT ?? 4180);
  const port = args.includes('--port') ? [] : ['--port', String((await portIsFree(wanted)) ? wanted : 0)];
  child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'db', 'host', 'cli.ts'), '--offer-demo', '--quiet', ...port, ...args],
    { cwd: root, stdio: 'inherit' },
  );
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
