import { fireEvent } from '@testing-library/react';

/**
 * Picks a value on the date or time Picker inside `field` (an element or a selector): the mock's wheel input takes
 * the value as a 确定 would. Throws when the field has no picker, so a field that went back to typing fails loudly.
 */
export function pick(field: Element | string, value: string): void {
  const root = typeof field === 'string' ? document.querySelector(field) : field;
  const wheel = root?.matches('.picker-wheel') ? root : root?.querySelector('.picker-wheel');
  if (!wheel) throw new Error(`no date/time picker in ${typeof field === 'string' ? field : (field.className ?? 'element')}`);
  fireEvent.change(wheel, { target: { value } });
}
