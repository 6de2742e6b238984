import { QueryClient } from '@tanstack/react-query';

/**
 * One client for the whole app. Network work (discovery, the live flow) runs through it; the
 * scope decision never does, because it is a pure function of what is on screen.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A probe of someone's server is a deliberate act, not something to repeat on focus.
      queries: { refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
  });
}
