import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';

/** Small stand-ins for @tarojs/components: only the props the pages use reach the DOM. */
interface BaseProps {
  className?: string;
  style?: CSSProperties;
  id?: string;
  children?: ReactNode;
  onClick?: (event: unknown) => void;
  [taroOnlyProp: string]: unknown;
}

/** data-* props reach the DOM as attributes (as they do in H5). */
function dataProps(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith('data-')));
}

/** A tappable element is a button to assistive tech, and Enter taps it, as in a browser. */
function tappable(onClick: BaseProps['onClick']) {
  if (!onClick) return {};
  return {
    role: 'button',
    tabIndex: 0,
    onClick,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Enter') onClick(event);
    },
  };
}

export function View({ className, style, id, children, onClick, ...rest }: BaseProps) {
  return (
    <div className={className} style={style} id={id} {...tappable(onClick)} {...dataProps(rest)}>
      {children}
    </div>
  );
}

export function Text({ className, style, children, onClick }: BaseProps) {
  return (
    <span className={className} style={style} {...tappable(onClick)}>
      {children}
    </span>
  );
}

export function Button({
  className,
  children,
  onClick,
  disabled,
  id,
  openType,
  onAgreePrivacyAuthorization,
}: BaseProps & { disabled?: boolean; openType?: string; onAgreePrivacyAuthorization?: () => void }) {
  // An open-type button does what WeChat does on a tap: agreePrivacyAuthorization fires its event.
  const tap =
    openType === 'agreePrivacyAuthorization'
      ? (event: unknown) => {
          onClick?.(event);
          onAgreePrivacyAuthorization?.();
        }
      : onClick;
  return (
    <button type="button" className={className} id={id} data-open-type={openType} disabled={disabled} onClick={tap}>
      {children}
    </button>
  );
}

interface InputProps {
  className?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  type?: string;
  onInput?: (event: { detail: { value: string } }) => void;
  onConfirm?: (event: { detail: { value: string } }) => void;
  [taroOnlyProp: string]: unknown;
}

export function Input({ className, value, placeholder, maxlength, onInput, onConfirm }: InputProps) {
  return (
    <input
      className={className}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.currentTarget.value } })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onConfirm?.({ detail: { value: e.currentTarget.value } });
      }}
    />
  );
}

export function Textarea({ className, value, placeholder, maxlength, onInput }: InputProps) {
  return (
    <textarea
      className={className}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.currentTarget.value } })}
    />
  );
}

export function Image({ className, src, onClick }: BaseProps & { src?: string }) {
  return <img className={className} src={src} alt="" {...tappable(onClick)} />;
}

/** A `<Canvas type="2d">`: a plain canvas element (tests program Taro.createSelectorQuery to hand out a node). */
export function Canvas({ className, id }: BaseProps) {
  return <canvas className={className} id={id} />;
}

/**
 * A `<Picker mode="date" | "time">`: its children (the trigger), and an input standing in for the wheel. A change
 * on that input is a 确定 with that value (tests can also hand it values the wheel never would, to test the checks).
 */
export function Picker({
  className,
  children,
  mode,
  value,
  disabled,
  onChange,
}: BaseProps & { mode?: string; value?: string; disabled?: boolean; onChange?: (event: { detail: { value: string } }) => void }) {
  return (
    <div className={className} data-picker={mode}>
      {children}
      <input
        className="picker-wheel"
        data-mode={mode}
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange?.({ detail: { value: e.currentTarget.value } })}
      />
    </div>
  );
}
