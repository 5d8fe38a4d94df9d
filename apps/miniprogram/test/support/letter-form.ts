import { fireEvent } from '@testing-library/react';
import { makeMyLetter } from './factories';

/** The 写信 page's helpers, shared by its page tests. */
export const written = (partial: Parameters<typeof makeMyLetter>[0] = {}) => ({
  status: 201,
  body: { letter: makeMyLetter(partial), replayed: false },
});

export function byClass(container: HTMLElement, className: string, text: string): HTMLElement {
  const el = Array.from(container.querySelectorAll<HTMLElement>(`.${className}`)).find((e) => e.textContent?.includes(text));
  if (!el) throw new Error(`no .${className} with ${text}`);
  return el;
}

export function fillLetter(container: HTMLElement, text = '小区东门路灯坏了一个月了') {
  fireEvent.click(byClass(container, 'cx-letter-category', '投诉'));
  fireEvent.change(container.querySelector('.cx-letter-text textarea') as HTMLTextAreaElement, { target: { value: text } });
}
