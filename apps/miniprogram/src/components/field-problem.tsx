import { Text } from '@tarojs/components';

/**
 * A field's problem in red below it; nothing when there is none. `className` adds a stable hook, `path` names the
 * field (`data-path`) where a form has many.
 */
export function FieldProblem({ text, className, path }: { text?: string; className?: string; path?: string }) {
  if (!text) return null;
  return (
    <Text className={`cx-field__error${className ? ` ${className}` : ''}`} data-path={path}>
      {text}
    </Text>
  );
}
