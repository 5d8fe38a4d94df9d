import { Input, Text, View } from '@tarojs/components';
import { accessibleControl } from '../components/accessible-control';
import './stepper.css';

/**
 * − n + with big buttons, within min–max (a button at the end of the range is greyed and does nothing). `editable`
 * puts a number field in the middle, where empty means "not given" (undefined). The class names are stable hooks.
 */
export function Stepper({
  value,
  min = 0,
  max,
  unit,
  editable = false,
  lessClassName,
  moreClassName,
  valueClassName,
  onChange,
}: {
  value: number | undefined;
  min?: number;
  max: number;
  unit?: string;
  editable?: boolean;
  lessClassName?: string;
  moreClassName?: string;
  valueClassName?: string;
  onChange: (value: number | undefined) => void;
}) {
  const current = value ?? min;
  const canLess = value !== undefined && value > min;
  const canMore = current < max;
  const hook = (name?: string) => (name ? ` ${name}` : '');
  return (
    <View className="stepper">
      <View
        className={`stepper__btn${canLess ? '' : ' is-disabled'}${hook(lessClassName)}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ label: `减少${unit ?? ''}`, disabled: !canLess, onActivate: () => onChange(Math.min(max, current - 1)) })}
      >
        <Text>−</Text>
      </View>
      {editable ? (
        <Input
          className={`stepper__input${hook(valueClassName)}`}
          type="number"
          value={value === undefined ? '' : String(value)}
          placeholder={String(min)}
          maxlength={String(max).length}
          onInput={(e) => {
            const digits = e.detail.value.replace(/[^\d]/g, '');
            onChange(digits === '' ? undefined : Number(digits));
          }}
        />
      ) : (
        <Text className={`stepper__value${hook(valueClassName)}`}>{value ?? ''}</Text>
      )}
      <View
        className={`stepper__btn${canMore ? '' : ' is-disabled'}${hook(moreClassName)}`}
        hoverClass="cx-pressed"
        {...accessibleControl({
          label: `增加${unit ?? ''}`,
          disabled: !canMore,
          onActivate: () => onChange(Math.max(min, value === undefined ? min + 1 : current + 1)),
        })}
      >
        <Text>+</Text>
      </View>
      {unit ? <Text className="stepper__unit">{unit}</Text> : null}
    </View>
  );
}
