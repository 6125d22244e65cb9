// A verdict is never shown for code it was not computed for: a reader's run is judged in the page
// by the build's rule, marked as this run's (of edited code when it is), and Reset brings back the
// build's verdict, figures and output.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { hasChromium } from './chromium.ts';
import { siteSession } from './site-session.ts';
import { replaceCellCode } from './cells.ts';

const PAGES = { ko: '/ko/asyncio-complete-guide/8-asyncio-핵심-api/', en: '/en/asyncio-complete-guide/8-core-asyncio-apis/' };
const GATHER = '[data-cell="asyncio-complete-guide/20a1151a"]';
/** `# 3 run concurrently → 1 s in total`: a timing claim inside `main`, timed by its segment. */
const TIMED = { ko: '/ko/asyncio-basics/asyncio-gather-병렬-실행/', en: '/en/asyncio-basics/asyncio-gather-parallel-execution/', cell: '[data-cell="asyncio-basics/59d908a8"]' };
const CLAIM = { ko: /총 1초.*1초라고 하지만, 실행에는 2초/, en: /1 s in total.*says 1s, the run took 2s/ };
const WORDS = {
  ko: { verified: '검증됨', drift: '불일치', thisRun: '이번 실행', edited: '이번 실행 · 수정한 코드', built: '빌드 실행', legend: '- 문서에만 있음 + 실행 결과에만 있음' },
  en: { verified: 'verified', drift: 'drift', thisRun: 'this run', edited: 'this run · edited code', built: 'build run', legend: '- only in the document + only in the run' },
};

describe.skipIf(!hasChromium)('live verdicts', () => {
  const { open } = siteSession({ width: 1280, height: 1400 });
  const finished = async (cell: Locator) => {
    await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 90_000, interval: 100 }).toSatisfy((s) => ['ok', 'error', 'hangs', 'timeout', 'stopped'].includes(String(s)));
  };
  const head = async (cell: Locator) => ({
    badge: (await cell.locator('.cell-head .badge').innerText()).trim(),
    verdict: await cell.locator('.cell-head .badge').getAttribute('data-verdict'),
    tag: (await cell.locator('.cell-head [data-live-tag]').count()) ? (await cell.locator('.cell-head [data-live-tag]').innerText()).trim() : null,
    meta: (await cell.locator('.cell-head .cell-meta').innerText()).trim(),
  });

  for (const locale of ['ko', 'en'] as const) {
    const w = WORDS[locale];
    it(`${locale}: an edited run that drifts shows drift, marked as this run of edited code, with its diff; Reset brings back the build's`, async () => {
      const page = await open(PAGES[locale]);
      const cell = page.locator(GATHER);
      const before = await head(cell);
      expect(before).toMatchObject({ badge: w.verified, tag: null });
      expect(before.meta.startsWith(w.built)).toBe(true);

      const code = await cell.getAttribute('data-run').then((json) => JSON.parse(json!).code as string);
      // 작업2 now waits 5 s: the output comment in the code still says it ends after 1 s.
      await replaceCellCode(page, cell, code.replace('task("작업2", 1)', 'task("작업2", 5)'));
      await cell.locator('[data-action="run"]').click();
      await finished(cell);
      const after = await head(cell);
      expect(after).toMatchObject({ badge: w.drift, verdict: 'drift', tag: w.edited });
      // The build's figures never sit beside this run's output.
      expect(after.meta).not.toContain(w.built);
      expect(after.meta.startsWith(w.thisRun)).toBe(true);
      expect(after.meta).toContain('5.000s');
      await expect.poll(() => cell.locator('[data-live-diff]').innerText()).toContain('작업2 완료');
      // The build's diff component: coloured rows and a legend in the page's language, no patch headers.
      const diff = cell.locator('[data-live-diff]');
      const diffText = await diff.innerText();
      for (const header of ['@@', 'Index:', '====', '---', '+++', 'stated in the document', 'printed by the run']) expect(diffText).not.toContain(header);
      expect((await diff.locator('.diff-legend').innerText()).replace(/\s+/g, ' ').trim()).toBe(w.legend);
      expect(await diff.locator('.diff-line.diff-removed').count()).toBeGreaterThan(0);
      expect(await diff.locator('.diff-line.diff-added').count()).toBeGreaterThan(0);
      const removedBackground = await diff.locator('.diff-line.diff-removed').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(removedBackground).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
      expect(await cell.locator('[data-live-reason]').innerText()).not.toBe('');
      // The reason's source line is a link to that line of the document in the repository.
      const link = cell.locator('[data-live-reason] a');
      expect(await link.count()).toBeGreaterThan(0);
      expect(await link.first().getAttribute('href')).toMatch(/^https:\/\/github\.com\/.+\/blob\/main\/content\/ko\/asyncio-complete-guide\.md#L\d+$/);

      await cell.locator('[data-action="reset"]').click();
      const reset = await head(cell);
      expect(reset).toEqual(before);
      expect(await cell.locator('[data-live-diff], [data-live-reason]').count()).toBe(0);
      expect(await cell.locator('[data-output] .line').allTextContents()).toContain('[3.000s] 작업3 완료\n');
      await page.close();
    }, 180_000);
  }

  for (const locale of ['ko', 'en'] as const) {
    it(`${locale}: an edited delay under a timing claim in the code drifts`, async () => {
      const page = await open(TIMED[locale]);
      const cell = page.locator(TIMED.cell);
      expect((await head(cell)).verdict).toBe('verified');
      const code = await cell.getAttribute('data-run').then((json) => JSON.parse(json!).code as string);
      expect(code).toContain('asyncio.sleep(1)');
      await replaceCellCode(page, cell, code.replace('asyncio.sleep(1)', 'asyncio.sleep(2)'));
      await cell.locator('[data-action="run"]').click();
      await finished(cell);
      const after = await head(cell);
      expect(after).toMatchObject({ badge: WORDS[locale].drift, verdict: 'drift', tag: WORDS[locale].edited });
      expect(after.meta).toContain('2.000s');
      expect(await cell.locator('[data-live-reason]').innerText()).toMatch(CLAIM[locale]);
      await page.close();
    }, 180_000);
  }

  it('the document\'s code run again is judged again: verified, marked as this run', async () => {
    const page = await open(PAGES.en);
    const cell = page.locator(GATHER);
    await cell.locator('[data-action="run"]').click();
    await finished(cell);
    expect(await head(cell)).toMatchObject({ badge: WORDS.en.verified, verdict: 'verified', tag: WORDS.en.thisRun });
    await page.close();
  }, 180_000);

  it('a syntax error in the edit is this run\'s failure, never beside the build\'s green badge', async () => {
    const page = await open(PAGES.en);
    const cell = page.locator(GATHER);
    const code = await cell.getAttribute('data-run').then((json) => JSON.parse(json!).code as string);
    await replaceCellCode(page, cell, code.replace('async def main():', 'async def main(:'));
    await cell.locator('[data-action="run"]').click();
    await finished(cell);
    const after = await head(cell);
    expect(['drift', 'error']).toContain(after.verdict);
    expect(after.tag).toBe(WORDS.en.edited);
    expect(await cell.locator('.badge-verified').count()).toBe(0);
    await page.close();
  }, 180_000);
});
