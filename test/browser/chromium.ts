// The browser tests' Chromium: the launcher lives in src/cli/browser (the bench uses it too); the
// tests add the loud message when there is none.
import { CHROMIUM_PATH, hasChromium } from '../../src/cli/browser/chromium.ts';

export { CHROMIUM_PATH, hasChromium, launchChromium } from '../../src/cli/browser/chromium.ts';

if (!hasChromium) {
  console.warn(
    `\n!!! Browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH}.\n` +
      '!!! Install it with: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).\n',
  );
}
