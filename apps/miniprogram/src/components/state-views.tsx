import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Resource } from '../hooks/use-resource';
import { displayMessage, type Failure } from '../services/api-failure';

export function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="cx-state cx-state--loading">
      <Text className="cx-state__text">{text}</Text>
    </View>
  );
}

export function EmptyView({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <View className="cx-state cx-state--empty">
      <Text className="cx-state__text">{text}</Text>
      {children}
    </View>
  );
}

export function ErrorView({ failure, onRetry }: { failure: Failure; onRetry?: () => void }) {
  return (
    <View className="cx-state cx-state--error">
      <Text className="cx-state__text cx-state__message">{displayMessage(failure)}</Text>
      {onRetry ? (
        <Button className="cx-btn cx-btn--primary cx-state__retry" onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}

/** Loading / error views around a resource; renders `children(data)` once it is ready. */
export function ResourceView<T>({
  state,
  onRetry,
  children,
}: {
  state: Resource<T>;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}) {
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return <LoadingView />;
    case 'failed':
      return <ErrorView failure={state.failure} onRetry={onRetry} />;
    case 'ready':
      return <>{children(state.data)}</>;
  }
}
