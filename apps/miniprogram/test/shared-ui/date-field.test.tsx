import { fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateField } from '../../src/shared-ui/date-field';
import { pick } from '../support/pick';

function Harness({ optional, mode }: { optional?: boolean; mode?: 'date' | 'time' }) {
  const [value, setValue] = useState('');
  return (
    <div>
      <DateField className="cx-test-field" label="完成时限" value={value} onChange={setValue} optional={optional} mode={mode} />
      <span className="seen">{value}</span>
    </div>
  );
}

describe('DateField (Taro Picker, date or time)', () => {
  it('shows the placeholder until a value is picked, then the value; the picker gets the mode and the value', () => {
    const { container } = render(<Harness />);
    const field = container.querySelector('.cx-test-field') as HTMLElement;
    expect(field.querySelector('[data-picker]')?.getAttribute('data-picker')).toBe('date');
    expect(field.querySelector('.cx-date-field__value')?.textContent).toBe('选择日期');
    expect(field.querySelector('.cx-date-field__value')?.className).toContain('is-empty');

    pick(field, '2026-03-28');
    expect(field.querySelector('.cx-date-field__value')?.textContent).toBe('2026-03-28');
    expect((field.querySelector('.picker-wheel') as HTMLInputElement).value).toBe('2026-03-28');
    expect(container.querySelector('.seen')?.textContent).toBe('2026-03-28');
    // Not optional: nothing offers to clear it.
    expect(field.querySelector('.cx-date-field__clear')).toBeNull();
  });

  it('a time field; an optional field can be cleared again', () => {
    const { container } = render(<Harness optional mode="time" />);
    const field = container.querySelector('.cx-test-field') as HTMLElement;
    expect(field.querySelector('[data-picker]')?.getAttribute('data-picker')).toBe('time');
    expect(field.querySelector('.cx-date-field__value')?.textContent).toBe('选择时间');
    pick(field, '21:30');
    expect(container.querySelector('.seen')?.textContent).toBe('21:30');
    fireEvent.click(field.querySelector('.cx-date-field__clear') as HTMLElement);
    expect(container.querySelector('.seen')?.textContent).toBe('');
    expect(field.querySelector('.cx-date-field__value')?.textContent).toBe('选择时间');
  });
});
