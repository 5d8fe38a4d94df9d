import { Input, Text, View } from '@tarojs/components';
import { FieldProblem } from '../../../components/field-problem';
import type { PersonProblems } from '../services/person-form';

/** 姓名 and, for officials, 工作电话 (shown only to their supervisors): the bind page's confirmation and 修改姓名. */
export function PersonFields({
  name,
  phone,
  withPhone,
  nameLabel,
  nameHelp,
  namePlaceholder,
  problems,
  onName,
  onPhone,
}: {
  name: string;
  phone: string;
  withPhone: boolean;
  nameLabel: string;
  nameHelp: string;
  namePlaceholder: string;
  problems: PersonProblems;
  onName: (value: string) => void;
  onPhone: (value: string) => void;
}) {
  return (
    <View>
      <Text className="person-label">{nameLabel}</Text>
      <Text className="person-help">{nameHelp}</Text>
      <Input
        className="person-input cx-person-name"
        type="text"
        value={name}
        maxlength={40}
        placeholder={namePlaceholder}
        onInput={(e) => onName(e.detail.value)}
      />
      <FieldProblem text={problems.displayName} className="cx-person-name-problem" />
      {withPhone ? (
        <View className="person-phone">
          <Text className="person-label">工作电话（选填）</Text>
          <Text className="person-help">只有您的上级管理人员（乡镇街道、区委组织部）能看到，方便工作联系。</Text>
          <Input
            className="person-input cx-person-phone"
            type="text"
            value={phone}
            maxlength={16}
            placeholder="手机号或带区号的座机"
            onInput={(e) => onPhone(e.detail.value)}
          />
          <FieldProblem text={problems.workPhone} className="cx-person-phone-problem" />
        </View>
      ) : null}
    </View>
  );
}
