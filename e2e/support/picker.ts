import type { Locator, Page } from 'playwright-core';

/** The H5 Picker's row height (Taro's weui picker, CSS px); its first row sits 102 px (3 rows) down. */
const ROW = 34;

/**
 * Turns one wheel of the open Picker to the entry whose number is `wanted`, the way a finger does: short drags
 * inside the column (a long one would leave it and end the drag), each settling on a row.
 */
async function turnWheel(page: Page, column: Locator, wanted: number): Promise<void> {
  for (let guard = 0; guard < 60; guard++) {
    const { index, target } = await column.evaluate((el, want) => {
      const host = el as unknown as {
        querySelector(s: string): { style: { transform: string } } | null;
        querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
      };
      const transform = host.querySelector('.weui-picker__content')?.style.transform ?? '';
      const y = /translate3d\(0(?:px)?,\s*(-?[\d.]+)px/.exec(transform);
      const height = y ? Number(y[1]) : 102;
      const items = Array.from(host.querySelectorAll('.weui-picker__item'));
      return {
        index: Math.round((102 - height) / 34),
        target: items.findIndex((i) => Number.parseInt((i.textContent ?? '').replace(/\D/g, ''), 10) === want),
      };
    }, wanted);
    if (target < 0) throw new Error(`the picker has no ${wanted} in this column`);
    if (index === target) return;
    const rows = Math.max(-2, Math.min(2, target - index));
    const box = await column.boundingBox();
    if (!box) throw new Error('the picker column is not on screen');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - rows * ROW, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(250);
  }
  throw new Error(`could not turn the wheel to ${wanted}`);
}

/** Picks a day on a date field (shared-ui/date-field) in Taro's H5 Picker: open, turn year, month and day, 确定. */
export async function pickDate(page: Page, field: Locator, day: string): Promise<void> {
  await field.locator('.cx-date-field__box').first().click();
  // Every Picker keeps its overlay in <body>; the open one's sheet is the visible .weui-picker.
  const overlay = page.locator('.weui-picker:visible').first();
  await overlay.waitFor({ timeout: 10_000 });
  const wanted = day.split('-').map(Number);
  for (let column = 0; column < 3; column++) await turnWheel(page, overlay.locator('.weui-picker__group').nth(column), wanted[column]);
  await overlay.locator('.weui-picker__action', { hasText: '确定' }).first().click();
  await field.locator('.cx-date-field__value', { hasText: day }).first().waitFor({ timeout: 10_000 });
}
