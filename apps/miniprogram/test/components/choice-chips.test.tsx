import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChoiceChips } from '../../src/components/choice-chips';

const chips = (container: HTMLElement) => Array.from(container.querySelectorAll<HTMLElement>('.cx-kind'));

describe('ChoiceChips', () => {
  const choices = [
    { key: 'rural', label: '农村' },
    { key: 'community', label: '社区' },
  ] as const;

  it('one chip per choice with its hook and key; the chosen one is marked and checked', () => {
    const { container } = render(
      <ChoiceChips itemClassName="cx-kind" choices={choices} isSelected={(k) => k === 'community'} onPick={vi.fn()} />,
    );
    expect(chips(container).map((c) => c.getAttribute('data-key'))).toEqual(['rural', 'community']);
    expect(chips(container).map((c) => c.textContent)).toEqual(['农村', '✓社区']);
    expect(chips(container).map((c) => c.classList.contains('is-selected'))).toEqual([false, true]);
  });

  it('a tap picks the chip’s key (numbers stay numbers)', () => {
    const onPick = vi.fn();
    const { container } = render(
      <ChoiceChips
        itemClassName="cx-kind"
        choices={[
          { key: 7, label: '7 天' },
          { key: 14, label: '14 天' },
        ]}
        isSelected={() => false}
        onPick={onPick}
      />,
    );
    fireEvent.click(chips(container)[1]);
    expect(onPick).toHaveBeenCalledWith(14);
  });

  it('a disabled choice is shown but not picked', () => {
    const onPick = vi.fn();
    const { container } = render(
      <ChoiceChips itemClassName="cx-kind" choices={[{ key: 'a', label: 'A', disabled: true }]} isSelected={() => false} onPick={onPick} />,
    );
    expect(chips(container)[0].classList.contains('is-disabled')).toBe(true);
    fireEvent.click(chips(container)[0]);
    expect(onPick).not.toHaveBeenCalled();
  });

  it('names the key’s data attribute, adds the row’s class, and leaves out the check when asked', () => {
    const { container } = render(
      <ChoiceChips
        className="cx-filters"
        itemClassName="cx-kind"
        dataName="star"
        check={false}
        choices={[{ key: 'industry', label: '产业兴旺星' }]}
        isSelected={() => true}
        onPick={vi.fn()}
      />,
    );
    expect(container.querySelector('.cx-chips.cx-filters')).toBeTruthy();
    expect(chips(container)[0].getAttribute('data-star')).toBe('industry');
    expect(chips(container)[0].textContent).toBe('产业兴旺星');
  });
});
