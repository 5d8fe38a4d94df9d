import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { accessibleControl, decorative } from '../../src/components/accessible-control';

/** The helper's props on a plain element, as Taro's H5 View passes them to its DOM element. */
function Control(props: Parameters<typeof accessibleControl>[0] & { text: string; h5?: boolean }) {
  const { text, h5 = true, ...spec } = props;
  return <div {...accessibleControl(spec, h5)}>{text}</div>;
}

describe('accessibleControl', () => {
  it('gives a View a role, an accessible name, a tab stop and its state in H5', () => {
    render(<Control text="✓ 投诉" label="投诉" on onActivate={() => undefined} />);
    const chip = screen.getByRole('button', { name: '投诉', pressed: true });
    expect(chip.getAttribute('tabindex')).toBe('0');
    expect(chip.getAttribute('aria-disabled')).toBeNull();
  });

  it('announces a checkbox or switch as checked, a tab as selected, each as a string Taro keeps', () => {
    render(
      <>
        <Control text="匿名" role="checkbox" on onActivate={() => undefined} />
        <Control text="大字" role="switch" on={false} onActivate={() => undefined} />
        <Control text="本月" role="tab" on onActivate={() => undefined} />
      </>,
    );
    expect(screen.getByRole('checkbox', { name: '匿名' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('switch', { name: '大字' }).getAttribute('aria-checked')).toBe('false');
    expect(screen.getByRole('tab', { name: '本月' }).getAttribute('aria-selected')).toBe('true');
  });

  it('activates on a tap, Enter and Space, once each, and Space does not scroll the page', () => {
    const onActivate = vi.fn();
    render(<Control text="下月" onActivate={onActivate} />);
    const button = screen.getByRole('button', { name: '下月' });
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Enter' });
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    button.dispatchEvent(space);
    expect(onActivate).toHaveBeenCalledTimes(3);
    expect(space.defaultPrevented).toBe(true);
    fireEvent.keyDown(button, { key: 'a' });
    fireEvent.keyDown(button, { key: 'Tab' });
    expect(onActivate).toHaveBeenCalledTimes(3);
  });

  it('leaves a key pressed on a control nested inside to that control', () => {
    const tile = vi.fn();
    const remove = vi.fn();
    render(
      <div {...accessibleControl({ label: '查看照片 1', onActivate: tile }, true)}>
        <span {...accessibleControl({ label: '删除照片 1', onActivate: remove }, true)}>×</span>
      </div>,
    );
    fireEvent.keyDown(screen.getByRole('button', { name: '删除照片 1' }), { key: 'Enter' });
    expect(remove).toHaveBeenCalledTimes(1);
    expect(tile).not.toHaveBeenCalled();
  });

  it('keeps a disabled control focusable and announced, but inert to taps and keys', () => {
    const onActivate = vi.fn();
    render(<Control text="下月 ›" label="下月" disabled onActivate={onActivate} />);
    const next = screen.getByRole('button', { name: '下月' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(next.getAttribute('tabindex')).toBe('0');
    fireEvent.click(next);
    fireEvent.keyDown(next, { key: 'Enter' });
    fireEvent.keyDown(next, { key: ' ' });
    expect(onActivate).not.toHaveBeenCalled();
  });

  it('in the weapp gives only the tap: the mini-program templates drop roles and there is no keyboard', () => {
    const onActivate = vi.fn();
    const props = accessibleControl({ label: '上月', onActivate }, false);
    expect(Object.keys(props)).toEqual(['onClick']);
    (props.onClick as () => void)();
    expect(onActivate).toHaveBeenCalledTimes(1);
    expect(decorative(false)).toEqual({});
    expect(decorative(true)).toEqual({ 'aria-hidden': 'true' });
  });
});
