import { addDays, shanghaiDay } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import { DateField } from '../../../shared-ui/date-field';
import { MEETING_MAX_DAYS_AHEAD, meetingDayChoices, meetingDayLabel } from '../services/meeting-dates';

/**
 * The date of a new 社区半月谈: big chips for the next Wednesdays and Saturdays, or any day on the date picker
 * (today to 60 days ahead). Days that already have a planned meeting are left out (that meeting is offered instead).
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
        <DateField
          className="cx-meeting-custom"
          label="其他会议日期"
          placeholder="选择其他日期"
          start={today}
          end={addDays(today, MEETING_MAX_DAYS_AHEAD)}
          value={custom}
          onChange={(day) => onChange(day.trim() || undefined)}
        />
      </View>
    </View>
  );
}
