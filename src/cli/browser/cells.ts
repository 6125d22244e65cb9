// Driving a runnable cell as a reader does, shared by the browser tests and the bench.
import type { Locator, Page } from 'playwright-core';

/** Opens the cell's editor (CodeMirror loads on first use) and replaces its code with `code`. */
export async function replaceCellCode(page: Page, cell: Locator, code: string): Promise<void> {
  // Once the editor is open, the Edit button is hidden: type into the editor as it is.
  const edit = cell.locator('[data-action="edit"]');
  if (await edit.isVisible()) await edit.click();
  const content = cell.locator('[data-editor] .cm-content');
  await content.waitFor({ timeout: 30_000 });
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}
