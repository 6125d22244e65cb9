// The browser tests' Chromium: the launcher lives in src/cli/browser (the bench uses it too); the
// tests add the loud message when there is none.
import { CHROMIUM_PATH, hasChromium } from '../../src/cli/browser/chromium.ts';
import { optionalSuite } from '../support/optional-suite.ts';

export { CHROMIUM_PATH, hasChromium, launchChromium } from '../../src/cli/browser/chromium.ts';

optionalSuite({
  name: 'browser tests',
  missing: hasChromium ? null : `no Chromium at ${CHROMIUM_PATH} (or set CHROMIUM_PATH)`,
  install: 'apt-get install -y chromium fonts-noto-cjk',
});
