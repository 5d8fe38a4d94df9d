import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Stepper } from '../../src/shared-ui/stepper';

const el = (container: HTMLElement, cls: string) => container.querySelector(`.${cls}`) as HTMLElement;
const hooks = { lessClassName: 'cx-less', moreClassName: 'cx-more', valueClassName: 'cx-value' };

describe('Stepper', () => {
  it('− and + move by one within the range', () => {
    const onChange = vi.fn();
    const { container } = render(<Stepper value={3} min={1} max={5} unit="天" {...hooks} onChange={onChange} />);
    expect(el(container, 'cx-value').textContent).toBe('3');
    expect(el(container, 'stepper__unit').textContent).toBe('天');
    fireEvent.click(el(container, 'cx-less'));
    fireEvent.click(el(container, 'cx-more'));
    expect(onChange.mock.calls).toEqual([[2], [4]]);
  });

  it('at the ends of the range the button is greyed and does nothing', () => {
    const onChange = vi.fn();
    const { container, rerender } = render(<Stepper value={1} min={1} max={5} {...hooks} onChange={onChange} />);
    expect(el(container, 'cx-less').classList.contains('is-disabled')).toBe(true);
    fireEvent.click(el(container, 'cx-less'));
    rerender(<Stepper value={5} min={1} max={5} {...hooks} onChange={onChange} />);
    expect(el(container, 'cx-more').classList.contains('is-disabled')).toBe(true);
    fireEvent.click(el(container, 'cx-more'));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('editable: a number field where empty means not given; + from empty starts at min + 1', () => {
    const onChange = vi.fn();
    const { container, rerender } = render(<Stepper editable value={7} max={100_000} {...hooks} onChange={onChange} />);
    const input = () => container.querySelector('input.cx-value') as HTMLInputElement;
    fireEvent.change(input(), { target: { value: '' } });
    fireEvent.change(input(), { target: { value: '12户' } });
    rerender(<Stepper editable value={undefined} max={100_000} {...hooks} onChange={onChange} />);
    expect(input().value).toBe('');
    expect(el(container, 'cx-less').classList.contains('is-disabled')).toBe(true);
    fireEvent.click(el(container, 'cx-more'));
    expect(onChange.mock.calls).toEqual([[undefined], [12], [1]]);
  });
});
