import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../queryClient.ts';

// One client for the page, created when the first view that does network work loads.
const client = createQueryClient();

export function WithQueryClient({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
