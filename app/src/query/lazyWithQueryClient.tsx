import { lazy, memo, type ComponentType } from 'react';

/**
 * A lazy view that brings TanStack Query with it. Only views that do network work need the
 * query client, so the playground's decision paints without downloading it. The view renders
 * again only when its props change, as the views it wraps take props that stay put while typing.
 */
export function lazyWithQueryClient<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [View, { WithQueryClient }] = await Promise.all([
      load(),
      import('./WithQueryClient.tsx'),
    ]);
    function ViewWithQueryClient(props: P) {
      return (
        <WithQueryClient>
          <View {...props} />
        </WithQueryClient>
      );
    }
    return { default: memo(ViewWithQueryClient) };
  });
}
