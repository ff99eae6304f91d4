import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { childEnvironment } from '../lib/settings.js';

// The Debian packages the integration tests (and the benches) start as services, and the Java
// the W3C HTML checker (vnu.jar) of the end-to-end suite runs on. `npm test`
// installs them the way it installs Chromium: with apt when run as root on Debian, otherwise it
// stops with the command an operator can run.
const PACKAGES = {
  'redis-server': () => onPath('redis-server'),
  varnish: () => onPath('varnishd'),
  'varnish-modules': () => hasXkey(),
  nginx: () => onPath('nginx') || fs.existsSync('/usr/sbin/nginx'),
  wrk: () => onPath('wrk'),
  'default-jre-headless': () => onPath('java'),
};

function onPath(binary) {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

function hasXkey() {
  const roots = ['/usr/lib/varnish/vmods', '/usr/local/lib/varnish/vmods'];
  for (const dir of fs.existsSync('/usr/lib') ? fs.readdirSync('/usr/lib') : []) {
    roots.push(`/usr/lib/${dir}/varnish/vmods`);
  }
  return roots.some((dir) => fs.existsSync(`${dir}/libvmod_xkey.so`));
}

/** True when apt can install here: Debian (or a derivative) and run as root. */
export function canApt() {
  return (
    process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')
  );
}

/** `apt-get install` of the packages, after an update, non-interactively. */
export function aptInstall(packages, tool = 'ensure-system') {
  const env = childEnvironment({ DEBIAN_FRONTEND: 'noninteractive' });
  console.log(`${tool}: apt-get install ${packages.join(' ')}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

function main() {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(PACKAGES);
  for (const name of names) {
    if (!(name in PACKAGES)) {
      console.error(
        `ensure-system: unknown package "${name}"; known: ${Object.keys(PACKAGES).join(', ')}`,
      );
      process.exit(2);
    }
  }
  const missing = names.filter((name) => !PACKAGES[name]());

  if (missing.length === 0) {
    console.log(`ensure-system: ${names.join(', ')} present`);
  } else if (canApt()) {
    aptInstall(missing);
  } else {
    console.error(
      `ensure-system: missing ${missing.join(', ')}. Install them first, for example:\n` +
        `  sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(import.meta.filename))
  main();
