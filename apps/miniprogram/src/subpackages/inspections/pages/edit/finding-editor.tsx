import { type CatalogueStar, STAR_LABELS, type Star } from '@chuangxing/shared';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { DateField } from '../../../../shared-ui/date-field';
import { type DraftFinding, problemAt } from '../../inspect-form';

/** One finding of the visit: its star, what was found, who fixes it by when, and the veto item it touches. */
export function FindingEditor({
  index,
  finding,
  stars,
  vetoes,
  problems,
  onChange,
  onRemove,
}: {
  index: number;
  finding: DraftFinding;
  stars: readonly Star[];
  vetoes: CatalogueStar[];
  problems: Record<string, string>;
  onChange: (f: DraftFinding) => void;
  onRemove: () => void;
}) {
  const at = `findings.${index}`;
  const starVetoes = vetoes.find((s) => s.star === finding.star)?.vetoes ?? [];
  return (
    <View className="cx-card inspect-finding-edit cx-inspect-finding" data-index={index}>
      <View className="inspect-item__head">
        <Text className="inspect-item__name">问题 {index + 1}</Text>
        <Text className="inspect-link cx-inspect-finding-remove" {...accessibleControl({ onActivate: onRemove })}>
          移除
        </Text>
      </View>
      <Text className="cx-field__label">涉及星级</Text>
      <ChoiceChips
        itemClassName="cx-inspect-finding-star"
        dataName="star"
        choices={stars.map((s) => ({ key: s, label: STAR_LABELS[s] }))}
        isSelected={(s) => s === finding.star}
        onPick={(s) => onChange({ ...finding, star: s, vetoItemId: undefined })}
      />
      <FieldProblem text={problemAt(problems, `${at}.star`)} />
      <Text className="cx-field__label">问题描述</Text>
      <View className="inspect-textarea cx-inspect-finding-text">
        <Textarea
          className="inspect-textarea__input"
          value={finding.description}
          maxlength={300}
          placeholder="现场发现的问题"
          onInput={(e) => onChange({ ...finding, description: e.detail.value })}
        />
      </View>
      <FieldProblem text={problemAt(problems, `${at}.description`)} />
      <View className="inspect-row">
        <View className="inspect-row__cell">
          <Text className="cx-field__label">整改责任人</Text>
          <View className="cx-inspect-finding-owner">
            <Input
              className="cx-input"
              type="text"
              value={finding.owner}
              maxlength={30}
              placeholder="姓名或职务"
              onInput={(e) => onChange({ ...finding, owner: e.detail.value })}
            />
          </View>
          <FieldProblem text={problemAt(problems, `${at}.owner`)} />
        </View>
        <View className="inspect-row__cell">
          <Text className="cx-field__label">整改时限</Text>
          <DateField
            className="cx-inspect-finding-deadline"
            label="整改时限"
            value={finding.deadline}
            onChange={(deadline) => onChange({ ...finding, deadline })}
          />
          <FieldProblem text={problemAt(problems, `${at}.deadline`)} />
        </View>
      </View>
      {starVetoes.length ? (
        <View>
          <Text className="cx-field__label">一票否决项（如触及请选择）</Text>
          <ChoiceChips
            itemClassName="cx-inspect-finding-veto"
            dataName="id"
            // The empty key is 不涉及.
            choices={[{ key: '', label: '不涉及' }, ...starVetoes.map((v) => ({ key: v.id, label: v.text }))]}
            isSelected={(id) => id === (finding.vetoItemId ?? '')}
            onPick={(id) => onChange({ ...finding, vetoItemId: id || undefined })}
          />
          <FieldProblem text={problemAt(problems, `${at}.vetoItemId`)} />
        </View>
      ) : null}
    </View>
  );
}
