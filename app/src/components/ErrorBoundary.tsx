import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Names the part of the page that failed, e.g. 'The playground'. */
  name: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | undefined;
}

/**
 * Keeps one failing view from blanking the page: the rest of the app stays usable and the
 * failed part says what happened and offers a retry.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="view-error">
        <h2>{this.props.name} stopped working</h2>
        <p>
          It hit an error it could not recover from: <code>{error.message}</code>. Your edits are
          kept in this browser.
        </p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
