import { shanghaiDay } from '@chuangxing/shared';
import { Input, Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import { meetingDayChoices, meetingDayLabel } from '../services/meeting-dates';

/**
 * The date of a new 社区半月谈: big chips for the next Wednesdays and Saturdays, or any day typed as
 * YYYY-MM-DD. Days that already have a planned meeting are left out (that meeting is offered instead).
 */
export function MeetingDatePicker({
  value,
  taken = [],
  onChange,
}: {
  value?: string;
  taken?: readonly string[];
  onChange: (day: string | undefined) => void;
}) {
  const today = shanghaiDay();
  const days = meetingDayChoices(today).filter((d) => !taken.includes(d));
  // A typed day that is one of the chips lights the chip up instead.
  const custom = value && !days.includes(value) ? value : '';
  return (
    <View className="mailbox-meeting-dates">
      <ChoiceChips
        itemClassName="cx-meeting-date"
        choices={days.map((d) => ({ key: d, label: meetingDayLabel(d, today) }))}
        isSelected={(d) => d === value}
        onPick={onChange}
      />
      <View className="cx-field mailbox-meeting-custom">
        <Text className="mailbox-field__note">其他日期</Text>
        <Input
          className="cx-input cx-meeting-custom"
          value={custom}
          maxlength={10}
          placeholder="YYYY-MM-DD，例如 2026-01-14"
          onInput={(e) => onChange(e.detail.value.trim() || undefined)}
        />
      </View>
    </View>
  );
}
