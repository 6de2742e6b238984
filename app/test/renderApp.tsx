import { render } from '@testing-library/react';
import { App } from '../src/App.tsx';

/** The app as main.tsx mounts it; views that do network work bring their own query client. */
export function renderApp() {
  return render(<App />);
}
