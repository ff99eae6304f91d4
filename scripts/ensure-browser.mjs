import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { childEnvironment, settings } from '../lib/settings.js';

const systemChromium = settings.CHROMIUM_PATH || '/usr/bin/chromium';

function run(command, args) {
  console.log(`ensure-browser: ${command} ${args.join(' ')}`);
  execFileSync(command, args, {
    stdio: 'inherit',
    env: childEnvironment({ DEBIAN_FRONTEND: 'noninteractive' }),
  });
}

if (fs.existsSync(systemChromium)) {
  console.log(`ensure-browser: using ${systemChromium}`);
} else if (fs.existsSync(chromium.executablePath())) {
  console.log(`ensure-browser: using Playwright's Chromium at ${chromium.executablePath()}`);
} else if (
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  fs.existsSync('/usr/bin/apt-get')
) {
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium']);
} else {
  run('npx', ['playwright', 'install', 'chromium']);
}
