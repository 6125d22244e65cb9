// Opening the site's search as a reader does, once the page can: Starlight's search button works
// only after its <site-search> element is defined, which a busy machine may not have done yet when
// the page reports it loaded (a click before that opens nothing).
import type { Page } from 'playwright-core';

/** Opens the search dialog and types `query` into it. */
export async function searchFor(page: Page, query: string): Promise<void> {
  await page.waitForFunction(() => customElements.get('site-search') !== undefined, undefined, { timeout: 30_000 });
  await page.locator('button[data-open-modal]').first().click();
  await page.locator('dialog input').fill(query);
}
