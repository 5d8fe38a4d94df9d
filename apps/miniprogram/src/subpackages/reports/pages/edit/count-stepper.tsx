import { Input, Text, View } from '@tarojs/components';
import { FieldProblem } from '../../../../components/field-problem';
import { COUNT_MAX } from '../../services/report-form';

/** − [number] + with big buttons; empty means "not reported". */
export function CountStepper({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: number | undefined;
  error?: string;
  onChange: (value: number | undefined) => void;
}) {
  const step = (delta: number) => {
    const next = Math.min(COUNT_MAX, Math.max(0, (value ?? 0) + delta));
    onChange(next);
  };
  return (
    <View className="report-count">
      <View className="report-count__row">
        <Text className="report-count__label">{label}</Text>
        <View className="report-count__stepper">
          <View className={`report-count__btn${!value ? ' is-disabled' : ''}`} hoverClass="cx-pressed" onClick={() => step(-1)}>
            <Text>−</Text>
          </View>
          <Input
            className="report-count__input"
            type="number"
            value={value === undefined ? '' : String(value)}
            placeholder="0"
            maxlength={6}
            onInput={(e) => {
              const text = e.detail.value.replace(/[^\d]/g, '');
              onChange(text === '' ? undefined : Number(text));
            }}
          />
          <View className="report-count__btn" hoverClass="cx-pressed" onClick={() => step(1)}>
            <Text>+</Text>
          </View>
        </View>
      </View>
      <FieldProblem text={error} />
    </View>
  );
}
