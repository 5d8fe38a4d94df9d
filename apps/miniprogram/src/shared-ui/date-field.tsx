import { Picker, Text, View } from '@tarojs/components';
import './date-field.css';
import { accessibleControl } from '../components/accessible-control';

/**
 * A date ("YYYY-MM-DD") or time ("HH:MM") field on Taro's Picker: the wheel in weapp and H5, so nobody types a date.
 * `value` '' shows the placeholder; the wheel then opens on today (date) or on `start` when today is out of range.
 * The trigger is a button to assistive tech, named by `label` and the current value. Pages still check what
 * arrives, and the server checks it again.
 */
export function DateField({
  label,
  value,
  onChange,
  mode = 'date',
  start,
  end,
  placeholder = mode === 'date' ? '选择日期' : '选择时间',
  className = '',
  disabled = false,
  optional = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  mode?: 'date' | 'time';
  /** The earliest and latest choosable value, in the field's own format. */
  start?: string;
  end?: string;
  placeholder?: string;
  /** Classes of the field's box (tests and journeys find the field by them). */
  className?: string;
  disabled?: boolean;
  /** May be left empty: a chosen value can be cleared again (清除). */
  optional?: boolean;
}) {
  return (
    <View className={`cx-date-field ${className}`}>
      <Picker
        mode={mode}
        value={value}
        start={start}
        end={end}
        disabled={disabled}
        onChange={(e) => onChange(String(e.detail.value))}
        className="cx-date-field__picker"
      >
        <View
          className={`cx-date-field__box${disabled ? ' is-disabled' : ''}`}
          hoverClass="cx-pressed"
          role="button"
          aria-label={`${label}：${value || '未选择'}`}
        >
          <Text className={`cx-date-field__value${value ? '' : ' is-empty'}`}>{value || placeholder}</Text>
          <Text className="cx-date-field__mark">▾</Text>
        </View>
      </Picker>
      {optional && value && !disabled ? (
        <View
          className="cx-date-field__clear"
          hoverClass="cx-pressed"
          {...accessibleControl({ label: `清除${label}`, onActivate: () => onChange('') })}
        >
          <Text>清除</Text>
        </View>
      ) : null}
    </View>
  );
}
