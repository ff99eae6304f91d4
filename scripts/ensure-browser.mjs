import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { childEnvironment, settings } from '../lib/settings.js';
import { aptInstall, canApt } from './ensure-system.mjs';

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
} else if (canApt()) {
  aptInstall(['chromium'], 'ensure-browser');
} else {
  run('npx', ['playwright', 'install', 'chromium']);
}
