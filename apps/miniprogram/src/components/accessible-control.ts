import { isH5 } from '../config/runtime-config';

/** The roles our custom (View-based) controls play. */
export type ControlRole = 'button' | 'checkbox' | 'switch' | 'tab' | 'link';

export interface ControlSpec {
  role?: ControlRole;
  /** The accessible name; omit it when the control's own text says it all. */
  label?: string;
  /** On/off: aria-checked for checkbox and switch, aria-selected for tab, aria-pressed for a toggle button. */
  on?: boolean;
  /** Shown but inert: still focusable and announced (its state carries meaning), never activated. */
  disabled?: boolean;
  onActivate: () => void;
}

/** The key press a control hears: Taro's H5 components hand over the DOM event, React tests a synthetic one. */
interface KeyPress {
  key: string;
  target: unknown;
  currentTarget: unknown;
  preventDefault(): void;
}

const ACTIVATION_KEYS = new Set(['Enter', ' ', 'Spacebar']);

function stateAttribute(role: ControlRole, on: boolean): Record<string, string> {
  const value = on ? 'true' : 'false';
  if (role === 'checkbox' || role === 'switch') return { 'aria-checked': value };
  if (role === 'tab') return { 'aria-selected': value };
  if (role === 'button') return { 'aria-pressed': value };
  return {};
}

/**
 * Props that make a View a real control: a tap (onClick) and, in H5, a role, an accessible name, a tab stop and
 * Enter/Space activation, as a native button has. Spread them on the View. The weapp build gets only the tap: Taro's
 * mini-program templates drop role and aria attributes, and there is no keyboard.
 * ARIA states are strings: Taro's H5 wrapper removes an attribute whose value is `false`.
 */
export function accessibleControl(spec: ControlSpec, h5: boolean = isH5()): Record<string, unknown> {
  const { role = 'button', label, on, disabled = false, onActivate } = spec;
  const activate = () => {
    if (!disabled) onActivate();
  };
  if (!h5) return { onClick: activate };
  return {
    role,
    tabIndex: 0,
    ...(label ? { 'aria-label': label } : {}),
    ...(on === undefined ? {} : stateAttribute(role, on)),
    ...(disabled ? { 'aria-disabled': 'true' } : {}),
    onClick: activate,
    onKeyDown: (event: KeyPress) => {
      // A key pressed on a control nested inside (e.g. a photo's 删除 on its tile) is that control's.
      if (event.target !== event.currentTarget || !ACTIVATION_KEYS.has(event.key)) return;
      // Space would also scroll the page.
      event.preventDefault();
      activate();
    },
  };
}

/** Decoration a screen reader should skip (a ✓ beside a label that already says "selected", an arrow). */
export const decorative = (h5: boolean = isH5()): Record<string, string> => (h5 ? { 'aria-hidden': 'true' } : {});
