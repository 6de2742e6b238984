import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from '../src/App.tsx';
import { createQueryClient } from '../src/queryClient.ts';

/** The app as main.tsx mounts it. */
export function renderApp() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>,
  );
}
